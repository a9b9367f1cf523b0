/** A rule is a small query over the model and reachability results that returns findings. */
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
  /** The severity of the rule's main finding (some rules lower it where a layer still blocks). */
  severity: Severity;
  title: string;
  citation: CitationKey;
  check(ctx: RuleContext): Finding[];
}
