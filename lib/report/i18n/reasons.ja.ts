/**
 * モデルが示す理由（lib/model/reason.ts：値を解決できない理由、モデル化していない理由、系のタグの矛盾）と、
 * 指摘・経路の段階が引用する事実の詳細（関数の公開のしかた、インターネットからの入口の種類、中継の設定）の
 * 日本語の文言。reasons.en.ts と同じ DetailWords を実装する（キーごとの文言の抜けはコンパイラが検出する）。
 * 論理 ID・プロパティ名・CIDR・タグの値・関数名などの識別子はそのまま示す。
 */
import type { MalformedIntrinsic, NestedTemplateProblem, ParameterRefusal, ReasonKey, ReasonParams, ReviewedReason, SnapshotThing } from '../../model/reason';
import type { RemoteEntryKind } from '../../model/facts/service-facts';
import { isTier, TIER_LABELS } from '../../tiers/tier';
import type { DetailWords, ReasonTable } from './detail-words';

/** タグの値：系を表す値なら系の名前を添え、そうでなければ値のまま示す。 */
function tag(v: string): string {
  return isTier(v) ? `${v}（${TIER_LABELS[v].ja}）` : `「${v}」`;
}

/** 系の名前（系を表さない値はそのまま）。 */
function tier(v: string): string {
  return isTier(v) ? TIER_LABELS[v].ja : v;
}

const MALFORMED: Record<MalformedIntrinsic, string> = {
  'ref-name': 'Ref に参照先の名前が書かれていません',
  'getatt-id': 'Fn::GetAtt に論理 ID が書かれていません',
  'getatt-attribute': 'Fn::GetAtt の属性名が文字列ではありません',
  'join-delimiter': 'Fn::Join の区切り文字が文字列ではありません',
  'join-list': 'Fn::Join の対象がリストではありません',
  'split-strings': 'Fn::Split の引数が文字列ではありません',
  'length-list': 'Fn::Length の対象がリストではありません',
  'sub-string': 'Fn::Sub の引数が文字列ではありません',
};

function refusal(r: ParameterRefusal): string {
  switch (r.kind) {
    case 'not-number':
      return `「${r.value}」は数値ではありません（Type: Number）`;
    case 'below-min':
      return `${r.value} は MinValue ${r.limit} を下回ります`;
    case 'above-max':
      return `${r.value} は MaxValue ${r.limit} を上回ります`;
    case 'not-id':
      return `「${r.value}」は ${r.type} の ID の形式ではありません`;
    case 'too-short':
      return `「${r.value}」は MinLength ${r.limit} より短い値です`;
    case 'too-long':
      return `「${r.value}」は MaxLength ${r.limit} より長い値です`;
    case 'pattern':
      return `「${r.value}」は AllowedPattern ${r.pattern} に一致しません`;
  }
}

export const REVIEWED_JA: Record<ReviewedReason, string> = {
  placed: '指定したサブネット（またはサブネットグループ）にネットワークインターフェイスを置くリソースです。そのサブネットに存在するものとしてモデル化しています',
  'placed-target': '指定したサブネットで処理（ECS タスク、ローテーション用の関数、コネクタ）を実行するリソースです。そのサブネットに存在するものとしてモデル化しています',
  'connect-peer': 'Connect アタッチメントの BGP セッションです。経路はアタッチメントそのものとしてモデル化しており（cloud-wan.ts）、ピアが経路を加えることはありません',
  classic: 'EC2-Classic のセキュリティグループ（VPC なし）であり、VPC の通信を運びません',
  dns: 'VPC に名前解決や DNS フィルタリングを関連付けるだけで、ネットワーク間でパケットを運びません',
  restricts: 'VPC を指定しますが、それは利用できる範囲をその VPC に限るためであり、新たな経路は開きません',
  describes: 'ネットワークに関する項目をデータとして扱うだけで（フィルタ、ログの解析、テレメトリのルール、車両バス）、ネットワーク上には存在しません',
  'nested-stack': 'ネストしたスタックです。そのテンプレートは独立したスタックとして読み込んで分析します（テンプレートが見つからない場合は UNMODELLED-RESOURCE として指摘します）',
  'config-only': 'ほかのリソース（ターゲットグループ、起動設定、レイヤー、オプショングループ）が読み込む設定です。モデルはそれを読み込むリソースの配置を見ます',
  entry: '系の外から利用できるマネージドサービス（ブラウザ、ストリーミング、公開エンドポイント、API）で、系の中にインターフェイスを持ちます。本ツールがモデル化していない、系への入口です',
  joins: 'ネットワークどうしを接続します（ピアリング、中継、VPC 間・アカウント間の接続、庁内ネットワークとの回線）。本ツールはモデル化していません',
  relays: '系とほかのネットワークとの間で通信やリクエストを転送します。本ツールはモデル化していません',
  'new-service': '提供開始から間もないサービスで、そのネットワーク上の動作を本ツールはモデル化していません',
  transform: 'SAM の型で、AWS::Serverless 変換の前にだけ存在します。変換そのものを別途指摘しています（変換後のテンプレートを検証してください）',
};

function nested(p: NestedTemplateProblem): string {
  switch (p.kind) {
    case 'not-found':
      return `ネストしたテンプレート ${p.file} が見つかりません`;
    case 'not-local':
      return 'TemplateURL が S3 を指しているか計算で決まるため、ネストしたテンプレートが手元にありません';
    case 'unreadable':
      return `ネストしたテンプレート ${p.file} を読み込めません（${p.error}）`;
  }
}

const SNAPSHOT_THING: Record<SnapshotThing, string> = { vpc: 'VPC', 'transit-gateway': 'Transit Gateway', subnet: 'サブネット', gateway: 'ゲートウェイ', 'prefix-list': 'プレフィックスリスト' };

const REASONS: ReasonTable = {
  'expected-list': (p) => `リストであるべき値が ${p.got} です`,
  'nests-too-deeply': () => '式の入れ子が深すぎます（循環参照のおそれがあります）',
  'unsupported-value': (p) => `扱えない値です（${p.value}）`,
  'malformed-intrinsic': (p) => MALFORMED[p.problem],
  'select-out-of-range': (p) => `Fn::Select の添字 ${p.index} が範囲外です`,
  'find-in-map-no-entry': (p) => `Fn::FindInMap ${p.keys} に該当する値がありません（キーがデプロイ時にしか決まらない場合を含みます）`,
  'cidr-not-computable': (p) => `${p.value} に対する Fn::Cidr を計算できません`,
  'unsupported-function': (p) => `組込み関数 ${p.fn} は本ツールが対応していません`,
  'unknown-stack': (p) => `スタック ${p.stack} が検証に渡したテンプレートにありません`,
  'ssm-parameter-ambiguous': (p) => `パラメータ ${p.name} が読む SSM パラメータ ${p.ssm} を、複数のテンプレートが定義しています`,
  'ssm-parameter': (p) => `パラメータ ${p.name} はデプロイ時に SSM から読み込まれます`,
  'parameter-refuses-all': (p) => `パラメータ ${p.name} の AllowedValues は、どの値も CloudFormation が受け付けません（${refusal(p.refusal)}）`,
  'parameter-no-default': (p) => `パラメータ ${p.name} には既定値がなく、デプロイ時にだけ値が決まります`,
  'ref-condition-false': (p) => `Ref の参照先 ${p.name} は、条件が偽のため作成されないリソースです`,
  'ref-unknown': (p) => `Ref の参照先 ${p.name} は、${p.stack} のパラメータにもリソースにもありません`,
  'getatt-unknown': (p) => `Fn::GetAtt の参照先 ${p.id} は、${p.stack} のリソースにありません`,
  'nested-template-unavailable': (p) => `ネストしたスタック ${p.id} のテンプレートがありません`,
  'nested-no-output': (p) => `ネストしたスタック ${p.id} に出力 ${p.output} がありません`,
  'ipv6-block-unknown': (p) => `${p.id} の IPv6 アドレスブロックが分かりません`,
  'attribute-after-deploy': (p) => `${p.type}（${p.id}）の属性 ${p.attribute} は、デプロイ後にしか値が決まりません`,
  'import-unmatched': (p) => (p.name === undefined ? 'Fn::ImportValue の名前が計算で決まるため、対応するエクスポートを特定できません' : `Fn::ImportValue ${p.name} に対応するエクスポートを特定できません`),
  'import-no-export': (p) => `Fn::ImportValue「${p.name}」：この名前をエクスポートするテンプレートが、検証に渡したものの中にありません`,
  'import-many-exports': (p) => `Fn::ImportValue「${p.name}」：複数のテンプレートがこの名前をエクスポートしています`,
  'cannot-join-object': () => 'リストやオブジェクトを文字列に連結することはできません',
  'too-many-alternatives': (p) => `条件・パラメータの組合せで取り得る値が ${p.max} 通りを超えます`,
  'wrong-reference-type': (p) => `参照先 ${p.ref} は ${p.type} であり、想定する型（${p.expected.join('・')}）ではありません`,
  'outside-templates': (p) => `「${p.value}」は検証に渡したテンプレートの外のリソースを指しています。そのリソースを定義するテンプレートも渡してください`,
  'unexpected-value': (p) => `想定していない値です（${p.value}）`,
  'not-a-cidr': (p) => `「${p.value}」は CIDR ブロックではありません`,
  'expected-string': (p) => `文字列であるべき値が ${p.value} です`,
  'tag-not-literal': (p) => (p.tag === undefined ? '系のタグ（mic:tier）の値が直接書かれていません' : `${p.tag} タグの値が直接書かれていません`),
  'unmodelled-type': (p) => `${p.type} は通信を運ぶ、または外部からの接続を受け入れることができ、本ツールはモデル化していません`,
  'reviewed-type': (p) => `${p.type} は、${REVIEWED_JA[p.reviewed]}`,
  'names-network': (p) => `${p.type} はネットワーク（${p.property}）を指定しており、本ツールが確認済みの型の一覧にありません`,
  'reaches-no-vpc': (p) => `${p.type} は、${p.without.join('／')} がなければ VPC には到達しません`,
  transform: (p) => `テンプレートが ${p.names.join('、')} を使っており、デプロイ時に内容が書き換えられます。変換後のテンプレートを検証してください（aws cloudformation get-template --template-stage Processed）`,
  'nested-stack': (p) => `ネストしたスタックを分析できません：${nested(p.problem)}`,
  'tgw-peering-needs-tag': () => 'Transit Gateway のピアリングには、ピアリング先の経路ドメインの系を示す mic:tier タグが必要です（相手側は検証に渡したテンプレートにありません）',
  'regional-nat': () => 'リージョン単位の NAT ゲートウェイ（SubnetId なし）は、モデル化の対象外です',
  'lattice-target-vpc-outside': () => 'ターゲットグループの VPC が検証に渡したテンプレートにないため、ターゲットがどの系にあるかが分かりません',
  'endpoint-service-unknown': () => 'エンドポイントの接続先のサービスを特定できません',
  'lattice-endpoint': () => 'VPC Lattice のサービスネットワーク・リソース用のエンドポイントは、モデル化の対象外です',
  'privatelink-service-outside': (p) => `PrivateLink のサービス ${p.service} が検証に渡したテンプレートで定義されていないため、提供側の系を確認できません`,
  'sg-rule-not-object': (p) => `ルール ${p.rule} がオブジェクトの形式ではありません`,
  'unknown-protocol': (p) => `プロトコル ${p.value} を解釈できません`,
  'not-port-numbers': (p) => `ポート ${p.from}～${p.to} がポート番号ではありません`,
  'sg-outside': (p) => `${p.value} は検証に渡したテンプレートの外のセキュリティグループを指しています`,
  'sg-group-name': () => 'セキュリティグループを名前で指定する方式（EC2-Classic／デフォルト VPC）は、モデル化の対象外です',
  'not-prefix-list': (p) => `${p.ref} は検証に渡したテンプレートにあるプレフィックスリストではありません`,
  'prefix-list-unresolvable': (p) => `プレフィックスリスト ${p.value} を特定できません`,
  'sg-no-peer': () => 'ルールに通信相手（CidrIp、CidrIpv6、セキュリティグループ、プレフィックスリスト）の指定がありません',
  'sg-default-vpc': () => 'VpcId のないセキュリティグループはデフォルト VPC に作成されますが、デフォルト VPC はテンプレートに記述されていません',
  'not-security-group': (p) => `${p.ref} は検証に渡したテンプレートにあるセキュリティグループではありません`,
  'vpn-no-gateway': () => 'VPN 接続の終端が、テンプレートで定義した仮想プライベートゲートウェイでも Transit Gateway でもありません',
  'invoke-wrong-reference': (p) => `参照先 ${p.ref}（${p.type ?? '型不明'}）は、Lambda 関数・エイリアス・バージョンのいずれでもありません`,
  'core-policy-alternatives': () => 'コアネットワークポリシーが条件・パラメータにより複数の値を取り得ます。デプロイごとに --parameters を指定して検証してください',
  'core-policy-not-json': () => 'コアネットワークポリシーが読み取れる JSON 文書ではないため、セグメントが分かりません',
  'core-policy-unmodelled': (p) => `コアネットワークポリシーが ${p.features.join('、')} を使っています。本ツールはこれら（サービス挿入、ルーティングポリシー）をモデル化していないため、追加・変更される経路が分かりません`,
  'cloud-wan-no-core-network': () => 'アタッチメントにコアネットワークの指定がありません',
  'cloud-wan-needs-tag': () => 'Cloud WAN の VPN／Direct Connect／Connect アタッチメントには、その先のネットワークの系を示す mic:tier タグ（または系のタグを付けた回線・トランスポート）が必要です',
  'segment-undecidable': (p) => `アタッチメントがどのセグメントに入るかが分かりません。アタッチメントポリシーの条件（種類 ${p.condition}：アカウント、リージョン、リソース ID など）は、テンプレートではなくデプロイ先で決まります`,
  'segment-undeclared': (p) => `コアネットワークポリシーはアタッチメントをセグメント「${p.segment}」に入れますが、このセグメントはポリシーで宣言されていません`,
  'route-destination-not-cidr': (p) => `create-route の宛先「${p.value}」は CIDR ブロックではありません`,
  'streaming-subnets-unknown': () => 'ストリーミングインスタンスが動作するサブネットを特定できません',
  'secure-browser-settings-outside': () => 'ネットワーク設定（ブラウザのセッションが動作するサブネット）が、検証に渡したテンプレートにありません',
  'directory-no-vpc-settings': () => 'ディレクトリの VpcSettings を解決できません',
  'not-a-directory': (p) => `${p.ref}（${p.type}）は、本ツールが扱えるディレクトリではありません`,
  'desktop-subnets-unknown': () => '仮想デスクトップが動作するサブネットを特定できないため、どの系への入口かが分かりません',
  'desktop-subnet-unknown': () => 'この仮想デスクトップが動作するサブネットを特定できません',
  'nacl-entry-unevaluable': () => 'このエントリを評価できません',
  'not-port-range': (p) => `${p.value} はポート範囲ではありません`,
  'connect-transport-outside': () => 'トランスポートアタッチメントが検証に渡したテンプレートにないため、Connect アタッチメントがどの Transit Gateway・どの系につながるかが分かりません',
  'connect-needs-tag': () => 'TGW Connect アタッチメントには、その先の機器がつながるネットワークの系を示す mic:tier タグ（または系のタグを付けたトランスポート VPC）が必要です',
  'desktop-settings-not-json': () => '設定が JSON 文書ではないため、仮想デスクトップを登録するサブネットが分かりません',
  'desktop-settings-no-subnets': () => '設定に SubnetIds がないため、仮想デスクトップがどの系に入るかが分かりません',
  'firewall-on-tgw': () => 'Transit Gateway に直接接続した Network Firewall は、モデル化の対象外です（検査が TGW の経路ドメインの中で行われるため）',
  'vpc-link-outside': () => 'この統合の VPC リンク（公開 HTTP API がどの系に入るか）が、検証に渡したテンプレートにありません',
  'instance-default-vpc': () => 'SubnetId も NetworkInterfaces もないインスタンスはデフォルト VPC に作成されますが、デフォルト VPC はテンプレートに記述されていません',
  'custom-resource': () =>
    'カスタムリソースはデプロイ時に独自の権限でコードを実行するため、ネットワークへの変更がテンプレートに現れません。ハンドラーと IAM ロールを確認し、経路・ゲートウェイ・ピアリング・アタッチメント・セキュリティグループのルールを変更できないことを確かめたうえで、そのことを理由として UNMODELLED-RESOURCE を適用除外としてください',
  'prefix-list-entry-not-literal': () => 'プレフィックスリストのエントリに Cidr が直接書かれていません',
  'share-tgw-defaults': (p) => `既定ルートテーブルへの関連付けまたは伝播が有効な Transit Gateway ${p.tgw} を他のアカウントと共有しています。ここからは見えない他のアカウントのアタッチメントが、既定の経路ドメインに加わります。どちらの既定も無効にしてください`,
  'share-unmodelled': (p) => `${p.shared === undefined ? '本ツールが読み取れない値' : p.shared ? `${p.shared} ` : 'リソース'}を他のアカウントと共有しています。モデル化しているのは、SSM パラメータと、既定の関連付け・伝播を無効にした Transit Gateway の共有だけです（他のアカウントが接続するものはここからは見えません）`,
  'verified-access-target-outside': () => 'Verified Access エンドポイントの接続先（ロードバランサー、インターフェイス、サブネット）が検証に渡したテンプレートにないため、どの系への入口かが分かりません',
  'route-target-unmodelled': (p) => `ルートの転送先 ${p.property}${p.id !== undefined ? ` ${p.id}` : ''} は、モデル化の対象外です`,
  'route-target-wrong': (p) => `ルートの転送先 ${p.ref}（${p.type ?? '型不明'}）は、${p.property} として扱える転送先ではありません`,
  'subnet-two-tables': (p) => `サブネット ${p.subnet} が二つのルートテーブル（${p.first} と ${p.second}）に関連付けられています。適用されるのはどちらか一つです`,
  'vpc-ipam': () => 'VPC の CIDR を IPAM（Ipv4IpamPoolId）から割り当てるため、デプロイ時にしか決まりません。CidrBlock を直接書いてください',
  'ipv6-pool': () => 'アドレスブロックをプールから割り当てるため、デプロイ時にしか決まりません',
  'subnet-no-cidr': () => 'サブネットの CIDR ブロックが直接書かれていません（IPAM の利用など）',
  'tag-peering-tgw': (p) => `ピアリングアタッチメントのタグは ${tag(p.tag)}ですが、ピアリング先の Transit Gateway は${tier(p.peer)}です`,
  'tag-connect-transport': (p) =>
    `${p.transport === undefined ? 'Connect アタッチメント' : 'TGW Connect アタッチメント'}のタグは ${tag(p.tag)}ですが、${p.transport === undefined ? '' : `${p.transport}（`}${tier(p.transportTier)}のトランスポートアタッチメント${p.transport === undefined ? '' : '）'}の上に構成されています。その先の SD-WAN 機器は、${tier(p.tag)}の通信を${tier(p.transportTier)}を通して運ぶことになります`,
  'tag-subnet-vpc': (p) => `サブネットのタグは ${tag(p.tag)}ですが、所属する VPC は${tier(p.vpcTier)}です`,
  'tag-attachment-vpc': (p) => `アタッチメントのタグは ${tag(p.tag)}ですが、接続する VPC は${tier(p.vpcTier)}です`,
  'tag-link-other': (p) => `${p.type} のタグは ${tag(p.tag)}ですが、${p.other} は ${tag(p.otherTag)}です`,
  'tag-vgw-vpc': (p) => `仮想プライベートゲートウェイのタグは ${tag(p.tag)}ですが、${tier(p.vpcTier)}の VPC にアタッチされています`,
  'tag-client-vpn-vpc': (p) => `Client VPN エンドポイントのタグは ${tag(p.tag)}ですが、所属する VPC は${tier(p.vpcTier)}です`,
  'tag-resource-vpc': (p) => `${p.type} のタグは ${tag(p.tag)}ですが、${tier(p.vpcTier)}の VPC ${p.vpc} に置かれています${p.notTier ? `（「${p.tag}」はどの系も表しません）` : ''}`,
  'not-in-snapshot': (p) => `${SNAPSHOT_THING[p.thing]} ${p.id} がスナップショットにありません`,
  'vpn-gateway-not-in-snapshot': (p) => (p.gateway === undefined ? 'VPN 接続の終端となるゲートウェイがありません' : `VPN 接続の終端 ${p.gateway} がスナップショットにありません`),
  'peering-not-in-snapshot': () => 'ピアリングのどちら側の VPC もスナップショットにありません',
  'peer-vpc-not-in-snapshot': (p) => `ピアリング先の VPC ${p.vpc} がスナップショットにありません。系を確認できるよう、そのアカウントの出力も加えてください`,
  'tgw-owner-not-in-snapshot': (p) => `Transit Gateway ${p.tgw}（所有者 ${p.owner}）がスナップショットにありません。所有するアカウントの出力も加えてください`,
  'attachment-vpc-not-in-snapshot': (p) => `VPC ${p.vpc}（アカウント ${p.account}）がスナップショットにないため、アタッチメントがそこへ運ぶ通信を追跡できません。そのアカウントの出力も加えてください`,
  'attachment-into-missing-vpc': (p) => `スナップショットにない VPC ${p.vpc} への Transit Gateway アタッチメントです`,
  'attachment-type-unmodelled': (p) => `種類「${p.type}」の Transit Gateway アタッチメント（${p.resource}）は、モデル化の対象外です`,
  'endpoint-type-unmodelled': (p) => `種類 ${p.type} の VPC エンドポイント（VPC Lattice のサービスネットワーク・リソース用）は、モデル化の対象外です`,
  'privatelink-not-in-snapshot': (p) => `PrivateLink のサービス ${p.service} がスナップショットにないため（提供側アカウントの describe-vpc-endpoint-service-configurations）、提供側の系を確認できません`,
  'snapshot-nacl-entry': (p) => `${p.egress ? '送信' : '受信'}のエントリ ${p.rule}：プロトコル ${p.protocol} またはルール番号を評価できません`,
  'sg-not-in-snapshot': (p) => `セキュリティグループ ${p.group} がスナップショットにありません（他のアカウントのものである可能性があります）。そのアカウントの出力も加えてください`,
  'sg-rule-unknown-protocol': (p) => `ルール ${p.rule}：プロトコル ${p.value} を解釈できません`,
  'route-target-not-in-snapshot': (p) => `ルートの転送先 ${p.target} がスナップショットにありません（または ${p.field} として扱える転送先ではありません）。この経路で送られるパケットの行き先が分かりません`,
  'route-no-target': (p) => `ルートに本ツールが扱える転送先がありません（${p.route}）`,
  'tgw-attachment-not-in-snapshot': (p) => `アタッチメント ${p.attachment}（${p.type} ${p.resource}）がスナップショットにありません`,
};

const REMOTE_ENTRY: Record<RemoteEntryKind, string> = {
  'instance-connect-endpoint': 'EC2 Instance Connect エンドポイント。インターネットから AWS の API を経由して、セキュリティグループが許すインスタンスに SSH／RDP で接続できます',
  'verified-access-endpoint': 'Verified Access エンドポイント。インターネット上の利用者が、ポリシーの確認を経て VPC 内のアプリケーションに接続できます',
  'api-gateway-vpc-link': 'VPC リンクを経由する API Gateway HTTP API の統合。インターネットからの呼び出しが、リンクの先のロードバランサーやサービスに届きます',
  'appstream-internet-access': '既定のインターネット接続を有効にした AppStream 2.0 インスタンス。系のルートとは別にインターネット側のインターフェイスを持つため、系からインターネットへ、インターネットからインスタンスへ到達できます',
};

export const detailWordsJa: DetailWords = {
  reason: (r) => (REASONS[r.key] as (p: ReasonParams[ReasonKey]) => string)(r as never),
  publicInvoke: (s) =>
    s.kind === 'function-url'
      ? 'AuthType が NONE の関数 URL（インターネットの誰でも呼び出せます）'
      : s.kind === 'public-url-permission'
        ? 'プリンシパル "*" に対し FunctionUrlAuthType NONE を許可するリソースポリシー（関数 URL が公開されています）'
        : `プリンシパル "*"（すべての AWS アカウント）に呼び出し（${s.action}）を許可するリソースポリシー`,
  remoteEntry: (k) => REMOTE_ENTRY[k],
  teleworkEntry: (k) => TELEWORK_ENTRY[k],
  relayWhat: (w) => {
    switch (w.kind) {
      case 'lambda-integration':
        return `Lambda 統合 ${w.uri}`;
      case 'lambda-outside':
        return `検証に渡したテンプレートの外にある Lambda 関数（${w.uri}）。どこで動作するかが分かりません`;
      case 'vpc-link-integration':
        return `VPC リンクを経由する ${w.type} 統合（転送先 ${w.uri}）`;
      case 'http-integration':
        return `${w.type} 統合（転送先 ${w.uri}）`;
      case 'openapi-in-s3':
        return 'S3 上の OpenAPI 定義（BodyS3Location）にある統合。本ツールは読み込めないため、Body に直接書くか、統合を手作業で確認してください';
      case 'appsync-http':
        return `HTTP データソース（転送先 ${w.endpoint}）`;
      case 'appsync-lambda':
        return 'Lambda データソース';
      case 'api-destination':
        return `API 送信先（転送先 ${w.endpoints.join('、') || '不明'}）`;
      case 'rule-target':
        return 'ルールのターゲット';
      case 'sns-subscription':
        return `${w.protocols.join('／')} サブスクリプション（転送先 ${w.endpoints.join('、') || '不明'}）`;
      case 'sns-lambda':
        return 'Lambda サブスクリプション';
      case 'lambda-api':
        return 'Lambda の API による呼び出し';
    }
  },
};

/** 理由の日本語の文言。 */
export const reasonJa = detailWordsJa.reason;

const TELEWORK_ENTRY: Record<Parameters<DetailWords['teleworkEntry']>[0], string> = {
  'client-vpn': 'Client VPN エンドポイント',
  'workspaces-directory': 'WorkSpaces ディレクトリ',
  workspace: '仮想デスクトップ（WorkSpaces）',
  'workspaces-pool': 'WorkSpaces プール',
  'directory-service': 'WorkSpaces 用のディレクトリ',
  'streaming-endpoint': 'WorkSpaces の画面転送用エンドポイント',
  'internet-facing-load-balancer': 'インターネット向けのロードバランサー',
  appstream: 'AppStream 2.0 のインスタンス（フリート・ビルダー）',
  'secure-browser': 'WorkSpaces Secure Browser のポータル',
};
