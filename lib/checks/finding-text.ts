/**
 * What a finding says, as data: a catalogue key per kind of finding and the values it names (tiers, logical
 * ids, CIDRs, the flow's ends). The rules record this; lib/report/i18n/findings.{en,ja}.ts word it in the
 * reader's language, and `verify --format json` writes the English wording as `title` / `message`.
 * Values that are already text are identifiers (logical ids, CIDRs, tag values); reasons and fact details are
 * data too (lib/model/reason.ts, lib/model/facts/service-facts.ts), worded by lib/report/i18n/reasons.{en,ja}.ts. Pure TypeScript: no aws-cdk-lib import.
 */
import type { EdgeName, Layer, PlaceName, RelayStep } from '../model/path';
import type { Reason } from '../model/reason';
import type { EndpointClass } from '../model/reachability/places';
import type { PublicInvokeSurface, RemoteEntryKind } from '../model/facts/service-facts';
import type { TeleworkEntryFact } from '../model/facts/types';
import type { Tier } from '../tiers/tier';

/** A path between two places, as a path rule's finding tells it. */
export interface FlowText {
  /** Some packet arrives; otherwise routes connect and only `blockedBy` stop every packet. */
  open: boolean;
  from: PlaceName;
  to: PlaceName;
  protocol?: string;
  port?: number;
  /** The witness packet ("src → dst") or the destinations the routes deliver (address notation). */
  destinations: string;
  blockedBy: Layer[];
}

/**
 * What kind of network element drifted: a catalogue key (the reports word it in the reader's language,
 * lib/report/i18n/findings.{en,ja}.ts) and the English prefix of the element's canonical id
 * (lib/snapshot/drift/drift-elements.ts).
 */
export type DriftKind =
  | 'VPC'
  | 'subnet'
  | 'prefix list'
  | 'route'
  | 'route table association'
  | 'gateway route table'
  | 'NACL entry'
  | 'NACL association'
  | 'security group rule'
  | 'internet gateway attachment'
  | 'egress-only internet gateway'
  | 'NAT gateway'
  | 'virtual private gateway'
  | 'customer gateway'
  | 'VPN connection'
  | 'Direct Connect gateway association'
  | 'transit gateway'
  | 'transit gateway attachment'
  | 'transit gateway association'
  | 'transit gateway propagation'
  | 'transit gateway route'
  | 'VPC peering'
  | 'VPC endpoint'
  | 'VPC endpoint subnet'
  | 'Network Firewall'
  | 'Client VPN endpoint'
  | 'Client VPN association'
  | 'Client VPN authorization'
  | 'Client VPN route';

/** A drifted element as a finding names it: its kind and its canonical form (an identifier). */
export interface DriftedElement {
  kind: DriftKind;
  element: string;
}

export type FindingText =
  | { key: 'tier-crossing'; flow: FlowText; from?: Tier; to?: Tier }
  | { key: 'closed-tier-internet'; flow: FlowText; tier?: Tier; inbound: boolean }
  | { key: 'telework-beyond-desktop'; flow: FlowText; tier?: Tier }
  | { key: 'tier-join-peering'; peering: string; a: Tier; b: Tier }
  | {
      key: 'tier-join-tgw';
      table: string;
      isDefault: boolean;
      tiers: Tier[];
      associated: Array<{ attachment: string; tier: Tier }>;
      /** `dest`: the static route's destination; absent for a propagation. */
      reached: Array<{ attachment: string; tier: Tier; dest?: string }>;
    }
  | { key: 'tier-join-multihomed'; type: string; id: string; tiers: Tier[]; subnets: string[] }
  | { key: 'tier-join-privatelink'; endpoint: string; consumer: Tier; service: string; provider: Tier }
  | { key: 'tgw-default-route-table'; tgw: string; association: boolean; propagation: boolean }
  /** `invalid`: the tag's value, JSON-quoted, when there is one that names no tier. */
  | { key: 'untagged-vpc'; vpc: string; invalid?: string }
  | { key: 'untagged-link'; type: string; id: string; invalid?: string }
  /** `reason`: why, as data (lib/model/reason.ts). */
  | { key: 'tier-tag-conflict'; id: string; reason: Reason; expected: string }
  | { key: 'unmodelled-resource'; type: string; id: string; reason: Reason }
  | { key: 'unresolved-value'; type: string; id: string; property: string; reason: Reason }
  | { key: 'telework-entry-personal-number'; type: string; id: string; entry: TeleworkEntryFact['kind']; where: string }
  | { key: 'client-vpn-into-personal-number'; endpoint: string }
  | { key: 'client-vpn-whole-vpc'; endpoint: string; cidr: string; allGroups: boolean }
  /** Who a permission lets in: every account ("*"), a literal 12-digit account id, or another principal. */
  | {
      key: 'access-grant-into-tier';
      grant: string;
      kind: 'endpoint-service' | 'network-interface';
      target: string;
      tier?: Tier;
      outsiders: Array<{ id: string; kind: 'everyone' | 'literal-account' | 'other' }>;
      acceptanceRequired: boolean;
    }
  | {
      key: 'hub-attachment-tier';
      attachment: string;
      hub: string;
      /** What the attachment joins: an on-premises link (`linkKind`: vpn, connect…), a VPC outside the templates, or a VPC. */
      joined: { kind: 'link'; linkKind: string } | { kind: 'outside' } | { kind: 'vpc'; vpc: string; tier?: Tier };
    }
  /** `surface`: how the function is opened (function URL, "*" permission). */
  | { key: 'public-invoke-into-tier'; function: string; grant: string; tier: Tier; surface: PublicInvokeSurface }
  /** `exit`: the logical id of the internet exit the municipality's own routes use, when known. */
  | { key: 'hub-bypass'; municipality: string; exit?: string }
  /** `place`: the subnet reached, when the other municipality's network is a subnet (absent: its on-premises network). */
  | { key: 'municipality-crossing'; from: string; to: string; subnet: string; place?: PlaceName; destinations: string }
  /** `entry`: the kind of managed entry (EC2 Instance Connect Endpoint, Verified Access endpoint…). */
  | { key: 'remote-entry-into-tier'; id: string; entry: RemoteEntryKind; tier: Tier }
  /** `kind`: the telework entry's kind (workspaces-directory…); `model`: the policy's telework model. */
  | { key: 'telework-entry-model'; id: string; kind: TeleworkEntryFact['kind']; model: string }
  /** `free`: a parameter with no AllowedValues (`values` = its default); otherwise the values it can take. */
  | { key: 'tier-tag-variable'; id: string; free: boolean; values: string[] }
  | { key: 'municipality-and-hub'; vpc: string; municipality: string; hub: string }
  | { key: 'untagged-municipality'; vpc: string }
  | { key: 'lattice-network-tiers'; network: string; tiers: Tier[] }
  | { key: 'lattice-target'; consumer: Tier; service: string; network: string; targetGroup: string; provider: Tier | 'internet' }
  /** `relay`: where `service` forwards to, as the relay hop says it. */
  | { key: 'service-relay'; tier: Tier; service: string; endpoint: string; relayedBy: string; to: Tier | 'internet'; relay: RelayStep }
  /** The on-premises edge two links share: a Direct Connect gateway, a customer gateway, or a customer gateway address. */
  | { key: 'tier-join-edge'; a: string; aTier: Tier; b: string; bTier: Tier; edge: EdgeName }
  /** `declaredBy`: the link's own tag (`own-tag`) or its customer gateway's says the on-premises side is `near`. */
  | {
      key: 'tier-join-link-vgw';
      linkKind: 'vpn' | 'dx-association';
      link: string;
      near: Tier;
      declaredBy: { kind: 'own-tag' } | { kind: 'cgw'; cgw?: string };
      vgw: string;
      vpc: string;
      far: Tier;
    }
  | {
      key: 'tier-join-link-tgw';
      linkKind: 'vpn' | 'dx-association';
      link: string;
      own?: Tier;
      cgw?: string;
      near: Tier;
      /** The shared TGW route table: its logical id, or the transit gateway whose default table it is. */
      table: { isDefault: true; tgw: string } | { isDefault: false; id: string };
      other: string;
      far: Tier;
    }
  /** `own`, `undeclared`: address sets in notation; `own` absent when the tier declares nothing. */
  | {
      key: 'undeclared-onprem-route';
      route: string;
      tier: Tier;
      propagation: boolean;
      dest: string;
      derivedPolicy: boolean;
      own?: string;
      undeclared: string;
      others: Tier[];
    }
  /**
   * The live account against the templates (lib/snapshot/drift): a pair reachable (or route-connected, with
   * only `blockedBy` stopping it) in the account and not in the templates; `changes`: added elements on its path.
   */
  | { key: 'drift-opens-path'; from: EndpointClass; to: EndpointClass; crossing: boolean; reachable: boolean; blockedBy: Layer[]; changes: DriftedElement[] }
  /** `opens`: the new path between tiers the element is on, when it is on one. */
  | { key: 'drift-added'; drifted: DriftedElement; opens?: { from: EndpointClass; to: EndpointClass } }
  /** `protective`: a NACL deny or blackhole route; `lacks`: how many connections the account lacks, with the first. */
  | { key: 'drift-missing'; drifted: DriftedElement; protective: boolean; lacks?: { count: number; from: EndpointClass; to: EndpointClass } }
  | {
      key: 'sanctioned-channel-expired';
      id: string;
      from: string;
      to: string;
      protocol: string;
      ports: { from: number; to: number };
      owner: string;
      /** The reason the policy file gives, in the words it was written in. */
      reason: string;
      expires: string;
    };
