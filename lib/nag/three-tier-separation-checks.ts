/**
 * The cdk-nag 3 pack that puts the tier-separation proof inside `cdk synth`.
 *
 * Why a plain IPolicyValidationPlugin and not a NagPack subclass: NagPack's contract is one predicate per
 * CfnResource (`checkResource`), but reachability is a property of the whole app — a route in one stack,
 * an attachment in a second, a security group in a nested stack. The plugin interface hands us every
 * template of every Stage in ONE call (`context.stackTemplates`) plus the construct tree, so the engine's
 * model is built exactly once per synth, from the same CloudFormation the `verify` command reads. We keep
 * the NagPack surface users know (`name`, `ruleIds`, `validateScope`-style direct use via `runEngine`),
 * and leave acknowledgement handling to the CDK itself, which audits it in validation-report.json.
 *
 * Severity mapping:
 * - a tier crossing → `fatal` (the CDK refuses to suppress fatal violations); an attempt to acknowledge
 *   one is itself reported as a fatal `TIER-ACK-REFUSED` so nobody believes the acknowledgement worked;
 * - every other engine finding keeps its own rule id and severity (`error` fails synth and may be
 *   acknowledged with a reason, which the reviewer's report lists; `warning` is shown).
 */
import * as path from 'path';
import {
  Stack,
  Stage,
  Token,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  type PolicyViolatingResource,
  type PolicyViolation,
} from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Finding, ResourceRef } from '../checks/finding';
import { citationText } from '../checks/citations';
import type { TierPolicy } from '../policy/schema';
import { endpointLabel, findingWords, hopLine, trafficLabel } from '../report/describe';
import { messagesFor } from '../report/i18n';
import type { Acknowledgement } from '../report/report-input';
import type { CostSection } from '../report/cost-section';
import { collectAcknowledgements } from './acknowledgements';
import { collectTemplates, resourceKey, type CollectedTemplates } from './collect-templates';
import { CROSSING_RULE_IDS, HYGIENE_RULE_IDS, isCrossing } from './crossing';
import type { EngineRun, TierEngine } from '../report/engine-run';
import { SYNTH_REPORT_OPTIONS, writeSynthReports } from './write-synth-reports';
import { ProofReuse, proofReuseStats, proofVerdictKey, reportInputsKey } from './proof-reuse';
import { buildRecord } from '../report/record/from-templates';
import { describeInvocation } from '../report/record/invocation';
import { configurationRefs, provenanceFacts, type ProvenanceFacts } from '../report/record/provenance';
import type { ReportRecord } from '../report/record/record';
import { loadPolicy } from '../policy/load';

export const PACK_NAME = 'ThreeTierSeparation';
export const ACK_REFUSED_RULE = 'TIER-ACK-REFUSED';
/** Context key that sets where the reviewer's report is written on every synth (`false` to skip). */
export const REPORT_DIR_CONTEXT = 'closed-telework:reportDir';
/** Context key naming the tier policy file (default: the packaged policies/tier-policy.yaml). */
export const POLICY_FILE_CONTEXT = 'closed-telework:policyFile';

export interface ThreeTierSeparationChecksProps {
  /**
   * Where the reviewer's report (Markdown and HTML in ja and en, SVG, JUnit, SARIF) is written on every
   * synth, outside the cloud assembly. `false` writes nothing.
   * @default the `closed-telework:reportDir` context value, else `reports` beside the cloud assembly
   *   (`cdk.out` → `reports/` in the project; any other outdir `X` → `X-reports`, so tests never write into
   *   the working tree)
   */
  readonly reportDir?: string | false;
  /** The tier policy file. @default the `closed-telework:policyFile` context value, else `policy`, else the packaged default */
  readonly policyFile?: string;
  /**
   * The tier policy itself — for an app built from municipality configurations, `tierPolicyFromConfigs`
   * (lib/stages) derives it, so the proof's on-premises networks and telework pools are the configuration's.
   * A policy file (prop or context) wins over it.
   */
  readonly policy?: TierPolicy;
  /**
   * The 費用試算 sections of the reviewer's report, asked for only when the report is written (an app built
   * from municipality configurations passes them: lib/stages/build-app.ts). @default no cost section
   */
  readonly costSections?: () => readonly CostSection[];
  /**
   * What `costSections` computes the sections from, as plain data (an app built from configurations passes the
   * configurations): a reused report is keyed on it — with this package's code and the date, which the key
   * holds anyway — so an unchanged synth does not estimate again. Without it the sections are computed on
   * every synth that writes the report, and the report is keyed on them.
   */
  readonly costInputs?: unknown;
  /** The engine; replaced only in tests of the pack itself. @default the tier-separation engine (lib/checks) */
  readonly engine?: TierEngine;
  /** Clock for the report's timestamp (tests). */
  readonly now?: () => Date;
  /**
   * Where the proof's verdict and the rendered report are kept for byte-identical inputs (proof-reuse.ts says
   * what the keys cover and what a reused report's time means); `false` judges and renders on every synth.
   * Never used with an injected `engine`.
   * @default CLOSED_TELEWORK_TIER_CACHE (a directory or `off`), CLOSED_TELEWORK_CACHE=off turns it off, else
   *   node_modules/.cache/closed-telework/tier-proof under the working directory
   */
  readonly cacheDir?: string | false;
}

/** The result of one run of the pack, for the policy-test API and for direct use. */
export interface PackRun {
  collected: CollectedTemplates;
  engine: EngineRun;
  acknowledgements: Acknowledgement[];
  report: PolicyValidationPluginReport;
}

export class ThreeTierSeparationChecks implements IPolicyValidationPlugin {
  public readonly name = PACK_NAME;
  public readonly version = '0.1.0';
  public readonly ruleIds = [...CROSSING_RULE_IDS, ...HYGIENE_RULE_IDS, ACK_REFUSED_RULE];
  /** The last run, kept so a test or the synth report can look at what the pack saw. */
  public lastRun?: PackRun;
  /** Where the last run wrote the reviewer's report (`false`: not written), for the synth gate's verdict beside it. */
  public lastReportDir?: string | false;
  /** The report the last run wrote: the time it carries and whether it was written from the store (proof-reuse.ts). */
  public lastReport?: { generatedAt: string; reused: boolean };
  /** True when the last run's verdict was reused for byte-identical inputs rather than judged. */
  public lastVerdictReused?: boolean;

  private readonly reuse: ProofReuse | undefined;
  /** The key of the last run's verdict inputs (proof-reuse.ts), when they could be written down exactly. */
  private lastVerdictKey: string | undefined;

  constructor(private readonly props: ThreeTierSeparationChecksProps = {}) {
    this.reuse = props.engine !== undefined || props.cacheDir === false ? undefined : props.cacheDir !== undefined ? new ProofReuse(props.cacheDir) : ProofReuse.fromEnvironment();
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const app = context.appConstruct;
    const run = this.runEngine(app, context.stackTemplates);
    const reportDir = this.props.reportDir ?? contextValue(app, REPORT_DIR_CONTEXT) ?? defaultReportDir(app);
    this.lastReportDir = reportDir !== false && reportDir !== 'false' ? path.resolve(String(reportDir)) : false;
    if (this.lastReportDir !== false) {
      const generatedAt = (this.props.now ?? (() => new Date()))().toISOString();
      const sources = run.collected.templates.map((t) => path.relative(process.cwd(), t.file));
      const record = this.recordSource(app, run);
      // Sections given without what they are computed from are computed now: the report is keyed on them.
      const sections = this.props.costSections !== undefined && this.props.costInputs === undefined ? this.props.costSections() : undefined;
      const cost = sections !== undefined ? (['sections', sections] as const) : this.props.costSections !== undefined ? (['inputs', this.props.costInputs] as const) : (['none'] as const);
      // The report of the same inputs is reused (proof-reuse.ts): keyed on the verdict's key and the rest of what it is made from.
      const key =
        this.reuse !== undefined && this.lastVerdictKey !== undefined
          ? reportInputsKey({ verdictKey: this.lastVerdictKey, acknowledgements: run.acknowledgements, sources, provenance: record.facts, cost, ...SYNTH_REPORT_OPTIONS })
          : undefined;
      const costSections = this.props.costSections;
      const written = writeSynthReports({
        dir: this.lastReportDir,
        sources,
        engine: run.engine,
        acknowledgements: run.acknowledgements,
        generatedAt,
        record: record.make,
        ...(sections !== undefined ? { cost: () => sections } : costSections !== undefined ? { cost: costSections } : {}),
        ...(key !== undefined ? { reuse: { store: this.reuse!, key } } : {}),
      });
      this.lastReport = { generatedAt: written.generatedAt, reused: written.reused };
    }
    return run.report;
  }

  /**
   * The header of record: its facts from outside the templates (provenance from the app and its context) now,
   * for the report's key; the record itself, with the sections read from the templates, when it is made.
   */
  private recordSource(app: IConstruct, run: PackRun): { facts: ProvenanceFacts; make: (generatedAt: string) => ReportRecord } {
    const invocation = describeInvocation();
    const policyFile = this.props.policyFile ?? stringContext(app, POLICY_FILE_CONTEXT);
    const environments = new Map<string, { account?: string; region?: string }>();
    for (const c of app.node.findAll()) {
      if (!Stack.isStack(c) || c.nested) continue;
      const env = { ...(Token.isUnresolved(c.account) ? {} : { account: c.account }), ...(Token.isUnresolved(c.region) ? {} : { region: c.region }) };
      environments.set(`${env.account ?? ''}/${env.region ?? ''}`, env);
    }
    const input = {
      templates: run.collected.templates,
      environments: [...environments.values()],
      configurations: configurationRefs((key) => app.node.tryGetContext(key)),
      command: invocation.viaCommand ?? invocation.cdkCommand ?? invocation.appCommand,
    };
    const facts = provenanceFacts(input);
    const make = (generatedAt: string): ReportRecord => {
      // The record reads only the closed-SIM pools from the policy. The engine has already judged with it (and a
      // policy file it could not read failed the synth there); an engine that reads no policy file (a test's
      // stand-in) must not fail the report here.
      let policy = this.props.policy;
      if (policyFile) {
        try {
          policy = loadPolicy(policyFile);
        } catch {
          policy = undefined;
        }
      }
      return buildRecord({ ...input, generatedAt, ...(policy ? { policy } : {}) }, facts);
    };
    return { facts, make };
  }

  /** Build the model once over every template, run the engine, and turn findings into violations. */
  public runEngine(app: IConstruct, stacks: IPolicyValidationContext['stackTemplates']): PackRun {
    const collected = collectTemplates(app, stacks);
    const policyFile = this.props.policyFile ?? stringContext(app, POLICY_FILE_CONTEXT);
    const policyInput = policyFile ? { policyFile } : this.props.policy ? { policy: this.props.policy } : {};
    // The verdict of byte-identical inputs is reused (proof-reuse.ts); anything else is judged.
    const key = this.reuse ? proofVerdictKey({ collected, ...policyInput, codeMemoDir: path.join(this.reuse.dir, 'code-identity') }) : undefined;
    this.lastVerdictKey = key;
    const reused = key !== undefined ? this.reuse!.verdict(key) : undefined;
    this.lastVerdictReused = reused !== undefined;
    // Construct paths came in at load time (collectTemplates): every hop already names the construct a developer edits.
    const result: EngineRun = reused ?? (this.props.engine ?? defaultEngine())({ templates: collected.templates, missingNested: collected.missingNested, ...policyInput });
    if (reused) proofReuseStats.verdicts.reused++;
    else {
      proofReuseStats.verdicts.judged++;
      if (key !== undefined) this.reuse!.storeVerdict(key, result);
    }
    const fileOf = new Map(collected.templates.map((t) => [t.stack, t.file]));
    const violations: PolicyViolation[] = result.findings.map((f) => toViolation(f, collected, fileOf));
    const acknowledgements = collectAcknowledgements(app, result.findings, PACK_NAME);
    for (const refused of acknowledgements.filter((a) => a.refused)) {
      violations.push({
        ruleName: ACK_REFUSED_RULE,
        severity: 'fatal',
        description:
          `Acknowledgement of ${PACK_NAME}::${refused.ruleId} at ${refused.acknowledgedAt} is refused: a tier crossing can never be acknowledged (MIC three-tier separation). ` +
          'Remove the acknowledgement and remove the construct that joins the tiers; do not declare the path in the tier policy file either. ' +
          'Data moves between tiers only by sanitised exchange (無害化) through a mechanism approved by the information security officer (CISO). / ' +
          `${refused.acknowledgedAt} での ${refused.ruleId} の承認は拒否されました。系をまたぐ経路は承認できず、ポリシーファイルへの宣言で通すこともできません。` +
          '承認を削除し、系をつないでいる構成要素を取り除いてください。系の間のデータの受け渡しは、最高情報セキュリティ責任者（CISO）が承認した無害化の仕組みを通す場合に限ります。',
        fix: 'Delete the Validations.of(...).acknowledge() call for this rule and remove the construct that joins the tiers.',
        ruleMetadata: { acknowledgedId: `${PACK_NAME}::${refused.ruleId}`, reason: refused.reason },
        violatingResources: [{ constructPath: refused.acknowledgedAt, locations: [] }],
      });
    }
    const success = violations.every((v) => v.severity !== 'error' && v.severity !== 'fatal');
    const report: PolicyValidationPluginReport = { success, violations, pluginVersion: this.version, metadata: { templates: String(collected.templates.length) } };
    const run: PackRun = { collected, engine: result, acknowledgements, report };
    this.lastRun = run;
    return run;
  }
}

/** `reports` beside a `cdk.out` directory, else `<outdir>-reports`: outside the cloud assembly either way. */
export function defaultReportDir(app: IConstruct): string {
  const outdir = Stage.isStage(app) ? app.outdir : path.resolve('cdk.out');
  return path.basename(outdir) === 'cdk.out' ? path.join(path.dirname(outdir), 'reports') : `${outdir}-reports`;
}

function contextValue(app: IConstruct, key: string): string | false | undefined {
  const raw: unknown = app.node.tryGetContext(key);
  if (raw === undefined || raw === null) return undefined;
  if (raw === false) return false;
  return String(raw);
}

function stringContext(app: IConstruct, key: string): string | undefined {
  const v = contextValue(app, key);
  return typeof v === 'string' ? v : undefined;
}

/** The engine behind lib/checks, loaded lazily so a pack built with an injected engine never needs it. */
function defaultEngine(): TierEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../report/engine-run') as { runTierEngine: TierEngine }).runTierEngine;
}

function violatingResource(ref: ResourceRef | undefined, collected: CollectedTemplates, fileOf: Map<string, string>): PolicyViolatingResource[] {
  if (!ref) return [];
  const file = fileOf.get(ref.stack);
  const constructPath = ref.constructPath ?? collected.constructPathOf(ref.stack, ref.logicalId);
  return [
    {
      ...(file ? { templatePath: file, resourceLogicalId: ref.logicalId } : {}),
      ...(constructPath ? { constructPath } : {}),
      locations: ['Properties'],
    },
  ];
}

/** A finding as a violation: the readable witness path in the description, the structured parts in ruleMetadata. */
export function toViolation(f: Finding, collected: CollectedTemplates, fileOf: Map<string, string>): PolicyViolation {
  const m = messagesFor('en');
  const crossing = isCrossing(f);
  const { from, to } = f;
  const words = findingWords(f, m);
  const lines = [`${words.title} — ${endpointLabel(from, m)} → ${endpointLabel(to, m)} (${m.direction[f.direction]}, ${trafficLabel(f, m)})`];
  if (f.path.length > 0) {
    lines.push('Witness path:', ...f.path.map((h, i) => `  ${hopLine(h, i, m)}`));
    lines.push(`Layers that would still block: ${f.stillBlockedBy.length > 0 ? f.stillBlockedBy.join(', ') : 'none'}`);
  }
  const cite = citationText(f.citation, 'en');
  if (cite) lines.push(`Requirement: ${cite}`);
  // Every crossing is fatal, also one the engine rates a warning (routes connect but a layer still blocks
  // every packet; the title says so): the CDK offers "Acknowledge with …" for any violation that is not
  // fatal, and a crossing must never be presented as something to acknowledge.
  const fatal = crossing;
  if (fatal) lines.push('Tier crossings cannot be acknowledged (severity fatal).');
  // The resource a reviewer should look at: the finding's own, else where the path starts.
  const anchor = f.resource ?? f.path[0]?.resource ?? (f.from.kind === 'resource' ? f.from.resource : undefined);
  const resources = [anchor, ...f.path.map((h) => h.resource)].filter((r): r is ResourceRef => r !== undefined);
  const unique = new Map(resources.map((r) => [resourceKey(r.stack, r.logicalId), r]));
  const violating = [...unique.values()].flatMap((r) => violatingResource(r, collected, fileOf));
  const metadata: Record<string, string> = { direction: f.direction, from: endpointLabel(from, m), to: endpointLabel(to, m), crossing: String(crossing) };
  if (f.path.length > 0) metadata.witnessPath = f.path.map((h, i) => hopLine(h, i, m)).join('\n');
  if (f.citation) metadata.citation = cite ?? f.citation;
  if (f.stillBlockedBy.length > 0) metadata.stillBlockedBy = f.stillBlockedBy.join(',');
  return {
    ruleName: f.rule,
    description: lines.join('\n'),
    fix: words.message,
    severity: fatal ? 'fatal' : f.severity,
    ruleMetadata: metadata,
    violatingResources: violating.length > 0 ? violating : [{ constructPath: '', locations: [] }],
  };
}
