/**
 * Which findings are tier crossings. A crossing is never acknowledgeable (MIC: the tiers must not reach
 * one another; a sanctioned exchange is declared in the policy file with owner, reason and expiry, never
 * as a suppression), so the pack reports it with severity `fatal`, which the CDK refuses to suppress.
 *
 * Decided by the finding's shape, not a list of rule names, so a new engine rule that finds a path between
 * two different tiers (or a tier and the internet / on-prem / telework clients) is fatal from day one:
 * fail closed.
 */
import type { Finding } from '../checks/finding';
import { endKey, matrixEndOf } from '../report/report-input';

/** Rule ids the engine uses for paths between tiers; listed so an acknowledgement of them is refused even when no such finding exists today. */
export const CROSSING_RULE_IDS: readonly string[] = ['TIER-CROSSING', 'TIER-INTERNET-EXPOSURE', 'TIER-TELEWORK-ENTRY', 'TIER-ONPREM-CROSSING', 'TIER-BRIDGE'];

export function isCrossing(finding: Finding): boolean {
  if (CROSSING_RULE_IDS.includes(finding.rule)) return true;
  if (finding.path.length === 0) return false;
  const from = matrixEndOf(finding.from);
  const to = matrixEndOf(finding.to);
  if (!from || !to) return false;
  return endKey(from) !== endKey(to);
}
