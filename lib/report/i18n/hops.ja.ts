/**
 * 経路の語彙（lib/model/path.ts）の日本語の文言：通信の発信元・宛先、経路の各段階、アドレスの一覧。
 * hops.en.ts と同じ PathWords を実装する（段階の種類ごとの文言の抜けはコンパイラが検出する）。
 * リソース ID・CIDR・サービス名などの識別子はそのまま示す。
 */
import type { AddressList, HopStep, Layer, LinkKind, NaclReason, PlaceName, RelayStep, RouteDestName, RouteTargetName } from '../../model/path';
import { isTier, TIER_LABELS, type Tier } from '../../tiers/tier';
import type { PathWords } from './path-words';
import { detailWordsJa } from './reasons.ja';

function tier(t: Tier): string {
  return TIER_LABELS[t].ja;
}

/** 既定経路（0.0.0.0/0、::/0）にはその旨を添える。 */
function cidr(c: string): string {
  return c === '0.0.0.0/0' || c === '::/0' ? `${c}（既定経路）` : c;
}

function place(p: PlaceName): string {
  switch (p.kind) {
    case 'subnet':
      return `サブネット ${p.subnet}（${p.cidrs.join('、')}）`;
    case 'internet':
      return 'インターネット';
    case 'unknown':
      return 'モデル化していない外部のネットワーク';
    case 'on-prem':
      return `庁内ネットワーク（${tier(p.tier)}）`;
    case 'on-prem-untagged':
      return `系の宣言がない接続 ${p.link} の先の庁内ネットワーク`;
    case 'peered':
      return `TGW ピアリング ${p.attachment} の先のネットワーク（${p.tier ? tier(p.tier) : '系の宣言なし'}）`;
    case 'telework-pool':
      return `テレワーク端末 ${p.pool}（${p.via}）`;
    case 'client-vpn-clients':
      return `Client VPN ${p.endpoint} の接続端末${p.cidr ? `（${p.cidr}）` : ''}`;
  }
}

function addresses(a: AddressList): string {
  if (a.cidrs.length === 0) return '（なし）';
  return `${a.cidrs.map(cidr).join('、')}${a.more > 0 ? ` ほか ${a.more} 件` : ''}`;
}

function dest(d: RouteDestName): string {
  switch (d.kind) {
    case 'cidr':
      return cidr(d.cidr);
    case 'prefix-list':
      return `プレフィックスリスト ${d.id}`;
    case 'aws-prefix-list':
      return `AWS 管理のプレフィックスリスト ${d.id}（AWS サービスのアドレス）`;
    case 'propagated':
      return `${cidr(d.cidr)}（伝播）`;
    case 'bgp':
      return d.over === 'vgw' ? 'オンプレミスから BGP で伝播する経路' : 'オンプレミスのプレフィックス（BGP で伝播）';
  }
}

const TARGET: Record<string, string> = {
  igw: 'インターネットゲートウェイ',
  cagw: 'キャリアゲートウェイ',
  eigw: 'Egress-only インターネットゲートウェイ',
  nat: 'NAT ゲートウェイ',
  vgw: '仮想プライベートゲートウェイ',
  tgw: 'Transit Gateway',
  peering: 'VPC ピアリング',
  vpce: 'VPC エンドポイント',
  eni: 'ネットワークインターフェイス',
  instance: 'インスタンス',
  firewall: 'Network Firewall',
  blackhole: 'ブラックホール（破棄）',
};

function target(t: RouteTargetName): string {
  if (t.kind === 'local') return 'VPC 内（local）';
  if (t.kind === 'unmodelled') return t.what === undefined ? 'モデル化していない転送先（特定できません）' : `モデル化していない転送先（${t.what}）`;
  return `${TARGET[t.type] ?? t.type} ${t.id}`;
}

function nacl(r: NaclReason): string {
  switch (r.kind) {
    case 'default':
      return '既定のネットワーク ACL（すべて許可）';
    case 'rule':
      return `ルール ${r.rule} が ${cidr(r.cidr)} を${r.allow ? '許可' : '拒否'}`;
    case 'implicit-deny':
      return '一致するルールなし（暗黙の拒否）';
  }
}

/** The filter and path layers by name (a finding's "blocked only by …", the report's evidence lines). */
export const LAYER_JA: Record<Layer, string> = {
  entry: '入口',
  route: 'ルートテーブル',
  tgw: 'Transit Gateway',
  peering: 'VPC ピアリング',
  vpn: 'VPN / Direct Connect',
  endpoint: 'エンドポイント',
  nacl: 'ネットワーク ACL',
  sg: 'セキュリティグループ',
  'client-vpn': 'Client VPN',
  compute: '複数の系に接続した計算資源',
  exit: '到達先',
};

export function relay(r: RelayStep): string {
  switch (r.kind) {
    case 'target':
      return `転送先：${detailWordsJa.relayWhat(r.what)}`;
    case 'function-outside-vpc':
      return `転送先：${detailWordsJa.relayWhat(r.what)}（関数 ${r.function} は VPC の外で動作し、インターネットに出られます）`;
    case 'runs-in-tier':
      return `転送先：${detailWordsJa.relayWhat(r.what)}（${tier(r.tier)} のサブネットで動作）`;
  }
}

const LINK: Record<LinkKind, string> = { vgw: '仮想プライベートゲートウェイ', vpn: 'サイト間 VPN', dx: 'Direct Connect', connect: 'Connect アタッチメント（SD-WAN 機器への GRE トンネル）' };
const ATTACHMENT: Record<'vpn' | 'dx' | 'peering' | 'connect' | 'vpc', string> = { vpn: 'VPN', dx: 'Direct Connect', peering: 'ピアリング', connect: 'Connect', vpc: 'VPC' };

function tiers(ts: string[]): string {
  return ts.map((t) => (isTier(t) ? tier(t) : t)).join('・');
}

const AUTH: Record<string, string> = {
  'certificate-authentication': '相互 TLS 認証（クライアント証明書）',
  'directory-service-authentication': 'Active Directory の利用者認証',
  'federated-authentication': 'SAML フェデレーション認証',
};

function hop(s: HopStep): string {
  switch (s.kind) {
    case 'leave-subnet':
      return `${place(s.from)} から送信`;
    case 'from-internet':
      return s.carrier ? '通信事業者のネットワーク（およびインターネット）からキャリアゲートウェイを経由して流入' : 'インターネットからインターネットゲートウェイを経由して流入';
    case 'enter-vgw':
      return `${place(s.from)} から仮想プライベートゲートウェイを経由して流入`;
    case 'enter-tgw-attachment':
      return `${place(s.from)} から TGW の ${ATTACHMENT[s.attachment]} アタッチメントを経由して流入`;
    case 'client-vpn-connect':
      return `テレワーク端末が Client VPN ${s.endpoint} に接続${s.authentication?.length ? `（${s.authentication.map((a) => AUTH[a] ?? a).join('＋')}）` : ''}`;
    case 'client-vpn-enter':
      return `関連付けたサブネット ${s.subnet} から流入（認可された宛先 ${addresses(s.authorised)}）`;
    case 'screen-transfer': {
      if (!s.entry) return '画面転送のみ（WorkSpaces のストリーミング）：端末に届くのは画面の表示だけで、データは系の外に出ません';
      const vpn = s.clientVpn ? `Client VPN ${s.clientVpn.endpoint}（${s.clientVpn.authentication.map((a) => AUTH[a] ?? a).join('＋') || '認証方式はテンプレートに記載なし'}）を経由して、` : '';
      const arrival = s.arrival === 'streaming-endpoint' ? '系の VPC 内の WorkSpaces ストリーミング用インターフェイスエンドポイント' : 'WorkSpaces のストリーミングゲートウェイ（AWS 管理）';
      return `画面転送のみ（WorkSpaces のストリーミング）：テレワーク端末は${vpn}${arrival}（${s.entry}）に TCP 443・TCP/UDP 4172（PCoIP）・TCP/UDP 4195（WSP）で接続します。端末に届くのは画面の表示だけで、データは系の外に出ません`;
    }
    case 'nacl': {
      const side = s.direction === 'outbound' ? '送信側' : '受信側';
      if (s.passed) return `${side}のネットワーク ACL${s.reason ? `：${nacl(s.reason)}` : ''}`;
      return `${side}のネットワーク ACL${s.deniesAll ? '：該当する通信をすべて拒否' : ''}`;
    }
    case 'sg':
      if (s.passed) return `セキュリティグループ ${s.group ?? ''} が${s.direction === 'egress' ? '送信' : '受信'}を許可`;
      if (s.direction === 'egress') return `送信側のセキュリティグループ${s.noneAdmits ? '：許可するものなし' : ''}`;
      return `受信側のセキュリティグループ${s.noneAdmits ? '：宛先 VPC に受け入れるものなし' : ''}`;
    case 'arrive':
      return `${place(s.at)}${s.municipality ? `（${s.municipality}）` : ''} に到達`;
    case 'route':
      return `${s.table === 'tgw' ? 'TGW ルートテーブル' : 'ルートテーブル'}：宛先 ${dest(s.dest)} → ${target(s.target)}（この経路で送られる宛先 ${addresses(s.matched)}）`;
    case 'igw-out':
      return s.carrier ? 'キャリアゲートウェイから通信事業者のネットワーク・インターネットへ' : 'インターネットゲートウェイからインターネットへ';
    case 'eigw-out':
      return 'Egress-only インターネットゲートウェイから IPv6 でインターネットへ';
    case 'nat':
      return `NAT ゲートウェイ（${s.connectivity === 'private' ? 'プライベート' : 'パブリック'}）：送信元アドレスを NAT のアドレスに変換し、NAT のサブネットから転送`;
    case 'tgw-to-table':
      return `TGW アタッチメントから関連付けたルートテーブル ${s.table} へ`;
    case 'peering-outside':
      return `テンプレートの外にある ${s.peer} とのピアリング`;
    case 'peering-into':
      return `VPC ピアリングで ${s.vpc} へ`;
    case 'gwlb-endpoint':
      return 'Gateway Load Balancer エンドポイント：検査したうえで、そのサブネットから転送';
    case 'firewall-endpoint':
      return 'Network Firewall エンドポイント（ルールはモデル化の対象外）：そのサブネットから転送';
    case 'forwarded':
      return `${s.by === 'eni' ? 'ネットワークインターフェイス' : 'インスタンス'} ${s.id} がサブネット ${s.subnet} から転送`;
    case 'link-out':
      return `${LINK[s.link]}：${s.tier ? `庁内ネットワーク（${tier(s.tier)}）` : '系の宣言がない庁内ネットワーク'}へ`;
    case 'link-out-to-pool':
      return `${LINK[s.link]}：${place(s.to)} へ`;
    case 'tgw-peering-out':
      return `TGW ピアリングアタッチメント：ピアリング先の Transit Gateway（${s.tier ? tier(s.tier) : '系の宣言なし'}のネットワーク）へ`;
    case 'tgw-link-attachment':
      return `TGW の ${ATTACHMENT[s.attachment]} アタッチメント`;
    case 'tgw-into-vpc':
      return `TGW アタッチメントから VPC ${s.vpc} へ`;
    case 'leave-municipality-subnet':
      return `${s.municipality} のサブネット ${s.subnet} から送信`;
    case 'interface-endpoint-in':
      return `${tier(s.tier)} のインターフェイスエンドポイント`;
    case 'endpoint-service-lb-in':
      return `${tier(s.tier)} のロードバランサーを背後に持つエンドポイントサービス`;
    case 'interface-endpoint-to':
      return `${tier(s.tier)} にある ${s.service} へのインターフェイスエンドポイント`;
    case 'relay':
      return relay(s.relay);
    case 'link-from-on-prem':
      return `庁内ネットワーク（${tiers(s.tiers)}）からの${s.link === 'vpn-connection' ? ' VPN 接続' : ' Direct Connect ゲートウェイの関連付け'}${s.customerGateway ? `（カスタマーゲートウェイ ${s.customerGateway}）` : ''}`;
    case 'vgw-attached':
      return `仮想プライベートゲートウェイ${s.taggedTier ? `（${tier(s.taggedTier)} と宣言）` : ''}：VPC ${s.vpc} にアタッチ`;
    case 'vpc-of-tier':
      return `${tier(s.tier)} の VPC`;
    case 'tgw-table-shared':
      return `${s.attachment}（${tier(s.tier)}）と共有しているルートテーブル`;
    case 'attachment-of-tier':
      return `${tier(s.tier)} のアタッチメント`;
    case 'public-invoke':
      return `公開設定：${detailWordsJa.publicInvoke(s.surface)}`;
    case 'function-in-subnets':
      return `関数は ${tier(s.tier)} のサブネット ${s.subnets.join('、')} で動作`;
    case 'service-network-in':
      return `${tier(s.tier)} の VPC に関連付けたサービスネットワーク`;
    case 'target-group-in':
      return `${s.tier === 'internet' ? 'インターネット' : tier(s.tier)} のターゲットグループ`;
    case 'edge-link':
      return `${tier(s.tier)} の接続（終端：${s.edge.kind === 'dxgw' ? `同じ Direct Connect ゲートウェイ ${s.edge.id}` : s.edge.kind === 'cgw-ip' ? `同じアドレスのカスタマーゲートウェイ ${s.edge.id}` : `同じカスタマーゲートウェイ ${s.edge.id}`}）`;
    case 'edge-link-same':
      return `${tier(s.tier)} の接続（同じ終端）`;
  }
}

export const pathWordsJa: PathWords = { place, hop, hopForReport: hop, addresses };
