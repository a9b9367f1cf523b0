/**
 * The words of `closed-telework verify`'s text output (lib/report/text.ts) in each language. The finding,
 * hop, coverage and citation wording comes from the shared catalogues (findings / hops / coverage /
 * citations); this is only the frame around them. Pure TypeScript: no aws-cdk-lib import.
 */
import type { Endpoint, Layer, Severity } from '../../checks/finding';
import type { DerivedPolicyNote } from '../../checks/derived-policy';
import { citationText } from '../../checks/citations';
import type { EndpointClass } from '../../model/reachability/places';
import { TIER_LABELS, type Tier } from '../../tiers/tier';
import { blockers } from './findings.en';
import { LAYER_JA } from './hops.ja';
import type { Lang } from './messages';

export interface VerifyTextWords {
  /** `ERROR TIER-CROSSING: title`. */
  headline(severity: Severity, rule: string, title: string): string;
  endpoint(e: Endpoint): string;
  /** `from: … → to: … (one-way)  tcp port 443`. */
  fromTo(from: string, to: string, direction: 'one-way' | 'both', protocol?: string, ports?: { from: number; to: number }): string;
  resource(type: string, where: string): string;
  path: string;
  /** A hop's layer in brackets: the id in English (`[route]`, as docs/verify.md lists them), the word in Japanese. */
  layer(l: Layer): string;
  /** Marks the hop that would block. */
  blocks: string;
  stillBlockedBy(layers: readonly Layer[]): string;
  citation(key: string): string;
  ok(templates: number, resources: number): string;
  counts(errors: number, warnings: number, templates: number, resources: number): string;
  reachableHeading: string;
  pair(from: EndpointClass, to: EndpointClass, screenTransferOnly: boolean): string;
  none: string;
  sanctionedHeading: string;
  coverageHeading: string;
  /** A note on the policy derived from the templates when no --policy is given (lib/checks/derived-policy.ts). */
  policyNote(n: DerivedPolicyNote): string;
  /** The templates hold no network at all: nothing was proven. */
  nothingToVerify: string;
}

function portText(ports: { from: number; to: number }): string {
  return ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`;
}

export const verifyTextEn: VerifyTextWords = {
  headline: (severity, rule, title) => `${severity.toUpperCase()} ${rule}: ${title}`,
  endpoint: (e) => {
    switch (e.kind) {
      case 'tier':
        return `${e.tier} tier${e.resource ? ` [${e.resource.stack}/${e.resource.logicalId}]` : ''}`;
      case 'internet':
        return 'the internet';
      case 'on-prem':
        return `${e.tier} on-premises network${e.cidr ? ` ${e.cidr}` : ''}`;
      case 'telework-clients':
        return `telework clients${e.tier ? ` (${e.tier})` : ''}`;
      case 'resource':
        return `${e.resource.type} ${e.resource.stack}/${e.resource.logicalId}`;
    }
  },
  fromTo: (from, to, direction, protocol, ports) => `from: ${from}  →  to: ${to}  (${direction})${protocol ? `  ${protocol}${ports ? ` port ${portText(ports)}` : ''}` : ''}`,
  resource: (type, where) => `resource: ${type} ${where}`,
  path: 'path:',
  layer: (l) => l,
  blocks: '  ← BLOCKS',
  stillBlockedBy: (layers) => `still blocked by: ${blockers(layers)} (defence in depth: fix the route anyway)`,
  citation: (key) => `citation: ${citationText(key, 'en')}`,
  ok: (templates, resources) => `OK: no finding — the tiers cannot reach one another in ${templates} template(s), ${resources} resources.`,
  counts: (errors, warnings, templates, resources) => `${errors} error(s), ${warnings} warning(s) in ${templates} template(s), ${resources} resources.`,
  reachableHeading: 'Reachable endpoint pairs (everything else is unreachable):',
  pair: (from, to, streaming) => `${from} → ${to}${streaming ? ' (screen transfer only)' : ''}`,
  none: '(none)',
  sanctionedHeading: 'Paths that exist only for a sanctioned exchange channel of the policy (reviewed, not findings):',
  coverageHeading: 'Not covered by the model:',
  policyNote: (n) => {
    switch (n.kind) {
      case 'derived':
        return 'No --policy given: the on-premises networks are taken from the templates (static routes to links tagged with a tier), not from any city\'s policy file.';
      case 'tier-ranges':
        return `  ${n.tier}: ${n.cidrs.join(', ')} (routes ${n.routes.join(', ')})`;
      case 'tier-no-route':
        return `  ${n.tier}: no static route names the ranges behind its link, so every address is treated as reachable there (give --policy FILE to declare them)`;
      case 'left-out':
        return `  Left out (they overlap a VPC of the templates, so they are not on-premises): ${n.routes.join(', ')}`;
      case 'no-link':
        return '  The templates hold no on-premises link.';
    }
  },
  nothingToVerify:
    'NOTHING TO VERIFY: the templates hold no VPC, on-premises link, transit gateway or Client VPN endpoint, so there is no network whose separation could be confirmed. Check that PATH names the network stacks.',
};

function tierJa(t: Tier): string {
  return TIER_LABELS[t].ja;
}

/** An end of the reachability matrix in Japanese (`tier:lgwan` → LGWAN接続系). */
function classJa(c: EndpointClass): string {
  if (c === 'internet') return 'インターネット';
  const [kind, t] = c.split(':') as ['tier' | 'on-prem' | 'telework', Tier];
  return kind === 'tier' ? tierJa(t) : kind === 'on-prem' ? `庁内ネットワーク（${tierJa(t)}）` : `テレワーク端末（${tierJa(t)}）`;
}

export const verifyTextJa: VerifyTextWords = {
  headline: (severity, rule, title) => `${severity === 'error' ? '重大な指摘' : '注意事項'} ${rule}：${title}`,
  endpoint: (e) => {
    switch (e.kind) {
      case 'tier':
        return `${tierJa(e.tier)}${e.resource ? `［${e.resource.stack}/${e.resource.logicalId}］` : ''}`;
      case 'internet':
        return 'インターネット';
      case 'on-prem':
        return `庁内ネットワーク（${tierJa(e.tier)}）${e.cidr ? ` ${e.cidr}` : ''}`;
      case 'telework-clients':
        return e.tier ? `テレワーク端末（${tierJa(e.tier)}）` : 'テレワーク端末';
      case 'resource':
        return `${e.resource.type} ${e.resource.stack}/${e.resource.logicalId}`;
    }
  },
  fromTo: (from, to, direction, protocol, ports) =>
    `発信元：${from} → 宛先：${to}（${direction === 'both' ? '双方向' : '片方向'}）${protocol ? `  ${protocol === '-1' ? 'すべてのプロトコル' : protocol.toUpperCase()}${ports ? ` ポート ${portText(ports)}` : ''}` : ''}`,
  resource: (type, where) => `リソース：${type} ${where}`,
  path: '経路：',
  layer: (l) => LAYER_JA[l],
  blocks: '  ← ここで遮断',
  stillBlockedBy: (layers) => `なお遮断している層：${layers.map((l) => LAYER_JA[l]).join('、')}（多層防御のため、経路そのものも直してください）`,
  citation: (key) => `根拠：${citationText(key, 'ja')}`,
  ok: (templates, resources) => `適合：指摘はありません。テンプレート ${templates} 件（リソース ${resources} 件）で、三層の間に到達する経路がないことを確認しました。`,
  counts: (errors, warnings, templates, resources) => `重大な指摘 ${errors} 件、注意事項 ${warnings} 件（テンプレート ${templates} 件、リソース ${resources} 件）。`,
  reachableHeading: '到達できる組合せ（これ以外は到達できません）：',
  pair: (from, to, streaming) => `${classJa(from)} → ${classJa(to)}${streaming ? '（画面転送のみ）' : ''}`,
  none: '（なし）',
  sanctionedHeading: 'ポリシーで許可した連携経路のためだけにある経路（確認済み。指摘ではありません）：',
  coverageHeading: 'モデルの対象外の事項：',
  policyNote: (n) => {
    switch (n.kind) {
      case 'derived':
        return '--policy の指定がないため、庁内ネットワークの範囲は、どの団体のポリシーファイルでもなく、テンプレート内の経路（系のタグを付けた接続への静的ルート）から求めました。';
      case 'tier-ranges':
        return `  ${tierJa(n.tier)}：${n.cidrs.join('、')}（ルート ${n.routes.join('、')}）`;
      case 'tier-no-route':
        return `  ${tierJa(n.tier)}：接続の先の範囲を示す静的ルートがないため、すべてのアドレスに到達し得るものとして扱います（--policy FILE で範囲を宣言してください）`;
      case 'left-out':
        return `  対象外としたルート（テンプレート内の VPC と重なるため、庁内ネットワークではありません）：${n.routes.join('、')}`;
      case 'no-link':
        return '  テンプレートに庁内ネットワークとの接続はありません。';
    }
  },
  nothingToVerify:
    '検証対象なし：テンプレートに VPC・オンプレミス接続・Transit Gateway・Client VPN エンドポイントがなく、分離を確認できるネットワークがありません。三層分離を確認したことにはなりません。PATH にネットワークのスタックを指定しているか確認してください。',
};

export function verifyTextWords(lang: Lang): VerifyTextWords {
  return lang === 'ja' ? verifyTextJa : verifyTextEn;
}
