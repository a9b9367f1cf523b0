/**
 * The guideline clauses and telework requirements the rules enforce, named once so every report line and
 * every nag violation cites them the same way, in both languages.
 *
 * Source: 総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」(令和7年3月版),
 * 第3編第2章「情報セキュリティ対策基準（例文）」の「情報システム全体の強靭性の向上」, and MIC's security
 * requirements for LGWAN-tier telework. Clause numbering moves between editions: the text names the
 * section by its heading so a reviewer can find it in the edition in force.
 * Pure TypeScript: no aws-cdk-lib import.
 */

export interface Citation {
  en: string;
  ja: string;
}

export const CITATIONS = {
  'mic-resilience-personal-number': {
    en: 'MIC guideline, Part 3 Ch. 2 "Strengthening the resilience of the whole information system" (1) personal-number tier: no communication with other tiers in principle',
    ja: '総務省ガイドライン 第3編第2章「情報システム全体の強靭性の向上」(1) マイナンバー利用事務系：原則として他の領域との通信をできないようにする',
  },
  'mic-resilience-lgwan': {
    en: 'MIC guideline, Part 3 Ch. 2 "Strengthening the resilience of the whole information system" (2) LGWAN tier: separated from the internet tier; data from the internet only after sanitisation',
    ja: '総務省ガイドライン 第3編第2章「情報システム全体の強靭性の向上」(2) LGWAN接続系：インターネット接続系と分割し、インターネットからのデータは無害化してから取り込む',
  },
  'mic-resilience-internet': {
    en: 'MIC guideline, Part 3 Ch. 2 "Strengthening the resilience of the whole information system" (3) internet tier: internet access concentrated at the prefecture security cloud',
    ja: '総務省ガイドライン 第3編第2章「情報システム全体の強靭性の向上」(3) インターネット接続系：自治体情報セキュリティクラウドに集約して接続する',
  },
  'mic-telework-lgwan': {
    en: 'MIC telework security requirements for the LGWAN tier: closed line, authentication, screen transfer only (no data, clipboard or printing on the device)',
    ja: '総務省 LGWAN接続系テレワークのセキュリティ要件：閉域の通信経路、利用者認証、画面転送のみ（端末にデータを残さない、クリップボード・印刷の制限）',
  },
  'mic-telework-personal-number': {
    en: 'MIC guideline: no telework entry into the personal-number tier (treated as forbidden in this project)',
    ja: '総務省ガイドライン：マイナンバー利用事務系へのテレワーク接続は行わない（本プロジェクトでは禁止として扱う）',
  },
  'mic-tier-declared': {
    en: 'MIC guideline, Part 3 Ch. 2 "Strengthening the resilience of the whole information system": every network belongs to exactly one tier (declared by the mic:tier tag)',
    ja: '総務省ガイドライン 第3編第2章「情報システム全体の強靭性の向上」：すべてのネットワークはいずれか一つの系に属する（mic:tier タグで宣言）',
  },
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof CITATIONS;

export function isCitationKey(value: string): value is CitationKey {
  return Object.prototype.hasOwnProperty.call(CITATIONS, value);
}

/**
 * The citation text in the reader's language: a known key is translated; anything else (free text from
 * the engine or a custom rule) is shown as given, so no citation is ever dropped.
 */
export function citationText(citation: string | undefined, lang: 'en' | 'ja'): string | undefined {
  if (citation === undefined || citation === '') {
    return undefined;
  }
  return isCitationKey(citation) ? CITATIONS[citation][lang] : citation;
}
