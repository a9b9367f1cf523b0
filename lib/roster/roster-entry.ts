/**
 * One validated roster line: who gets a WorkSpace, in which tier's directory, with which bundle and
 * running mode. Produced only by csv/parse-roster.ts; everything downstream trusts it.
 */
import type { Tier } from '../tiers/tier';

export const RUNNING_MODES = ['AUTO_STOP', 'ALWAYS_ON'] as const;
export type RunningMode = (typeof RUNNING_MODES)[number];

/** WorkSpaces compute types a roster may name instead of a bundle id. */
export const SIZES = ['VALUE', 'STANDARD', 'PERFORMANCE', 'POWER', 'POWERPRO', 'GENERALPURPOSE_4XLARGE', 'GENERALPURPOSE_8XLARGE'] as const;
export type Size = (typeof SIZES)[number];

export interface RosterEntry {
  /** 1-based line in the CSV file (header = line 1), for messages. */
  line: number;
  userName: string;
  /** Never 'personal-number': the parser refuses it. */
  tier: Exclude<Tier, 'personal-number'>;
  directoryId: string;
  bundleId: string;
  runningMode: RunningMode;
}

/** AD user names are case-insensitive: the identity used to match a roster line with a WorkSpace. */
export function userKey(directoryId: string, userName: string): string {
  return `${directoryId}/${userName.toLowerCase()}`;
}
