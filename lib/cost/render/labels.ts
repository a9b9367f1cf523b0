/** Words the cost renderers share, in both languages. */
import type { CostGroup } from '../cost-drivers';
import type { Lang } from './format';

export const GROUP_LABELS: Record<CostGroup, { en: string; ja: string }> = {
  desktops: { en: 'Desktops', ja: '仮想デスクトップ' },
  directory: { en: 'Directory', ja: 'ディレクトリ' },
  access: { en: 'Closed access', ja: '閉域接続' },
  network: { en: 'Network', ja: 'ネットワーク' },
  logging: { en: 'Logs and audit', ja: 'ログ・監査' },
  keys: { en: 'Keys and secrets', ja: '暗号鍵・シークレット' },
};

export const REGION_LABELS: Record<string, { en: string; ja: string }> = {
  'ap-northeast-1': { en: 'Asia Pacific (Tokyo)', ja: 'アジアパシフィック（東京）' },
  'ap-northeast-3': { en: 'Asia Pacific (Osaka)', ja: 'アジアパシフィック（大阪）' },
};

export const RUNNING_MODE_LABELS: Record<'AUTO_STOP' | 'ALWAYS_ON', { en: string; ja: string }> = {
  AUTO_STOP: { en: 'AutoStop (hourly)', ja: 'AutoStop（時間課金）' },
  ALWAYS_ON: { en: 'AlwaysOn (monthly)', ja: 'AlwaysOn（月額固定）' },
};

export function t(lang: Lang, text: { en: string; ja: string }): string {
  return text[lang];
}
