/**
 * What each rule and each manual control enforces, in the words of its source, in English and Japanese.
 * The one table of citations: findings carry a key (stable like a rule id), and every renderer (text,
 * JSON, SARIF, the cdk-nag pack, the reviewer's report) shows the text in its reader's language.
 *
 * Sources: 総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」(令和7年3月版),
 * 第3編第2章「情報システム全体の強靭性の向上」(三層の対策), and MIC's 2020 security requirements for
 * LGWAN-tier telework. Clause numbering moves between editions: the text names the section by its heading
 * so a reviewer can find it in the edition in force.
 * Pure TypeScript: no aws-cdk-lib import.
 */

export interface Citation {
  en: string;
  ja: string;
}

export const CITATIONS = {
  threeTierSeparation: {
    en: 'MIC guideline, Part 3 Ch. 2 "Strengthening the resilience of the whole information system" (three-tier measures): the personal-number, LGWAN and internet tiers are separated and must not communicate with one another',
    ja: '総務省ガイドライン 第3編第2章「情報システム全体の強靭性の向上」(三層の対策)：マイナンバー利用事務系・LGWAN接続系・インターネット接続系は通信経路を分離し、他の系と通信できないようにする',
  },
  personalNumberIsolation: {
    en: 'MIC guideline, Part 3 Ch. 2 "Strengthening the resilience of the whole information system" (1) personal-number tier: no communication with other tiers in principle',
    ja: '総務省ガイドライン 第3編第2章「情報システム全体の強靭性の向上」(1) マイナンバー利用事務系：原則として他の領域との通信をできないようにする',
  },
  lgwanSeparation: {
    en: 'MIC guideline, Part 3 Ch. 2 "Strengthening the resilience of the whole information system" (2) LGWAN tier: separated from the internet tier; data from the internet only after sanitisation',
    ja: '総務省ガイドライン 第3編第2章「情報システム全体の強靭性の向上」(2) LGWAN接続系：インターネット接続系と分割し、インターネットからのデータは無害化してから取り込む',
  },
  internetSecurityCloud: {
    en: 'MIC guideline, Part 3 Ch. 2 "Strengthening the resilience of the whole information system" (3) internet tier: internet access concentrated at the prefecture security cloud',
    ja: '総務省ガイドライン 第3編第2章「情報システム全体の強靭性の向上」(3) インターネット接続系：自治体情報セキュリティクラウドに集約して接続する',
  },
  closedTierInternet: {
    en: 'MIC guideline, three-tier measures: the LGWAN and personal-number tiers cannot communicate with the internet; anything from the internet arrives only through sanitised exchange',
    ja: '総務省ガイドライン 三層の対策：LGWAN接続系とマイナンバー利用事務系はインターネットと通信できないようにする。インターネットからの受け入れは無害化通信のみ',
  },
  personalNumberNoTelework: {
    en: 'MIC guideline, personal-number tier: remote access from outside is prohibited in principle — no telework entry into the personal-number tier',
    ja: '総務省ガイドライン マイナンバー利用事務系：外部からのリモートアクセスは原則禁止（テレワークの入口を設けない）',
  },
  teleworkScreenTransfer: {
    en: 'MIC requirements for LGWAN-tier telework (2020): screen transfer only; telework clients reach nothing but the virtual desktop service',
    ja: '総務省「地方公共団体におけるテレワークの推進」(2020) LGWAN接続系テレワーク：画面転送方式とし、到達先は仮想デスクトップに限定する',
  },
  teleworkLgwanRequirements: {
    en: 'MIC telework security requirements for the LGWAN tier: closed line, authentication, screen transfer only (no data, clipboard or printing on the device)',
    ja: '総務省 LGWAN接続系テレワークのセキュリティ要件：閉域の通信経路、利用者認証、画面転送のみ（端末にデータを残さない、クリップボード・印刷の制限）',
  },
  defenceInDepth: {
    en: 'MIC guideline, three-tier measures (defence in depth): no path that connects two tiers may exist — a construct joining two tiers is a crossing even where a filter blocks it today',
    ja: '総務省ガイドライン 三層の対策（多層防御）：系間を接続する経路そのものを設けない。現在フィルタで遮断されていても、系を結ぶ構成は越境として扱う',
  },
  declaredTiers: {
    en: 'closed-telework tier model: every VPC and external link declares its tier with the tag mic:tier; an undeclared network cannot be proven separated',
    ja: 'closed-telework の系モデル：すべての VPC と外部接続は mic:tier タグで所属する系を宣言する。宣言のないネットワークは分離を証明できない',
  },
  failClosed: {
    en: 'closed-telework proof obligation: anything the engine cannot resolve or does not model could carry traffic, so it is reported rather than assumed safe (fail closed)',
    ja: 'closed-telework の証明方針：解決できない値やモデル化していない資源は通信を運び得るため、安全とみなさず指摘する（フェイルクローズ）',
  },
  tgwSegmentation: {
    en: 'AWS Transit Gateway: DefaultRouteTableAssociation/Propagation default to enable and put every attachment in one route domain; segmentation needs one route table per tier with the defaults disabled',
    ja: 'AWS Transit Gateway：DefaultRouteTableAssociation/Propagation の既定値 enable はすべての接続を一つの経路ドメインに入れる。系ごとにルートテーブルを分け、既定値を無効にする',
  },
  clientVpnAuthorization: {
    en: 'MIC telework requirements, restricting destinations: Client VPN authorisation must name the desktop service, not the whole VPC',
    ja: '総務省テレワーク要件（接続先の制限）：Client VPN の認可は VPC 全体ではなく仮想デスクトップの接続先に限定する',
  },
  sanctionedExchange: {
    en: 'MIC guideline, sanitised exchange: a sanctioned exchange channel is declared with its owner, reason and expiry and reviewed before it expires',
    ja: '総務省ガイドライン 無害化通信：認められた系間のやり取りは、責任者・理由・有効期限を明記して宣言し、期限前に見直す',
  },
  teleworkModel: {
    en: "MIC guideline (β model, 2020): telework into internet-tier desktops belongs to the β/β' models; an α-model city keeps telework in the LGWAN tier",
    ja: "総務省ガイドライン（令和2年 βモデル）：インターネット接続系の仮想デスクトップへのテレワークは β/β' モデルのもの。αモデルの団体はテレワークを LGWAN接続系に置く",
  },
  municipalitySeparation: {
    en: 'closed-telework proof obligation (this tool\'s own criterion): municipalities sharing a prefecture hub or a platform (共同利用) remain separate networks — no route from one municipality\'s network reaches another\'s, and only internet tiers attach to the prefecture\'s security cloud',
    ja: 'closed-telework の証明方針（本ツール独自の基準）：都道府県のハブや共同利用基盤を共有する団体どうしも別のネットワークとし（団体間の分離）、ある団体のネットワークから他団体のネットワークへの経路を設けない。自治体情報セキュリティクラウドに接続するのはインターネット接続系のみとする',
  },
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof CITATIONS;

export function isCitationKey(value: string): value is CitationKey {
  return Object.prototype.hasOwnProperty.call(CITATIONS, value);
}

/**
 * The citation text in the reader's language: a known key is translated; anything else (free text from a
 * custom rule) is shown as given, so no citation is ever dropped.
 */
export function citationText(citation: string | undefined, lang: 'en' | 'ja'): string | undefined {
  if (citation === undefined || citation === '') {
    return undefined;
  }
  return isCitationKey(citation) ? CITATIONS[citation][lang] : citation;
}
