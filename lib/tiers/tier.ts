/**
 * The vocabulary both pipelines share: the three tiers of MIC's 三層分離 and the tag that declares them.
 * Pure TypeScript — imported by the build side (config, constructs) and the prove side (model, checks).
 */

/** The tag key that declares a resource's tier. Tiers are declared, never guessed. */
export const TIER_TAG_KEY = 'mic:tier';

/** The three tiers, in the order reports list them. */
export const TIERS = ['internet', 'lgwan', 'personal-number'] as const;

export type Tier = (typeof TIERS)[number];

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/** How each tier is named for a municipal reader. */
export const TIER_LABELS: Record<Tier, { en: string; ja: string }> = {
  'internet': { en: 'Internet tier', ja: 'インターネット接続系' },
  'lgwan': { en: 'LGWAN tier', ja: 'LGWAN接続系' },
  'personal-number': { en: 'Personal-number tier', ja: 'マイナンバー利用事務系' },
};

/** Tiers that must never reach the internet directly (MIC guideline: LGWAN and personal-number tiers are closed). */
export const CLOSED_TIERS: readonly Tier[] = ['lgwan', 'personal-number'];

/** The tier that may never have a telework entry point at all. */
export const NO_TELEWORK_TIER: Tier = 'personal-number';
