/**
 * How one language words the model's reasons (lib/model/reason.ts) and the fact details findings and hops
 * quote (how a function is opened to the public, what a managed remote entry is, what a relay forwards to):
 * reasons.en.ts and reasons.ja.ts implement it, and the compiler checks every key is worded in both.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { Reason, ReasonKey, ReasonParams } from '../../model/reason';
import type { PublicInvokeSurface, RelayWhat, RemoteEntryKind } from '../../model/facts/service-facts';
import type { TeleworkEntryFact } from '../../model/facts/types';

/** One wording per kind of reason, given its values. */
export type ReasonTable = { [K in ReasonKey]: (p: ReasonParams[K]) => string };

export interface DetailWords {
  reason(r: Reason): string;
  publicInvoke(s: PublicInvokeSurface): string;
  remoteEntry(k: RemoteEntryKind): string;
  /** What kind of telework entry a fact is (a Client VPN, a WorkSpaces directory, an AppStream fleet, …). */
  teleworkEntry(k: TeleworkEntryFact['kind']): string;
  relayWhat(w: RelayWhat): string;
}
