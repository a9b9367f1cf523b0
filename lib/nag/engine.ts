/**
 * The one seam between the pack and the tier-separation engine (lib/checks `verify`), so the pack, the
 * policy-test API and the `report` command all run the same engine the same way.
 */
import type { Finding } from '../checks/finding';
import type { LoadedTemplate } from '../model/load/template';
import type { TierPolicy } from '../policy/schema';
import type { ReportInput } from '../report/report-input';

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
  missingNested: { stack: string; logicalId: string; reason: string }[];
  /** Policy file path; undefined means `policy`, else the packaged default (policies/tier-policy.yaml). */
  policyFile?: string;
  /** The policy itself (e.g. derived from the municipality configurations); a policy file wins over it. */
  policy?: TierPolicy;
}

export type TierEngine = (input: EngineInput) => EngineRun;
