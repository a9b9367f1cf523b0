/**
 * モデルの対象外の事項（lib/model/coverage-note.ts）の日本語の文言。文字列で渡された注記は、
 * ほかの生成元（稼働中のアカウントの読み取り）が英語で記したもので、そのまま示す。
 */
import type { CoverageItem, KnownUnusedOutput, OptionalListing, SnapshotLimit, StandingLimit } from '../../model/coverage-note';

const STANDING: Record<StandingLimit, string> = {
  'main-route-table': 'ルートテーブルを関連付けていないサブネットは VPC のメインルートテーブルを使います。メインルートテーブルは local ルートだけを持つものとしてモデル化しています（CloudFormation では変更できないため）。',
  parameters: 'テンプレートのパラメータは AllowedValues（パラメータのほかの制約の下で CloudFormation が受け付けるすべての値）または Default の値を取るものとしています。デプロイ時に渡す値は、--parameters で与えない限り分かりません。',
  'one-way-delivery': '到達性は片方向のパケット配送で判定します。パケットが一つでも届けば到達とし、応答は要件としません（TCP より厳しい判定です）。',
  'security-groups-any-attachment': 'セキュリティグループは、同じ VPC の中のどのリソースにも付け得るものとして扱います。そのため、どの組み合わせでも通信を許可しない場合に限り、セキュリティグループで遮断されているとみなします。',
  'nacl-at-ends': 'ネットワーク ACL は送信元と宛先のサブネットで評価します。経由するサブネット（NAT、TGW アタッチメント）のネットワーク ACL は遮断として数えません。',
  'internet-reaches-public-vpc': 'インターネットゲートウェイをアタッチした VPC では、インターネットからの通信がすべてのサブネットに届き得るものとしています（パブリックアドレスはいつでも割り当てられるため）。',
  'aws-prefix-lists': 'セキュリティグループとゲートウェイエンドポイントのルートにある AWS 管理のプレフィックスリスト（pl-…）は、AWS サービスのアドレスを表すものとし、どの系にも属さないものとしています。',
  'services-are-destinations': 'VPC エンドポイント経由で利用する AWS サービス（S3、KMS、Logs など）は通信の宛先であり、経路ではありません。二つの系が共用するサービスを介したデータの受け渡しは運用上のポリシーの問題で、この証明の対象外です。ただし、テンプレートの設定によりリクエストを転送するサービス（API Gateway の HTTP 統合、AppSync の HTTP データソース、EventBridge の API 送信先、SNS の http サブスクリプション、Lambda 関数）は中継として検査します（SERVICE-RELAY）。',
  'undecidable-conditions': 'AllowedValues のないパラメータに依存する条件は判定できないため、両方の分岐をモデル化しています。',
  'network-firewall-pass-through': 'AWS Network Firewall は通過するだけの段階としてモデル化しています。ルールグループ（ドメインの許可リスト）は評価せず、遮断としても数えません。',
};

const DOES = {
  'workspaces-directory': 'その系の WorkSpaces ディレクトリを、Settings に指定したサブネットに登録します（そのサブネットの WorkSpaces ディレクトリ、すなわちテレワークの入口として扱い、WorkSpaces が作成するセキュリティグループは AWS の文書のとおりにモデル化します）',
  'ad-connector': 'AD Connector を作成します（系の VPC の二つのサブネットに、そのネットワークインターフェイスとセキュリティグループを作成します）',
};

const SNAPSHOT: Record<SnapshotLimit, string> = {
  'snapshot-time': 'スナップショットは、ファイルを出力した時点の環境を示します。その後の変更は反映されていません（変更のたびにスナップショットを取り直してください）。',
  'bgp-propagation': '庁内ネットワークから BGP で VPC・Transit Gateway のルートテーブルに伝播する経路は、すべてのアドレスを最も低い優先度で宛先とするものとしてモデル化しています（広報される経路はデプロイなしに変わるため）。',
  'services-are-destinations': 'VPC エンドポイント経由で利用する AWS サービス（S3、API など）は通信の宛先であり、経路ではありません。二つの系が共用するサービスを介したデータの受け渡しは運用上のポリシーの問題で、この証明の対象外です。',
  'accounts-apart': 'スナップショット内の各アカウントは、それぞれ独立したアドレス空間として扱います。アカウント間は、ファイルに記載されたピアリング接続と共有 Transit Gateway のアタッチメントによってのみつながるものとしています。',
  'service-facts-not-read': '関数 URL、他のアカウントに許可を与えるリソースポリシー、サービスによる中継は EC2 の出力に含まれないため、スナップショットでは判定しません（テンプレートの verify で判定します）。',
};

/** 任意の出力がない場合に失われるもの。 */
const WITHOUT: Record<OptionalListing, string> = {
  SecurityGroupRules: '同じルールを describe-security-groups（IpPermissions）から読み込みます。両方がある場合はルール単位の出力を使い、二重には数えません',
  ServiceConfigurations: 'この出力がないと、このアカウントの PrivateLink サービスへのエンドポイントについて提供側を特定できず、解決できない値として指摘します',
  LoadBalancers: 'この出力がないと、インターネットに面したロードバランサーを、端末が系に入る入口として列挙できません',
  DirectConnectGatewayAssociations: 'この出力がないと、二つの系の仮想プライベートゲートウェイが一つの Direct Connect ゲートウェイを共有していても検出できません',
};

/** 読み取りで使わない出力と、その理由。 */
const UNUSED: Record<KnownUnusedOutput | 'prefix-lists', string> = {
  instances: 'describe-instances：インスタンスはネットワークインターフェイスから読み取ります',
  addresses: 'describe-addresses：Elastic IP は系の間の到達性を変えません',
  'flow-logs': 'describe-flow-logs：ログの設定であり、接続ではありません',
  'dhcp-options': 'describe-dhcp-options：名前解決の設定であり、接続ではありません',
  'prefix-lists': 'describe-prefix-lists（AWS サービスのプレフィックスリスト）。読み取りには describe-managed-prefix-lists を使います',
};

export function coverageJa(note: CoverageItem): string {
  if (typeof note === 'string') return note;
  switch (note.key) {
    case 'standing':
      return STANDING[note.limit];
    case 'workspaces-security-group':
      return 'WorkSpaces がデスクトップ用に作成するセキュリティグループ（<directory>_workspacesMembers。テンプレートにはありません）は、AWS の文書のとおり、送信はすべて許可、受信はディレクトリからのみとしてモデル化しています。';
    case 'package-custom-resource':
      return `${note.type}（closed-telework のカスタムリソース。型名で識別）：${DOES[note.does]}。経路・ゲートウェイ・アタッチメントは追加しません。`;
    case 'duplicate-export':
      return `エクスポート名「${note.name}」を複数のテンプレートが定義しています。これをインポートする値は解決できないものとして扱います。`;
    case 'snapshot':
      return SNAPSHOT[note.limit];
    case 'snapshot-output-missing':
      return `${note.folder}：${note.output} の出力（${note.command}）がありません。${WITHOUT[note.output]}。`;
    case 'snapshot-unused-file':
      return `${note.file}：使用していません（${note.why.kind === 'unknown-keys' ? `最上位のキー ${note.why.keys.map((k) => `"${k}"`).join('、') || '（なし）'} は、読み取りの対象の出力ではありません` : UNUSED[note.why.kind]}）。`;
  }
}
