/**
 * The one road from templates to what every reader sees: templates → model → findings (lib/checks
 * `verify`, the engine's one entry point) → the report's view and SARIF. The cdk-nag pack (inside
 * `cdk synth`), the policy-test API (`expectTierSeparation`, through the pack) and the `report` command all
 * run it; `verify` on the command line calls the same `verify` and renders its result directly.
 * `TierEngine` is the seam a test of the pack replaces. Pure TypeScript: no aws-cdk-lib import.
 */
import { verify } from '../checks';
import type { Finding } from '../checks/finding';
import type { LoadedTemplate } from '../model/load/template';
import type { MissingNestedTemplate } from '../model/load';
import { loadPolicy } from '../policy/load';
import type { TierPolicy } from '../policy/schema';
import { reportViewFromVerify } from './from-verify-result';
import type { ReportInput } from './report-input';
import { renderSarif } from './sarif';

/** What the pack needs from one engine run: the findings, and the report's view of the same result. */
export interface EngineRun {
  findings: Finding[];
  /** Everything the reviewer's report shows except what the pack itself adds (acknowledgements, time, sources). */
  report: Pick<ReportInput, 'matrix' | 'coverage' | 'diagram'>;
  /** SARIF 2.1.0 of the same findings (lib/report/sarif.ts), written beside the synth report for code scanning. */
  sarif?: string;
}

export interface EngineInput {
  templates: LoadedTemplate[];
  missingNested: MissingNestedTemplate[];
  /** Policy file path; undefined means `policy`, else the packaged default (policies/tier-policy.yaml). */
  policyFile?: string;
  /** The policy itself (e.g. derived from the municipality configurations); a policy file wins over it. */
  policy?: TierPolicy;
}

export type TierEngine = (input: EngineInput) => EngineRun;

/**
 * The engine run once over the templates given, with the policy file named by the caller, else the policy
 * given (derived from the configurations), else the packaged default.
 */
export function runTierEngine(input: EngineInput): EngineRun {
  const policy = input.policyFile === undefined && input.policy ? input.policy : loadPolicy(input.policyFile);
  const result = verify({ templates: input.templates, missingNested: input.missingNested }, policy);
  return { findings: result.findings, report: reportViewFromVerify(result, policy), sarif: renderSarif(result) };
}
