/**
 * Which findings are tier crossings. A crossing is never acknowledgeable (MIC: the tiers must not reach
 * one another; a sanctioned exchange is declared in the policy file with owner, reason and expiry, never
 * as a suppression), so the pack reports it with severity `fatal`, which the CDK refuses to suppress.
 *
 * Fail closed: only the engine rules listed as hygiene below are acknowledgeable. Any other rule — including
 * one added to the engine later and not yet classified here — is treated as a crossing. A test checks
 * that every rule the engine has is classified (test/nag/crossing.test.ts).
 */
import type { Finding } from '../checks/finding';

/** Rules whose findings are paths or constructs between tiers (or a tier and the internet / telework clients). */
export const CROSSING_RULE_IDS: readonly string[] = [
  'TIER-CROSSING',
  'CLOSED-TIER-INTERNET',
  'TELEWORK-ENTRY-PERSONAL-NUMBER',
  'TELEWORK-BEYOND-DESKTOP',
  'TIER-JOIN-PEERING',
  'TIER-JOIN-TGW',
  'TIER-JOIN-MULTIHOMED',
  'TIER-JOIN-PRIVATELINK',
  'TIER-JOIN-LINK',
  'TIER-JOIN-EDGE',
  'PUBLIC-INVOKE-INTO-TIER',
  'ACCESS-GRANT-INTO-TIER',
  'SERVICE-RELAY',
];

/**
 * The tier model's own hygiene rules: each has its own id, fails synth as an error, and may be
 * acknowledged with a reason (which the reviewer's report lists).
 */
export const HYGIENE_RULE_IDS: readonly string[] = [
  'UNTAGGED-VPC',
  'UNTAGGED-LINK',
  'TIER-TAG-CONFLICT',
  'UNRESOLVED-VALUE',
  'UNMODELLED-RESOURCE',
  'TGW-DEFAULT-ROUTE-TABLE',
  'CLIENT-VPN-WHOLE-VPC',
  'SANCTIONED-CHANNEL-EXPIRED',
  'TELEWORK-ENTRY-MODEL',
  'UNDECLARED-ONPREM-ROUTE',
  'TIER-TAG-VARIABLE',
];

export function isCrossingRule(ruleId: string): boolean {
  return !HYGIENE_RULE_IDS.includes(ruleId);
}

export function isCrossing(finding: Finding): boolean {
  return isCrossingRule(finding.rule);
}
