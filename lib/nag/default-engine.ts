/**
 * The pack's default engine: the tier-separation engine of lib/checks (`verify`), run once over the
 * templates the pack collected, with the policy file named by the caller, else the policy given (derived
 * from the configurations), else the packaged default.
 */
import { verify } from '../checks';
import { loadPolicy } from '../policy/load';
import { reportViewFromVerify } from '../report/from-verify-result';
import { renderSarif } from '../report/sarif';
import type { EngineInput, EngineRun } from './engine';

export function runTierEngine(input: EngineInput): EngineRun {
  const policy = input.policyFile === undefined && input.policy ? input.policy : loadPolicy(input.policyFile);
  const result = verify({ templates: input.templates, missingNested: input.missingNested }, policy);
  return { findings: result.findings, report: reportViewFromVerify(result), sarif: renderSarif(result) };
}
