/**
 * A rule is a small query over the model and reachability results that returns findings, and carries
 * everything it is (as cfn-lint's rules do): its id, severities, whether a finding may be acknowledged, its
 * citation, its title and the one-line summary the docs' rule table is generated from
 * (docs/verify.md; `node -r ./bin/register-ts.js tools/rule-table.ts` rewrites it, a test fails when stale).
 */
import type { NetworkModel } from '../model/facts/types';
import type { Reachability } from '../model/reachability';
import type { TierPolicy } from '../policy/schema';
import type { Finding, Severity } from './finding';
import type { CitationKey } from './citations';

export interface RuleContext {
  model: NetworkModel;
  reachability: Reachability;
  policy: TierPolicy;
  /** The date (YYYY-MM-DD) expiry is judged against. */
  asOf: string;
}

export interface Rule {
  /** Stable id, never reused. */
  id: string;
  /** The severity of the rule's findings. */
  severity: Severity;
  /**
   * For a path rule: the severity when routes connect but a NACL or security group still stops every
   * packet (defence in depth is gone, nothing passes today). Undefined: such paths keep `severity`.
   */
  severityWhenFiltered?: Severity;
  /** For a rule that lowers the severity of some findings for a reason of its own: when, and to what (docs). */
  severityLoweredWhen?: string;
  /**
   * False for a tier crossing: the cdk-nag pack reports it as `fatal`, which the CDK refuses to suppress
   * (MIC: the tiers must not reach one another; a sanctioned exchange is declared in the policy file).
   * True for the tier model's hygiene rules, which may be acknowledged with a reason the report lists.
   */
  acknowledgeable: boolean;
  title: string;
  citation: CitationKey;
  /** What the rule finds, in one line: the "what" column of the docs' rule table. */
  summary: string;
  check(ctx: RuleContext): Finding[];
}
