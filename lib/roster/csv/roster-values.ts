/**
 * Cell values a roster may contain, in English and Japanese, mapped to the API's values.
 */
import type { Tier } from '../../tiers/tier';
import { RunningMode, SIZES, Size } from '../roster-entry';
import { normaliseLabel } from './roster-columns';

const TIER_VALUES: Record<string, Tier> = {};
const tierAliases: Record<Tier, string[]> = {
  'internet': ['internet', 'インターネット接続系', 'インターネット系', 'インターネット', 'ネット系'],
  'lgwan': ['lgwan', 'lgwan接続系', 'lgwan系'],
  'personal-number': ['personal-number', 'personalnumber', 'mynumber', 'マイナンバー利用事務系', 'マイナンバー系', 'マイナンバー', '個人番号利用事務系', '個人番号系'],
};
for (const [tier, aliases] of Object.entries(tierAliases) as Array<[Tier, string[]]>) {
  for (const a of aliases) TIER_VALUES[normaliseLabel(a)] = tier;
}

export function parseTier(value: string): Tier | undefined {
  return TIER_VALUES[normaliseLabel(value)];
}

const MODE_VALUES: Record<string, RunningMode> = {};
for (const a of ['auto_stop', 'autostop', '自動停止', 'オートストップ', '自動']) MODE_VALUES[normaliseLabel(a)] = 'AUTO_STOP';
for (const a of ['always_on', 'alwayson', '常時稼働', '常時起動', '常時実行', '常時オン', '常時']) MODE_VALUES[normaliseLabel(a)] = 'ALWAYS_ON';

export function parseRunningMode(value: string): RunningMode | undefined {
  return MODE_VALUES[normaliseLabel(value)];
}

const SIZE_VALUES: Record<string, Size> = {};
for (const s of SIZES) SIZE_VALUES[normaliseLabel(s)] = s;
for (const [ja, s] of [['バリュー', 'VALUE'], ['スタンダード', 'STANDARD'], ['パフォーマンス', 'PERFORMANCE'], ['パワー', 'POWER'], ['パワープロ', 'POWERPRO']] as const) {
  SIZE_VALUES[normaliseLabel(ja)] = s;
}

export function parseSize(value: string): Size | undefined {
  return SIZE_VALUES[normaliseLabel(value)];
}

export const BUNDLE_ID_PATTERN = /^wsb-[0-9a-z]{8,63}$/;
export const DIRECTORY_ID_PATTERN = /^d-[0-9a-f]{8,63}$/;
