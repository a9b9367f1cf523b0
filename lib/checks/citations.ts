/**
 * What each rule and each manual control enforces, and on what authority: the one table of citations.
 * Findings carry a key (stable like a rule id); every renderer (text, JSON, SARIF, the cdk-nag pack, the
 * reviewer's report) shows the text in its reader's language.
 *
 * Three kinds of entry, never mixed up:
 * - `mic-guideline`: 総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」, cited against
 *   ONE edition (GUIDELINE_EDITION) by part, chapter and section as that edition numbers them. Where the
 *   entry is this tool's reading of the clause rather than its words, it says so (`interpretation`).
 * - `mic-telework`: 総務省「新型コロナウイルスへの対応等を踏まえた地方公共団体における LGWAN 接続系の
 *   テレワークセキュリティ要件について」(令和2年), cited by its own title.
 * - `tool`: this tool's own criteria (「本ツールの判定基準」): defence in depth, fail closed, declared tiers,
 *   Transit Gateway route domains, the expiry of sanctioned channels. They are never attributed to MIC;
 *   each names the MIC clause it serves (`basis`), which is shown first and labelled as such.
 * Pure TypeScript: no aws-cdk-lib import.
 */

export type CitationKind = 'mic-guideline' | 'mic-telework' | 'tool';

export interface Citation {
  kind: CitationKind;
  en: string;
  ja: string;
  /** True when the entry states this tool's reading of the clause, not the clause's own words. */
  interpretation?: boolean;
  /** For a tool criterion: the MIC clause it serves (a key of CITATIONS). */
  basis?: string;
}

/** The edition of the MIC guideline every `mic-guideline` entry is numbered against. */
export const GUIDELINE_EDITION = {
  ja: '総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」（令和7年3月版）',
  en: 'MIC "Guidelines on Information Security Policies for Local Governments" (March 2025 edition, 令和7年3月版)',
} as const;

/** The MIC telework requirements document, by its real title. */
export const TELEWORK_REQUIREMENTS = {
  ja: '総務省「新型コロナウイルスへの対応等を踏まえた地方公共団体における LGWAN 接続系のテレワークセキュリティ要件について」（令和2年）',
  en: 'MIC "LGWAN-tier telework security requirements for local governments in light of the response to COVID-19" (2020, 新型コロナウイルスへの対応等を踏まえた地方公共団体における LGWAN 接続系のテレワークセキュリティ要件について)',
} as const;

/** The heading under which this tool's own criteria are shown. */
export const TOOL_CRITERIA_HEADING = { ja: '本ツールの判定基準', en: "This tool's criteria (closed-telework)" } as const;

const RESILIENCE = {
  ja: '第3編第2章「情報セキュリティ対策基準（解説）」3.「情報システム全体の強靭性の向上」',
  en: 'Part 3, Chapter 2 "Information security standards (commentary)", section 3 "Strengthening the resilience of the whole information system"',
};

export const CITATIONS = {
  threeTierSeparation: {
    kind: 'mic-guideline',
    en: `MIC guideline (令和7年3月版), ${RESILIENCE.en} (three-tier measures): the personal-number, LGWAN and internet tiers are divided so that they do not communicate with one another`,
    ja: `総務省ガイドライン（令和7年3月版）${RESILIENCE.ja}（三層の対策）：マイナンバー利用事務系・LGWAN接続系・インターネット接続系を分割し、相互に通信できないようにする`,
  },
  personalNumberIsolation: {
    kind: 'mic-guideline',
    en: `MIC guideline (令和7年3月版), ${RESILIENCE.en}, (1) personal-number tier: in principle no communication with the other domains`,
    ja: `総務省ガイドライン（令和7年3月版）${RESILIENCE.ja}（1）マイナンバー利用事務系：原則として他の領域との通信をできないようにする`,
  },
  lgwanSeparation: {
    kind: 'mic-guideline',
    en: `MIC guideline (令和7年3月版), ${RESILIENCE.en}, (2) LGWAN tier: divided from the internet tier; data from the internet only after sanitisation (無害化)`,
    ja: `総務省ガイドライン（令和7年3月版）${RESILIENCE.ja}（2）LGWAN接続系：インターネット接続系と分割し、インターネットからのデータは無害化してから取り込む`,
  },
  internetSecurityCloud: {
    kind: 'mic-guideline',
    en: `MIC guideline (令和7年3月版), ${RESILIENCE.en}, (3) internet tier: internet access concentrated at the prefecture's security cloud (自治体情報セキュリティクラウド)`,
    ja: `総務省ガイドライン（令和7年3月版）${RESILIENCE.ja}（3）インターネット接続系：自治体情報セキュリティクラウドに集約してインターネットに接続する`,
  },
  closedTierInternet: {
    kind: 'mic-guideline',
    en: `MIC guideline (令和7年3月版), ${RESILIENCE.en}, (1) and (2): the personal-number and LGWAN tiers do not communicate with the internet; what comes from the internet reaches the LGWAN tier only through sanitised exchange`,
    ja: `総務省ガイドライン（令和7年3月版）${RESILIENCE.ja}（1）（2）：マイナンバー利用事務系・LGWAN接続系はインターネットと通信できないようにする。インターネットからの受け入れは無害化したもののみ`,
  },
  personalNumberNoTelework: {
    kind: 'mic-guideline',
    interpretation: true,
    en: `MIC guideline (令和7年3月版), ${RESILIENCE.en}, (1) personal-number tier — this tool's reading: a domain that communicates with no other domain has no telework entry, so none is built or accepted (an interpretation, not the guideline's words)`,
    ja: `総務省ガイドライン（令和7年3月版）${RESILIENCE.ja}（1）マイナンバー利用事務系 ― 本ツールの解釈：他の領域と通信しない系にはテレワークの入口を設けない（ガイドラインの文言ではなく解釈です）`,
  },
  teleworkScreenTransfer: {
    kind: 'mic-telework',
    en: `${TELEWORK_REQUIREMENTS.en}: telework into the LGWAN tier by screen transfer (virtual desktop); the terminal reaches the virtual desktop and nothing else in the tier`,
    ja: `${TELEWORK_REQUIREMENTS.ja}：LGWAN接続系へのテレワークは画面転送方式（仮想デスクトップ）とし、端末が到達するのは仮想デスクトップに限る`,
  },
  teleworkLgwanRequirements: {
    kind: 'mic-telework',
    en: `${TELEWORK_REQUIREMENTS.en}: user and terminal authentication, an encrypted path, screen transfer only, no data left on the terminal (no clipboard, printing or file transfer to the terminal)`,
    ja: `${TELEWORK_REQUIREMENTS.ja}：利用者・端末の認証、暗号化した通信経路、画面転送のみとし、端末にデータを残さない（クリップボード・印刷・ファイル転送の制限）`,
  },
  clientVpnAuthorization: {
    kind: 'mic-telework',
    interpretation: true,
    en: `${TELEWORK_REQUIREMENTS.en} — this tool's reading for AWS Client VPN: authorise the virtual desktop's addresses, not the whole VPC (an interpretation, not the document's words)`,
    ja: `${TELEWORK_REQUIREMENTS.ja} ― 本ツールの AWS Client VPN への適用：認可は VPC 全体ではなく仮想デスクトップの宛先に限定する（要件の文言ではなく解釈です）`,
  },
  teleworkModel: {
    kind: 'mic-guideline',
    en: `MIC guideline (令和7年3月版), ${RESILIENCE.en}: the α model keeps business work in the LGWAN tier; the β / β′ models (added in the 令和2年12月 revision) move it to the internet tier; the α′ model (令和6年10月) keeps the α model and lets chosen SaaS be used from the LGWAN tier. Telework into internet-tier desktops belongs to β / β′`,
    ja: `総務省ガイドライン（令和7年3月版）${RESILIENCE.ja}：αモデルは業務を LGWAN接続系に置き、β・β′モデル（令和2年12月改定で追加）はインターネット接続系に移す。α′モデル（令和6年10月）は αモデルのまま LGWAN接続系から特定の SaaS を利用する。インターネット接続系の仮想デスクトップへのテレワークは β・β′ モデルのもの`,
  },
  defenceInDepth: {
    kind: 'tool',
    basis: 'threeTierSeparation',
    en: 'defence in depth: no construct that connects two tiers may exist (peering, a shared TGW route table, a multi-homed resource, a PrivateLink service, a link landing in another tier) — even where a filter stops every packet today',
    ja: '多層防御：系と系を接続する構成（ピアリング、共有の TGW ルートテーブル、複数の系にまたがる資源、PrivateLink、他の系に着地する回線）を設けない。現在フィルタで遮断されていても越境として扱う',
  },
  declaredTiers: {
    kind: 'tool',
    basis: 'threeTierSeparation',
    en: 'declared tiers: every VPC and external link declares its tier with the tag mic:tier; an undeclared or contradicting declaration cannot be proven separated',
    ja: '系の宣言：すべての VPC と外部接続は mic:tier タグで所属する系を宣言する。宣言のない・矛盾するネットワークは分離を証明できない',
  },
  failClosed: {
    kind: 'tool',
    basis: 'threeTierSeparation',
    en: 'fail closed: anything the engine cannot resolve or does not model could carry traffic, so it is reported rather than assumed safe',
    ja: 'フェイルクローズ：解決できない値やモデル化していない資源は通信を運び得るため、安全とみなさず指摘する',
  },
  tgwSegmentation: {
    kind: 'tool',
    basis: 'threeTierSeparation',
    en: "Transit Gateway route domains: DefaultRouteTableAssociation/Propagation default to enable and put every attachment in one route domain (AWS's behaviour); a shared Transit Gateway is accepted only as one route table per tier with the defaults disabled",
    ja: 'Transit Gateway の経路ドメイン：DefaultRouteTableAssociation/Propagation の既定値 enable はすべての接続を一つの経路ドメインに入れる（AWS の仕様）。共有の Transit Gateway は系ごとにルートテーブルを分け既定値を無効にした場合のみ認める',
  },
  sanctionedExchange: {
    kind: 'tool',
    basis: 'lgwanSeparation',
    en: 'sanctioned channels: an exchange between tiers that is really needed (e.g. sanitised transfer) is declared in the tier policy with its owner, reason and expiry, and is reported again once it expires',
    ja: '許可された通信経路：系間で真に必要なやり取り（無害化通信など）はポリシーファイルに責任者・理由・有効期限を明記して宣言し、期限を過ぎれば再び指摘する',
  },
  postDeployDrift: {
    kind: 'tool',
    basis: 'threeTierSeparation',
    en: 'post-deploy check: the account must be what the proven templates describe; a change made outside them is not covered by their proof',
    ja: 'デプロイ後の確認：環境は検証済みのテンプレートどおりであること。テンプレートの外で行った変更は、検証の対象外になる',
  },
  municipalitySeparation: {
    kind: 'tool',
    basis: 'internetSecurityCloud',
    en: "municipalities apart: municipalities sharing a prefecture hub or a platform (共同利用) remain separate networks — no route from one municipality's network reaches another's, and only internet tiers attach to the prefecture's security cloud",
    ja: '団体間の分離：都道府県のハブや共同利用基盤を共有する団体どうしも別のネットワークとし、ある団体のネットワークから他団体のネットワークへの経路を設けない。自治体情報セキュリティクラウドに接続するのはインターネット接続系のみとする',
  },
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof CITATIONS;

export function isCitationKey(value: string): value is CitationKey {
  return Object.prototype.hasOwnProperty.call(CITATIONS, value);
}

/**
 * The citation text in the reader's language. A tool criterion is shown after the MIC clause it serves,
 * under its own label, so the tool's words are never read as MIC's. Anything else (free text from a custom
 * rule) is shown as given, so no citation is ever dropped.
 */
export function citationText(citation: string | undefined, lang: 'en' | 'ja'): string | undefined {
  if (citation === undefined || citation === '') {
    return undefined;
  }
  if (!isCitationKey(citation)) return citation;
  const c: Citation = CITATIONS[citation];
  if (c.kind !== 'tool') return c[lang];
  const basis = c.basis && isCitationKey(c.basis) ? CITATIONS[c.basis][lang] : undefined;
  const own = `${TOOL_CRITERIA_HEADING[lang]}${lang === 'ja' ? '：' : ': '}${c[lang]}`;
  return basis ? `${basis}${lang === 'ja' ? '／' : ' / '}${own}` : own;
}
