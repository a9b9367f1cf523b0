/**
 * Which findings are tier crossings, read from the rules themselves (`Rule.acknowledgeable`, lib/checks).
 * A crossing is never acknowledgeable (MIC: the tiers must not reach one another; a sanctioned exchange is
 * declared in the policy file with owner, reason and expiry, never as a suppression), so the pack reports
 * it with severity `fatal`, which the CDK refuses to suppress.
 *
 * Fail closed: only a finding of a registered rule that declares itself acknowledgeable may be
 * acknowledged. Any other rule id — one this engine does not know — is treated as a crossing.
 */
import type { Finding } from '../checks/finding';
import { RULES } from '../checks/rules';

/** Rules whose findings are paths or constructs between tiers (or a tier and the internet / telework clients). */
export const CROSSING_RULE_IDS: readonly string[] = RULES.filter((r) => !r.acknowledgeable).map((r) => r.id);

/**
 * The tier model's own hygiene rules: each has its own id, fails synth as an error, and may be
 * acknowledged with a reason (which the reviewer's report lists).
 */
export const HYGIENE_RULE_IDS: readonly string[] = RULES.filter((r) => r.acknowledgeable).map((r) => r.id);

export function isCrossingRule(ruleId: string): boolean {
  return !HYGIENE_RULE_IDS.includes(ruleId);
}

export function isCrossing(finding: Finding): boolean {
  return isCrossingRule(finding.rule);
}
