/**
 * The gate's verdict over one synth: the app passes only when every pack that ran concluded "success"
 * after the acknowledgements, the tier-separation pack is among them, and the CDK wrote its report.
 * Anything the gate cannot establish is a reason to refuse (fail closed), never a pass.
 *
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { isCrossingRule } from '../nag/crossing';
import type { PluginReport, ReportedViolation, ValidationReport } from './validation-report';

/** The tier-separation pack's name (lib/nag PACK_NAME; repeated here so this file stays free of aws-cdk-lib). */
export const TIER_PACK_NAME = 'ThreeTierSeparation';

/** A pack registered on the app, as the verdict records it. */
export interface RegisteredPack {
  name: string;
  /** The pack's own version, or the version of the npm package that ships it. */
  version?: string;
  /** The npm package that ships the pack. */
  package?: string;
}

export interface PackVerdict extends RegisteredPack {
  /** `not-reported`: registered, ran, and had nothing to say (the CDK lists only packs with something to say). */
  conclusion: 'success' | 'failure' | 'not-reported';
  /** Violations left after the acknowledgements (warnings included). */
  unacknowledged: number;
  /** Violations acknowledged with a reason (listed under suppressedViolations by the CDK). */
  acknowledged: number;
}

export interface BlockingResource {
  constructPath?: string;
  templatePath?: string;
  logicalId?: string;
}

/** One violation that stops the synth. */
export interface BlockingViolation {
  pack: string;
  rule: string;
  severity: string;
  /** A tier crossing (or a refused attempt to acknowledge one): removed, never acknowledged. */
  crossing: boolean;
  description: string;
  fix?: string;
  from?: string;
  to?: string;
  resources: BlockingResource[];
}

export interface SynthVerdict {
  passed: boolean;
  packs: PackVerdict[];
  blocking: BlockingViolation[];
  /** What the gate itself could not establish (each one refuses the synth). */
  problems: string[];
}

export interface JudgeInput {
  /** The CDK's validation report; undefined when it wrote none. */
  report: ValidationReport | undefined;
  /** The packs registered on the app's root. */
  registered: RegisteredPack[];
  /** Whether the tier-separation pack ran during this synth. */
  tierPackRan: boolean;
}

const FAILING = new Set(['error', 'fatal']);

export function judgeValidationReport(input: JudgeInput): SynthVerdict {
  const problems: string[] = [];
  const registeredNames = new Set(input.registered.map((p) => p.name));
  if (!registeredNames.has(TIER_PACK_NAME)) {
    problems.push(
      `the ${TIER_PACK_NAME} pack is not registered on the app: register the packs on the App (registerPolicyPlugins(app)), not on a Stage, so every stack is judged`,
    );
  } else if (!input.tierPackRan) {
    problems.push(`the ${TIER_PACK_NAME} pack is registered but did not run during this synth, so nothing was proven`);
  }
  if (!input.report) {
    problems.push('the CDK wrote no validation report (validation-report.json), so the packs\' verdicts cannot be read');
  }
  const reports = input.report?.pluginReports ?? [];
  const byName = new Map(reports.map((r) => [r.pluginName, r]));
  const packs: PackVerdict[] = input.registered.map((p) => packVerdict(p, byName.get(p.name)));
  // Plugins the CDK added itself (CloudFormation validation, annotations) count too.
  for (const r of reports.filter((x) => !registeredNames.has(x.pluginName))) {
    packs.push(packVerdict({ name: r.pluginName, ...(r.pluginVersion ? { version: r.pluginVersion } : {}) }, r));
  }
  const blocking = reports.filter((r) => r.conclusion !== 'success').flatMap(blockingOf);
  return { passed: problems.length === 0 && blocking.length === 0, packs, blocking, problems };
}

function packVerdict(pack: RegisteredPack, report: PluginReport | undefined): PackVerdict {
  if (!report) return { ...pack, conclusion: 'not-reported', unacknowledged: 0, acknowledged: 0 };
  return {
    ...pack,
    ...(report.pluginVersion && !pack.version ? { version: report.pluginVersion } : {}),
    conclusion: report.conclusion === 'success' ? 'success' : 'failure',
    unacknowledged: report.violations.length,
    acknowledged: report.suppressedViolations?.length ?? 0,
  };
}

/** The violations that make a failed report fail: errors and fatals, or every violation when none is (strict mode). */
function blockingOf(report: PluginReport): BlockingViolation[] {
  const failing = report.violations.filter((v) => FAILING.has((v.severity ?? 'error').toLowerCase()));
  const chosen = failing.length > 0 ? failing : report.violations;
  if (chosen.length === 0) {
    return [{ pack: report.pluginName, rule: '(none listed)', severity: 'error', crossing: false, description: `${report.pluginName} concluded "${report.conclusion}" without listing a violation`, resources: [] }];
  }
  return chosen.map((v) => toBlocking(report.pluginName, v));
}

function toBlocking(pack: string, v: ReportedViolation): BlockingViolation {
  const crossing = pack === TIER_PACK_NAME && (v.ruleMetadata?.crossing === 'true' || isCrossingRule(v.ruleName));
  return {
    pack,
    rule: v.ruleName,
    severity: v.severity ?? 'error',
    crossing,
    description: v.description,
    ...(v.suggestedFix ? { fix: v.suggestedFix } : {}),
    ...(v.ruleMetadata?.from ? { from: v.ruleMetadata.from } : {}),
    ...(v.ruleMetadata?.to ? { to: v.ruleMetadata.to } : {}),
    resources: (v.violatingConstructs ?? []).map((c) => ({
      ...(c.constructPath ? { constructPath: c.constructPath } : {}),
      ...(c.cloudFormationResource?.templatePath ? { templatePath: c.cloudFormationResource.templatePath } : {}),
      ...(c.cloudFormationResource?.logicalId ? { logicalId: c.cloudFormationResource.logicalId } : {}),
    })),
  };
}
