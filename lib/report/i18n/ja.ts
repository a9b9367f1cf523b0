/** 審査報告書の日本語の文言。en.ts と同じ Messages を実装する（文言の抜けはコンパイラが検出する）。 */
import { TIER_LABELS } from '../../tiers/tier';
import { GUIDELINE_EDITION, TELEWORK_REQUIREMENTS, TOOL_CRITERIA_HEADING } from '../../checks/citations';
import { jstJa } from './jst';
import type { Messages } from './messages';
import { LAYER_JA, pathWordsJa } from './hops.ja';
import { findingWordsJa } from './findings.ja';
import { coverageJa } from './coverage.ja';

export const ja: Messages = {
  lang: 'ja',
  words: pathWordsJa,
  findings: findingWordsJa,
  coverageNote: coverageJa,
  title: '三層分離 確認結果報告書',
  generatedAt: (when) => `作成日時 ${jstJa(when)}`,
  basis: `判定の根拠：${GUIDELINE_EDITION.ja}、${TELEWORK_REQUIREMENTS.ja}。本ツール独自の判定基準は「${TOOL_CRITERIA_HEADING.ja}」と明記し、総務省の記載とは区別しています。`,
  sources: '検証したテンプレート',
  verdictPass: '適合：系をまたぐ経路はなく、未判定の項目もありません。',
  verdictFail: '不適合：以下の指摘を確認してください。系をまたぐ経路は適用除外（例外措置）とすることができず、許可経路として宣言して通すこともできません。取り除いてください。系の間のデータの受け渡しは、最高情報セキュリティ責任者（CISO）が承認した無害化の仕組みを通す場合に限ります。',
  summary: ({ errors, warnings, violations, unresolved }) =>
    `指摘事項：重大な指摘 ${errors} 件、注意事項 ${warnings} 件。系間マトリクス：禁止経路 ${violations} 件、未判定 ${unresolved} 件。`,

  tier: (tier) => TIER_LABELS[tier].ja,
  onPrem: (tier) => `庁内（${TIER_LABELS[tier].ja}）`,
  teleworkClients: (tier) => (tier ? `テレワーク端末（${TIER_LABELS[tier].ja}）` : 'テレワーク端末'),
  internet: 'インターネット',
  resource: 'リソース',

  matrixHeading: '系間マトリクス',
  matrixIntro: '行が通信の発信元、列が宛先です。すべてのセルに判定とその根拠を示します。',
  matrixCorner: '発信元＼宛先',
  cellVerdict: {
    isolated: '分離',
    permitted: '到達可（禁止規則に非該当）',
    violation: '禁止経路あり',
    unresolved: '未判定（不適合として扱う）',
  },
  displaySymbol: { isolated: '✔ 分離', sanctioned: '◎ 正規経路', reachable: '△ 到達可・要確認', 'same-tier': '＝ 同一系', unconfigured: '－ 未構成', violation: '✖ 禁止経路', unresolved: '？ 未判定' },
  legend: '✔ 分離：経路がない、または経路はあるがネットワーク ACL・セキュリティグループがすべての通信を止めている ・ ◎ 正規経路（宣言済み）：設計上の経路（宣言済みのテレワーク端末から画面転送の入口への接続、インターネット接続系の検査済み出口） ・ △ 到達可（禁止規則に非該当・要確認）：禁止規則には当たらないが意図した経路か確認が必要 ・ ＝ 同一系：同じ系のネットワーク同士（系間の分離ではない） ・ － 未構成：発信元または宛先がテンプレートに構築されていない ・ ✖ 禁止経路：系をまたぐ経路 ・ ？ 未判定：モデルで判定できないため不適合として扱う',
  answers: ({ crossings, closedInternet, personalNumberTelework, unresolved }) =>
    `三層間の到達：${crossings > 0 ? `あり（${crossings} 件）` : 'なし'} ／ 閉域の系→インターネット：${closedInternet > 0 ? `あり（${closedInternet} 件）` : 'なし'} ／ マイナンバー利用事務系のテレワーク入口：${personalNumberTelework ? 'あり' : 'なし'}${unresolved > 0 ? `（未判定 ${unresolved} 件は不適合として扱います）` : ''}`,
  evidenceHeading: '各セルの根拠',
  evidenceBlockedBy: '遮断している要素',
  evidenceWitness: '経路',
  evidenceReason: '理由',
  evidenceNone: '根拠の記録なし',
  evidenceUnconfigured: '発信元または宛先がテンプレートに構築されていません（この組み合わせの経路はありません）',
  evidenceNoRoute: '両者を結ぶ経路（ルート）がありません',
  evidenceViaStreaming: '画面転送のみ（デスクトップストリーミング）：系のネットワークにパケットは届きません',
  evidenceStreamingPorts: '画面転送の通信：TCP 443（登録・認証）、TCP/UDP 4172（PCoIP）、TCP/UDP 4195（WSP）（WorkSpaces の所定のポート）',
  evidencePermittedByPolicy: '到達可能ですが、ポリシーのどのルールにも反しません',
  evidenceEgressNoSender: 'インターネットへの出口（経路）は構築されていますが、テンプレート上のどのセキュリティグループもインターネット宛ての送信をまだ許可していません（送信できる資源がありません）。資源を配置したら、出口の検査を通ることを改めて確認してください',
  evidenceDeclaredTelework: (subnets) => `宣言済みのテレワーク端末（ポリシーの teleworkClients）からの通信は、この系のテレワーク用サブネット（画面転送のエンドポイント・仮想デスクトップ）にだけ届きます。到達先：${subnets.join('、')}`,
  seeFindings: (numbers) => `指摘 ${numbers.map((n) => `#${n}`).join('、')} を参照`,

  findingsHeading: '指摘事項',
  noFindings: '指摘事項はありません。',
  severity: { error: '重大な指摘', warning: '注意事項' },
  direction: { 'one-way': '片方向', both: '双方向' },
  rule: 'ルール',
  fromTo: '発信元 → 宛先',
  ports: '通信',
  allPorts: 'すべての通信',
  path: '経路',
  stillBlockedBy: 'なお遮断できる層',
  nothingBlocks: 'なし（この経路に多層防御がありません）',
  resourceLabel: 'リソース',
  citation: '根拠となる要件',
  layer: LAYER_JA,
  punct: { colon: '：', listSep: '、', paren: (text) => `（${text}）` },
  blocksHere: '（ここで遮断）',

  acksHeading: '適用除外（例外措置）の一覧',
  acksIntro: '各パックのルールのうち、Validations.of(...).acknowledge() により適用除外（例外措置）としたものとその理由です。系をまたぐ経路は適用除外にできず、その試みは「拒否」として記載します。',
  noAcks: '適用除外（例外措置）はありません。',
  ackPack: 'パック',
  ackRule: 'ルール',
  ackReason: '理由',
  ackAt: '適用除外とした場所',
  ackSuppressed: '対象',
  ackRefused: '拒否：系をまたぐ経路は適用除外（例外措置）にできません',

  coverageHeading: 'モデルの対象外',
  coverageIntro: '証明はモデルの範囲内でのみ有効です。次の事項は対象外のため、審査者による確認が必要です：',
  noCoverageNotes: 'これらのテンプレートについて、エンジンは対象外の事項を報告していません。',

  manualHeading: '手動で確認する統制（チェックリスト）',
  manualIntro: '次の統制は CloudFormation では表現できません。決裁の前に一つずつ手作業で確認してください。',
  manualWhere: { console: 'コンソール', api: 'API 呼び出し', 'group-policy': 'グループポリシー', procedure: '運用手順' },

  diagramHeading: '系と接続の構成図',
  diagramTitle: '各系とその間の接続',
  diagramUntiered: '系の宣言なし',
  diagramShared: '共有TGW（系ごとのルートドメイン）',
  diagramLegendViolation: '禁止経路',
  diagramLegendPermitted: '到達する経路（◎ 正規経路・△ 要確認）',
  diagramLegendModelLink: 'ネットワーク間の接続（TGW・ピアリング・VPN・Direct Connect・Client VPN・IGW）',
  diagramLegendModelLinkViolation: '禁止経路が通る接続',
  diagramNone: '（なし）',
  diagramNoPersonalNumberTelework: 'なし（テレワークの入口を設けない：必須）',

  junitSuiteMatrix: '系間マトリクス',
  junitSuiteFindings: '指摘事項',
};
