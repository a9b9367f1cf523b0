/**
 * The `telework` section of a municipality configuration: which tiers get a closed telework entry point
 * and how. Kept minimal on purpose.
 *
 * OWNERSHIP: engineer D (closed VPN + desktops, lib/access and lib/desktops) owns and extends this file
 * after the foundation commit. Keep every field optional-with-default so existing configuration files stay
 * valid, and add the cross-field checks to `validateTelework` below (they run with the other semantic
 * checks, before any construct is built).
 */
import { z } from 'zod';
import { TIERS, NO_TELEWORK_TIER, TIER_LABELS } from '../tiers/tier';
import { ConfigProblem } from './config-error';
import { cidrString } from './zod-helpers';
import { mustParseCidr } from './cidr';

export const DESKTOP_MODES = ['personal', 'pools'] as const;
export type DesktopMode = (typeof DESKTOP_MODES)[number];

export const teleworkSchema = z.strictObject({
  /**
   * Tiers that get a telework entry point. Default: LGWAN only (MIC 2020 telework requirements).
   * `personal-number` is accepted by the schema only so the validator can refuse it with a clear
   * explanation instead of a generic "invalid option".
   */
  tiers: z.array(z.enum(TIERS)).default(['lgwan']),
  /**
   * Address pool handed to telework clients, per tier (AWS Client VPN client CIDR). Literal CIDRs: they
   * feed the tier's NACLs and security groups and the tier policy.
   */
  clientCidrs: z.partialRecord(z.enum(TIERS), cidrString).default({}),
  /**
   * `personal` (WorkSpaces Personal) supports private streaming through the `highlander` interface
   * endpoint; `pools` does not, so streaming then needs the public gateways (documented in docs).
   */
  desktops: z.enum(DESKTOP_MODES).default('personal'),
});

export type TeleworkConfig = z.infer<typeof teleworkSchema>;

/**
 * AWS Client VPN requires the client CIDR range to be between /12 and /22
 * (Client VPN Administrator Guide, "Limitations and rules of Client VPN").
 */
export const CLIENT_CIDR_MIN_PREFIX = 12;
export const CLIENT_CIDR_MAX_PREFIX = 22;

/** Cross-field checks the schema cannot express. Returns every problem found. */
export function validateTelework(telework: TeleworkConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  telework.tiers.forEach((tier, i) => {
    if (tier === NO_TELEWORK_TIER) {
      problems.push({
        path: `telework.tiers.${i}`,
        message:
          'telework into the personal-number tier is forbidden: it must have no entry point at all (MIC guideline: no communication with other tiers, no data export from terminals)',
        fix: `remove "${NO_TELEWORK_TIER}" from telework.tiers; staff who need those systems work on site`,
        ja: `${TIER_LABELS[NO_TELEWORK_TIER].ja}へのテレワークは禁止です（入口を一切設けません）。telework.tiers から "${NO_TELEWORK_TIER}" を削除してください`,
      });
    }
  });
  const seen = new Set<string>();
  telework.tiers.forEach((tier, i) => {
    if (seen.has(tier)) {
      problems.push({
        path: `telework.tiers.${i}`,
        message: `tier "${tier}" is listed twice`,
        fix: 'list each tier once',
        ja: `"${tier}" が重複しています。各層は一度だけ書いてください`,
      });
    }
    seen.add(tier);
    if (tier !== NO_TELEWORK_TIER && telework.clientCidrs[tier] === undefined) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: `tier "${tier}" has telework but no client address pool`,
        fix: `add telework.clientCidrs.${tier}: a /${CLIENT_CIDR_MIN_PREFIX}–/${CLIENT_CIDR_MAX_PREFIX} block that overlaps no tier range, e.g. 10.250.0.0/22`,
        ja: `${TIER_LABELS[tier].ja}のテレワーク端末用アドレス範囲がありません。telework.clientCidrs.${tier} に /${CLIENT_CIDR_MIN_PREFIX}〜/${CLIENT_CIDR_MAX_PREFIX} の範囲を指定してください`,
      });
    }
  });
  for (const [tier, cidr] of Object.entries(telework.clientCidrs)) {
    if (cidr === undefined) continue;
    if (tier === NO_TELEWORK_TIER) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: 'a telework client pool for the personal-number tier would be an entry point into it',
        fix: `remove telework.clientCidrs.${tier}`,
        ja: `${TIER_LABELS[NO_TELEWORK_TIER].ja}のテレワーク用アドレス範囲は指定できません。削除してください`,
      });
      continue;
    }
    if (!telework.tiers.includes(tier as (typeof TIERS)[number])) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: `a client pool is declared for "${tier}" but telework.tiers does not include it`,
        fix: `add "${tier}" to telework.tiers, or remove telework.clientCidrs.${tier}`,
        ja: `telework.tiers に "${tier}" がないのにアドレス範囲が指定されています。どちらかを直してください`,
      });
    }
    const parsed = mustParseCidr(cidr);
    if (parsed.prefix < CLIENT_CIDR_MIN_PREFIX || parsed.prefix > CLIENT_CIDR_MAX_PREFIX) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: `${cidr} is a /${parsed.prefix}; AWS Client VPN needs a client range between /${CLIENT_CIDR_MIN_PREFIX} and /${CLIENT_CIDR_MAX_PREFIX}`,
        fix: `use a block between /${CLIENT_CIDR_MIN_PREFIX} and /${CLIENT_CIDR_MAX_PREFIX}, e.g. a /22`,
        ja: `Client VPN の端末用範囲は /${CLIENT_CIDR_MIN_PREFIX}〜/${CLIENT_CIDR_MAX_PREFIX} である必要があります（例: /22）`,
      });
    }
  }
  return problems;
}
