/**
 * 本パッケージの規則が出す指摘（lib/checks/finding-text.ts）の日本語の文言。findings.en.ts と同じ
 * FindingWords を実装する。識別子（論理 ID・CIDR・タグの値）はそのまま示す。
 */
import type { DriftKind, FindingText, FlowText } from '../../checks/finding-text';
import { TIER_LABELS, type Tier } from '../../tiers/tier';
import { LAYER_JA as LAYER, pathWordsJa, relay as relayJa } from './hops.ja';
import type { FindingWords, Worded } from './finding-words';
import { detailWordsJa, reasonJa } from './reasons.ja';
import type { EndpointClass } from '../../model/reachability/places';

const TAG = 'mic:tier';

const LINK_KIND: Record<'vpn' | 'dx-association', string> = { vpn: 'VPN 接続', 'dx-association': 'Direct Connect ゲートウェイの関連付け' };

function tier(t: Tier | undefined): string {
  return t ? TIER_LABELS[t].ja : '系の宣言がないネットワーク';
}


function protocol(p: string | undefined): string {
  return p === undefined || p === '-1' || p === 'any' ? 'すべてのプロトコル' : p.toUpperCase();
}

/** 経路の指摘：何が起きているか（到達する／経路はあり遮断はフィルタのみ）、なぜ問題か、どう直すか。 */
function flow(f: FlowText, title: string, why: string, fix: string): Worded {
  const from = pathWordsJa.place(f.from);
  const to = pathWordsJa.place(f.to);
  const what = f.open
    ? `${from} から ${to} へパケットが届きます（${protocol(f.protocol)}${f.port !== undefined ? ` ポート ${f.port}` : ''}、例：${f.destinations}）。`
    : `${from} から ${to} へのルートがつながっており、現在は ${f.blockedBy.map((l) => LAYER[l]).join('と')} だけが通信を止めています（多層防御が失われています）。`;
  return {
    title: f.open ? title : `${title}（経路あり・${f.blockedBy.map((l) => LAYER[l]).join('と')}のみで遮断）`,
    message: `${what}${why}対処：${fix}`,
  };
}

/** 行列の端（ドリフトの指摘で使う）。 */
function driftEnd(c: EndpointClass): string {
  if (c === 'internet') return 'インターネット';
  const [kind, t] = c.split(':') as ['tier' | 'on-prem' | 'telework', Tier];
  return kind === 'tier' ? tier(t) : kind === 'on-prem' ? `庁内ネットワーク（${tier(t)}）` : `テレワーク端末（${tier(t)}）`;
}

/** ドリフトした要素の種類。 */
const DRIFT_KIND: Record<DriftKind, string> = {
  VPC: 'VPC',
  subnet: 'サブネット',
  'prefix list': 'プレフィックスリスト',
  route: 'ルート',
  'route table association': 'ルートテーブルの関連付け',
  'gateway route table': 'ゲートウェイのルートテーブル',
  'NACL entry': 'ネットワーク ACL のエントリ',
  'NACL association': 'ネットワーク ACL の関連付け',
  'security group rule': 'セキュリティグループのルール',
  'internet gateway attachment': 'インターネットゲートウェイのアタッチ',
  'egress-only internet gateway': 'Egress-only インターネットゲートウェイ',
  'NAT gateway': 'NAT ゲートウェイ',
  'virtual private gateway': '仮想プライベートゲートウェイ',
  'customer gateway': 'カスタマーゲートウェイ',
  'VPN connection': 'VPN 接続',
  'Direct Connect gateway association': 'Direct Connect ゲートウェイの関連付け',
  'transit gateway': 'Transit Gateway',
  'transit gateway attachment': 'Transit Gateway アタッチメント',
  'transit gateway association': 'Transit Gateway の関連付け',
  'transit gateway propagation': 'Transit Gateway の伝播',
  'transit gateway route': 'Transit Gateway のルート',
  'VPC peering': 'VPC ピアリング',
  'VPC endpoint': 'VPC エンドポイント',
  'VPC endpoint subnet': 'VPC エンドポイントのサブネット',
  'Network Firewall': 'Network Firewall',
  'Client VPN endpoint': 'Client VPN エンドポイント',
  'Client VPN association': 'Client VPN の関連付け',
  'Client VPN authorization': 'Client VPN の認可ルール',
  'Client VPN route': 'Client VPN のルート',
};

function word(t: FindingText): Worded {
  switch (t.key) {
    case 'tier-crossing':
      return flow(t.flow, `${tier(t.from)}から${tier(t.to)}への経路`,
        '三層分離では、系の間の通信を一切認めません。',
        '系をつないでいるルート、TGW の関連付け・伝播、ピアリングを削除してください（経路の各段階を参照）。許可経路として宣言して通すことはできません。系の間のデータの受け渡しは、情報セキュリティ責任者が承認した無害化の仕組みを通す場合に限ります。');
    case 'closed-tier-internet':
      return flow(t.flow, t.inbound ? `インターネットから${tier(t.tier)}への経路` : `${tier(t.tier)}からインターネットへの経路`,
        `${tier(t.tier)}は閉域の系であり、インターネットとの通信経路を持てません（テレワークは閉域の VPN からのみ入ります）。`,
        t.inbound
          ? 'この VPC からインターネットゲートウェイを切り離し、パブリックサブネットとロードバランサーを削除してください。テレワークは閉域の VPN から入る構成とします。'
          : 'インターネットゲートウェイ・NAT ゲートウェイへの既定経路を削除してください。AWS サービスの利用には VPC エンドポイントを使います。');
    case 'telework-beyond-desktop':
      return flow(t.flow, `テレワーク端末が${tier(t.tier)}の仮想デスクトップ以外（${pathWordsJa.place(t.flow.to)}）に到達`,
        'テレワークは画面転送に限ります。端末が到達してよいのは仮想デスクトップだけで、系の中のほかの資源には到達できないようにします。',
        'Client VPN の認可ルールとルートを、仮想デスクトップ（WorkSpaces）のサブネットに絞ってください。');
    case 'tier-join-peering':
      return { title: '系をまたぐ VPC ピアリング', message: `ピアリング ${t.peering} が${tier(t.a)}と${tier(t.b)}をつないでいます。現在ルートがなくても、ルートを一つ追加するだけで系がつながります。対処：ピアリング接続を削除してください。系の間では、承認された無害化の仕組みを通す場合を除き、何も受け渡しません。` };
    case 'tier-join-tgw': {
      const detail = [...t.associated.map((a) => `${a.attachment}（${tier(a.tier)}）を関連付け`), ...t.reached.map((r) => `${r.attachment}（${tier(r.tier)}）へ${r.dest === undefined ? '伝播で到達' : `静的ルート ${r.dest} で到達`}`)].join('、');
      return {
        title: 'Transit Gateway の経路ドメインが系をまたぐ',
        message: `${t.isDefault ? `${t.table} の既定ルートテーブル` : `ルートテーブル ${t.table}`}が${t.tiers.map(tier).join('と')}をつないでいます（${detail}）。対処：系ごとに TGW ルートテーブルを分け、DefaultRouteTableAssociation／DefaultRouteTablePropagation を disable とし、その系のアタッチメントだけを関連付け・伝播させ、ほかの系の CIDR にはブラックホールルートを設定してください。`,
      };
    }
    case 'tier-join-multihomed':
      return { title: '複数の系にまたがるリソース', message: `${t.type} ${t.id} が${t.tiers.map(tier).join('と')}の両方にインターフェイスまたは配置を持っています（サブネット ${t.subnets.join('、')}）。その上で動くものは系の間で通信を中継できます。対処：一つの系だけに配置し、系ごとに別のリソースを用意してください。` };
    case 'tier-join-privatelink':
      return { title: 'PrivateLink による系間接続', message: `${tier(t.consumer)}のエンドポイント ${t.endpoint} が、ロードバランサーを${tier(t.provider)}に置くエンドポイントサービス ${t.service} に接続しています。対処：エンドポイントを削除してください。系をまたいで共用するサービスは、承認された無害化の仕組みを通します。` };
    case 'tgw-default-route-table':
      return { title: 'Transit Gateway の既定ルートテーブルが有効', message: `Transit Gateway ${t.tgw} で ${[t.association && 'DefaultRouteTableAssociation', t.propagation && 'DefaultRouteTablePropagation'].filter(Boolean).join(' と ')} が有効です（CloudFormation の既定値）。新しいアタッチメントがすべて一つの経路ドメインに自動で加わります。対処：どちらも disable とし、系ごとにルートテーブルを分けてください。` };
    case 'untagged-vpc':
      return { title: 'VPC に系のタグがない', message: `VPC ${t.vpc} に ${TAG} タグが${t.invalid === undefined ? 'ありません' : `ありますが、値 ${t.invalid} はどの系も表しません`}。どの系に属するかが分からないため、分離を証明できません。対処：${TAG} タグ（internet／lgwan／personal-number のいずれか）を付けてください。` };
    case 'untagged-link':
      return { title: '外部接続に系のタグがない', message: `${t.type} ${t.id} は AWS の外のネットワークにつながっていますが、${TAG} タグが${t.invalid === undefined ? 'ありません' : `値 ${t.invalid} でどの系も表しません`}。どの系の庁内ネットワークにつながるかが分かりません。対処：${TAG} タグ（internet／lgwan／personal-number のいずれか）を付けてください。` };
    case 'tier-tag-conflict':
      return { title: '系のタグが所属するネットワークと矛盾', message: `${t.id}：${reasonJa(t.reason)}。リソースは、置かれているネットワークの系に属します。タグが矛盾していることは、設計と実際の構成が食い違っていることを意味します。対処：タグを正しい値（${t.expected}）に直すか、意図した系の VPC へリソースを移してください。` };
    case 'unmodelled-resource':
      return { title: `検証の対象外のネットワークリソース：${t.type}`, message: `${t.id}：${reasonJa(t.reason)}。証明の及ばない形で系をつなぐおそれがあります。対処：削除するか、モデル化済みの構成に置き換えてください（一覧は docs/verify.md）。` };
    case 'unresolved-value':
      return { title: `ネットワークの値を解決できない：${t.id}.${t.property}`, message: `${t.type} ${t.id} のプロパティ ${t.property}：${reasonJa(t.reason)}。見えないものについては分離を証明できません。対処：値を直接書くか、検証に渡すテンプレート内のリソースを参照してください（値をエクスポートするスタックを含め、すべてのスタックを渡します）。` };
    case 'telework-entry-personal-number':
      return { title: 'マイナンバー利用事務系へのテレワーク入口', message: `${t.type} ${t.id}（${detailWordsJa.teleworkEntry(t.entry)}）がマイナンバー利用事務系にテレワークの入口を設けています（サブネット：${t.where}）。マイナンバー利用事務系にはテレワークの入口を一切設けません。対処：仮想デスクトップ・エンドポイントを LGWAN 接続系へ移してください。マイナンバー利用事務は庁内の端末でのみ行います。` };
    case 'client-vpn-into-personal-number':
      return { title: 'マイナンバー利用事務系へのテレワーク入口', message: `Client VPN エンドポイント ${t.endpoint} により、テレワーク端末がマイナンバー利用事務系に入れます。対処：このエンドポイントを削除してください。マイナンバー利用事務は庁内の端末でのみ行います。` };
    case 'client-vpn-whole-vpc':
      return { title: 'Client VPN の認可範囲が VPC 全体', message: `Client VPN ${t.endpoint} が ${t.cidr} を${t.allGroups ? 'すべての利用者に' : ''}認可しており、VPC 全体が対象になっています。テレワーク端末が到達してよいのは仮想デスクトップのサブネットだけです。対処：仮想デスクトップのサブネットの CIDR ごとに認可してください（CDK では authorizeAllUsersToVpcCidr: false とし、サブネットごとにルールを追加します）。` };
    case 'access-grant-into-tier': {
      const who = t.outsiders.map((o) => (o.kind === 'everyone' ? '"*"（すべての AWS アカウント）' : o.kind === 'literal-account' ? `${o.id}（アカウント ID の直書き。デプロイするアカウント自身であれば \${AWS::AccountId} と書いてください）` : o.id)).join('、');
      const what = t.kind === 'endpoint-service'
        ? `ロードバランサーを${tier(t.tier)}に置くエンドポイントサービス ${t.target} に対し、${who} がエンドポイントを作成できます${t.acceptanceRequired ? '（接続ごとに手動の承認が必要です）' : '。AcceptanceRequired が無効のため、承認なしで直ちに接続されます'}`
        : `${tier(t.tier)}のネットワークインターフェイス ${t.target} を ${who} が利用できます（NetworkInterfacePermission）`;
      const title = '他のアカウントに閉域の系への接続を許可';
      return { title: t.acceptanceRequired ? `${title}（承認制）` : title, message: `${t.grant}：${what}。他のアカウントのネットワークから、テンプレート上のどの経路も通らずに、AWS を経由して系の中へ接続できます。対処：許可する相手をこのアカウント（arn:aws:iam::\${AWS::AccountId}:root）だけとし AcceptanceRequired: true を設定するか、この許可を削除してください。` };
    }
    case 'hub-attachment-tier': {
      const j = t.joined;
      const what = j.kind === 'link'
        ? `${j.linkKind.toUpperCase()} のアタッチメント（庁内ネットワークへの接続）`
        : j.kind === 'outside'
          ? '検証に渡したテンプレートの外にある VPC'
          : j.tier === undefined ? `系を宣言していない（${TAG} タグのない）VPC ${j.vpc}` : `${tier(j.tier)}の VPC ${j.vpc}`;
      return { title: '都道府県ハブに接続できるのはインターネット接続系のみ', message: `アタッチメント ${t.attachment} が、${what}を都道府県ハブ（${t.hub}）の Transit Gateway に接続しています。セキュリティクラウドに接続できるのはインターネット接続系の VPC だけです。対処：このアタッチメントを削除してください。閉域の系はハブに接続せず、インターネット接続系の VPC には ${TAG}=internet のタグを付けます。` };
    }
    case 'public-invoke-into-tier':
      return { title: '閉域の系の中で動くコードを誰でも呼び出せる', message: `${t.function} は${tier(t.tier)}のサブネット内で動作し（VpcConfig）、${t.grant} により誰でも呼び出せます（${detailWordsJa.publicInvoke(t.surface)}）。経路がなくても、インターネットからの要求が Lambda サービスを経由して系の中のコードを実行します。対処：関数 URL または "*" への許可を削除してください（同じ系の呼び出し元に限って AuthType AWS_IAM とするか、SourceArn／SourceAccount の条件を付けます）。または、関数を閉域の系の外へ移してください。` };
    case 'hub-bypass':
      return {
        title: `${t.municipality}：セキュリティクラウドを経由しないインターネット接続`,
        message: `${t.municipality} のインターネット接続系が、都道府県のセキュリティクラウドを経由せず ${t.exit ?? '独自の出口'} からインターネットに接続しています。都道府県ハブのある構成では、インターネット接続系の通信はすべてハブを経由させ、都道府県が監視・ログ取得を行います。対処：団体の設定で internetEgress.kind を "prefecture-hub" とし（VPC にインターネットゲートウェイを置かず、既定経路をハブへ向けます）、ほかの出口を削除してください。`,
      };
    case 'municipality-crossing':
      return {
        title: `団体「${t.from}」から団体「${t.to}」への経路`,
        message: `${t.from} のサブネット ${t.subnet} から、${t.place ? `${t.to} のネットワーク（${pathWordsJa.place(t.place)}）` : `${t.to} の庁内ネットワーク`}へパケットを運ぶルートがあります（宛先 ${t.destinations}）。都道府県ハブや共同利用の基盤を共有する団体どうしも、別のネットワークとして分離しなければなりません（団体間の分離）。フィルタでの遮断は数えず、ルートそのものが団体間をつないではなりません。対処：団体間をつないでいるルート、関連付け、伝播を削除してください（経路の各段階を参照）。都道府県ハブでは、各団体のアタッチメントを団体用ルートテーブル（既定経路は検査 VPC へ、プライベートアドレス帯はブラックホール）だけに関連付け、検査用ルートテーブルにだけ伝播させます。`,
      };
    case 'remote-entry-into-tier':
      return { title: 'インターネットから閉域の系への入口', message: `${t.id}（${detailWordsJa.remoteEntry(t.entry)}）が${tier(t.tier)}に置かれています。インターネットゲートウェイやルートがなくても、インターネットからの接続が AWS を経由して系の中に届きます。これは閉域の経路ではありません。対処：このリソースを削除し、系の管理はその系の閉域ネットワークから行ってください（インターフェイスエンドポイント経由の Systems Manager、または庁内ネットワークとの接続回線）。` };
    case 'telework-entry-model':
      return { title: 'αモデルでインターネット接続系へのテレワーク', message: `${t.id}（${detailWordsJa.teleworkEntry(t.kind)}）はインターネット接続系に置かれたテレワークの入口ですが、ポリシーではこの団体は ${t.model} モデルを採用しており、テレワークの接続先は LGWAN 接続系です。対処：仮想デスクトップを LGWAN 接続系へ移してください。β モデル／β' モデルへ移行済みであれば、ポリシーに model: beta または beta-prime を宣言してください。` };
    case 'tier-tag-variable':
      return {
        title: '所属する系がデプロイ時の値で変わる',
        message: t.free
          ? `${t.id}：${TAG} タグが AllowedValues のないパラメータから決まるため（既定値 ${t.values.join('、')}）、デプロイ時にどの系にもなり得ます。判定は既定値の場合だけについて行いました。対処：系を値として直接書くか、パラメータに AllowedValues を設けてテンプレートごとに一つの系に限り、デプロイごとに --parameters を指定して検証してください。`
          : `${t.id}：${TAG} タグがパラメータまたは条件により ${t.values.join('・')} のいずれにもなり得るため、同じテンプレートが異なる系にネットワークを構築します。判定は ${t.values[0]} の場合だけについて行いました。対処：系ごとにテンプレートを分けてタグを値として直接書くか、デプロイごとに --parameters を指定して検証してください。`,
      };
    case 'municipality-and-hub':
      return { title: '所属団体の宣言がない VPC', message: `VPC ${t.vpc} に、団体「${t.municipality}」と都道府県ハブ「${t.hub}」の両方が宣言されています。ハブはすべての構成団体に共用されるもので、どの団体にも属しません。対処：mic:municipality／mic:hub のどちらか一方のタグだけを残してください。` };
    case 'untagged-municipality':
      return { title: '所属団体の宣言がない VPC', message: `複数の団体を含む構成で、VPC ${t.vpc} に所属団体の宣言がありません。このため、ほかの団体から分離されていることを証明できません。対処：VPC に mic:municipality=<団体名> のタグを付けてください（団体ステージが構築するものには自動で付きます）。都道府県の共用ハブであれば mic:hub=<都道府県> を付けます。` };
    case 'lattice-network-tiers':
      return { title: 'VPC Lattice による系間接続', message: `サービスネットワーク ${t.network} に、${t.tiers.map(tier).join('と')}の VPC が関連付けられています。サービスを一つ追加するだけで系がつながります。対処：サービスネットワークは系ごとに分けてください。` };
    case 'lattice-target':
      return { title: 'VPC Lattice による系間接続', message: `${tier(t.consumer)}からサービスネットワーク ${t.network} を経由してサービス ${t.service} を利用でき、そのターゲットグループ ${t.targetGroup} は${t.provider === 'internet' ? 'VPC の外で動く Lambda 関数（インターネットに接続可能）' : tier(t.provider)}へ転送します。Lattice はルートを経由せずに要求を運びます。対処：各系のサービス、ターゲット、利用側を、その系のサービスネットワークにまとめてください。` };
    case 'service-relay':
      return { title: 'AWS のサービスが系の通信を外部へ中継', message: `${tier(t.tier)}からインターフェイスエンドポイント ${t.endpoint} を経由して ${t.service} を利用でき、${t.relayedBy} の設定により ${t.service} が${t.to === 'internet' ? 'インターネット' : tier(t.to)}へ中継します（${relayJa(t.relay)}）。このエンドポイントは宛先ではなく、系の外への中継口になっています。対処：中継する設定を削除するか、中継先を${tier(t.tier)}の中に置いてください（関数を${tier(t.tier)}のサブネットで動かす、${tier(t.tier)}のロードバランサーへの VPC リンク統合にする等）。または、${tier(t.tier)}から ${t.service} のエンドポイントを削除してください。` };
    case 'tier-join-edge': {
      const shared = t.edge.kind === 'dxgw' ? `同じ Direct Connect ゲートウェイ（${t.edge.id}）` : t.edge.kind === 'cgw-ip' ? `同じアドレスのカスタマーゲートウェイ（${t.edge.id}）` : `同じカスタマーゲートウェイ（${t.edge.id}）`;
      return { title: '二つの系が庁内側の同じ接続点を共有', message: `${t.a}（${tier(t.aTier)}）と ${t.b}（${tier(t.bTier)}）が、いずれも${shared}で終端しています。庁内側でこれらを終端する機器は二つの系の間で通信を中継でき、AWS の中からは止められません。対処：系ごとに庁内側の接続点を分けてください（Direct Connect ゲートウェイと仮想インターフェイス、またはカスタマーゲートウェイの機器とアドレスを系ごとに用意します）。系の間では、承認された無害化の仕組みを通す場合を除き、何も受け渡しません。` };
    }
    case 'tier-join-link-vgw': {
      const declaredBy = t.declaredBy.kind === 'own-tag'
        ? (t.linkKind === 'vpn' ? `この接続自身の ${TAG} タグによる` : 'Direct Connect ゲートウェイ、または接続先のゲートウェイの系による')
        : `カスタマーゲートウェイ ${t.declaredBy.cgw ?? '?'} のタグが ${t.near}`;
      return { title: '外部回線が系をまたぐ', message: `${LINK_KIND[t.linkKind]} ${t.link} は${tier(t.near)}の庁内ネットワークの通信（${declaredBy}）を仮想プライベートゲートウェイ ${t.vgw} に運びますが、このゲートウェイは${tier(t.far)}の VPC ${t.vpc} に接続されています。回線そのものが二つの系をつないでおり、ルートやフィルタを一つ変えるだけで通信が系をまたぎます。対処：${tier(t.near)}の回線は${tier(t.near)}専用の仮想プライベートゲートウェイ（または Transit Gateway の経路ドメイン）で終端してください。系の間では、承認された無害化の仕組みを通す場合を除き、何も受け渡しません。` };
    }
    case 'tier-join-link-tgw':
      return { title: '外部回線が系をまたぐ', message: `${LINK_KIND[t.linkKind]} ${t.link} のタグは${t.own ? ` ${t.own} ` : 'なし（系の宣言なし）'}ですが、カスタマーゲートウェイ ${t.cgw ?? '?'} は${tier(t.near)}に属します。この回線の Transit Gateway アタッチメントは、${t.table.isDefault ? `${t.table.tgw} の既定ルートテーブル` : `ルートテーブル ${t.table.id}`}を${tier(t.far)}の ${t.other} と共有しています。回線が二つの系をつないでいます。対処：${tier(t.near)}のカスタマーゲートウェイは、${tier(t.near)}の回線で、その系専用の TGW ルートテーブルに終端してください。` };
    case 'undeclared-onprem-route': {
      const own = t.own ?? 'なし';
      const others = t.others.length ? `この中には、${t.others.map(tier).join('と')}の庁内ネットワークとして宣言された範囲が含まれます。` : '';
      return { title: '閉域の系が未宣言の宛先を庁内ネットワークへ送る', message: `${tier(t.tier)}の ${t.route} は、${t.propagation ? '庁内側が広報する経路をそのまま取り込み（ルート伝播）' : `${t.dest} を`}この系の庁内ネットワーク接続回線へ送りますが、この回線の先として${t.derivedPolicy ? `宣言されているのは（--policy の指定がないため、テンプレートの静的ルートから）${own} だけです` : `ポリシーが宣言しているのは ${own} だけです`}。${t.propagation ? 'それ以外に広報される宛先' : t.undeclared}は、どの系とも分類されていないネットワークへ送られます。${others}対処：この系で宣言した範囲だけをルーティングする（静的ルートとし、伝播は使わない）か、その範囲が本当にこの系のものであれば onPremNetworks に tier ${t.tier} として宣言してください。` };
    }
    case 'drift-opens-path': {
      const list = t.changes.length ? t.changes.map((c) => `  - ${DRIFT_KIND[c.kind]}：${c.element}`).join('\n') : '  （この経路上にある変更を特定できません。DRIFT-ADDED／DRIFT-MISSING の指摘を参照してください）';
      return {
        title: t.crossing ? 'テンプレートにない系間の経路が環境にある' : 'テンプレートにない経路が環境にある',
        message:
          (t.reachable
            ? `実際の環境では${driftEnd(t.from)}から${driftEnd(t.to)}に到達できますが、検証済みのテンプレートでは到達できません。`
            : `実際の環境では${driftEnd(t.from)}から${driftEnd(t.to)}へのルートがつながっており（テンプレートではつながっていません）、現在は${t.blockedBy.map((l) => LAYER[l]).join('と')}だけが通信を止めています（ルールを一つ変えるだけで越境します）。`) +
          `この経路上の変更：\n${list}\n` +
          '対処：環境での変更を取り消してください（必要な変更であれば、テンプレートに反映して検証し直してください）。そのうえで、スナップショットを取り直してください。',
      };
    }
    case 'drift-added':
      return {
        title: `${t.opens ? '系間の経路を開く変更：' : ''}テンプレートにない${DRIFT_KIND[t.drifted.kind]}`,
        message:
          `環境に、どのテンプレートにもない${DRIFT_KIND[t.drifted.kind]}（${t.drifted.element}）があります（コンソールやスクリプト、または検証に渡していないスタックで作成されたものです）。` +
          (t.opens ? `これは${driftEnd(t.opens.from)}から${driftEnd(t.opens.to)}への新しい経路の一部です。` : '現時点ではこれだけで系間の経路を開くことはありませんが、テンプレートの検証の対象外です。') +
          '対処：削除するか、テンプレートに反映して検証し直してください。',
      };
    case 'drift-missing':
      return {
        title: `環境にない${DRIFT_KIND[t.drifted.kind]}`,
        message:
          `テンプレートにある${DRIFT_KIND[t.drifted.kind]}（${t.drifted.element}）が、環境にありません。` +
          (t.protective ? 'これは系を分けている層の一つで、失われたことで、環境の多層防御は検証の前提より弱くなっています。' : '') +
          (t.lacks ? `テンプレートにある接続のうち ${t.lacks.count} 件が環境にありません（例：${driftEnd(t.lacks.from)} → ${driftEnd(t.lacks.to)}）。` : '') +
          '対処：テンプレートを再デプロイ（cdk deploy）するか、削除した経緯を確認してください。',
      };
    case 'sanctioned-channel-expired':
      return { title: `許可された連携経路の有効期限切れ：${t.id}`, message: `連携経路 ${t.id}（${t.from} → ${t.to}、${t.protocol} ${t.ports.from}-${t.ports.to}、管理者 ${t.owner}、理由：${t.reason}）は ${t.expires} に有効期限が切れ、どの経路の例外にもなりません。対処：管理者とともに見直して有効期限を更新するか、連携経路とその経路を削除してください。` };
  }
}

export const findingWordsJa: FindingWords = {
  word,
  openingRoutes: (routes) => `この経路を開いているルート（ルートテーブル・AZ ごと）：${routes.join('、')}。すべて削除してください。`,
};
