/**
 * モデルの対象外の事項（lib/model/coverage-note.ts）の日本語の文言。文字列で渡された注記は、
 * ほかの生成元（稼働中のアカウントの読み取り）が英語で記したもので、そのまま示す。
 */
import type { CoverageItem, StandingLimit } from '../../model/coverage-note';

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
  }
}
