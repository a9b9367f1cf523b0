/**
 * The vocabulary of a path through the network model: its ends, the resources it passes and the layer
 * each hop belongs to. Defined here, where the model produces them (reachability, facts); findings
 * (lib/checks) and every renderer read them. Pure TypeScript: no aws-cdk-lib import.
 */
import type { Tier } from '../tiers/tier';
import type { PublicInvokeSurface, RelayWhat } from './facts/service-facts';

/** One end of a path. `tier` names the tier where one applies (on-prem and telework ends belong to a tier too). */
export type Endpoint =
  | { kind: 'tier'; tier: Tier; resource?: ResourceRef }
  | { kind: 'internet' }
  | { kind: 'on-prem'; tier: Tier; cidr?: string }
  | { kind: 'telework-clients'; tier?: Tier; cidr?: string }
  | { kind: 'resource'; resource: ResourceRef; tier?: Tier };

/** Where a resource comes from, so a reviewer can find it in the template and the CDK code. */
export interface ResourceRef {
  /** Stack name (or template file name when not from a cloud assembly). */
  stack: string;
  logicalId: string;
  type: string;
  /** The CDK construct path from `Metadata['aws:cdk:path']`, where known. */
  constructPath?: string;
}

/** The network layer a hop belongs to. */
export type Layer =
  | 'entry' // where the packet starts (ENI, client VPN, on-prem link, IGW…)
  | 'route' // VPC route table
  | 'tgw' // transit gateway route domain
  | 'peering'
  | 'vpn' // VGW / VPN connection / Direct Connect
  | 'endpoint' // gateway / interface / GWLB endpoint, PrivateLink
  | 'nacl'
  | 'sg'
  | 'client-vpn'
  | 'compute' // multi-homed compute bridging subnets
  | 'exit'; // where the packet arrives

/**
 * A set of addresses as a hop names it. `ranges` is the engine's compact listing (CIDRs where a range is
 * aligned, else "first–last"; at most a few, then "… (+n)"), kept for `verify --format json`; `cidrs` is the
 * same set written as CIDR blocks only (at most a few) and `more` how many blocks were left out: what the
 * reports print (a reviewer reads 0.0.0.0/0, not an address range).
 */
export interface AddressList {
  ranges: string;
  cidrs: string[];
  more: number;
}

/** A place where packets start or end, as data: the report words it in the reader's language. */
export type PlaceName =
  | { kind: 'subnet'; subnet: string; cidrs: string[] }
  | { kind: 'internet' }
  | { kind: 'unknown' }
  | { kind: 'on-prem'; tier: Tier }
  | { kind: 'on-prem-untagged'; link: string }
  | { kind: 'peered'; tier?: Tier; attachment: string }
  | { kind: 'telework-pool'; pool: string; via: string }
  | { kind: 'client-vpn-clients'; endpoint: string; cidr?: string };

/** Where a route sends packets, as data. */
export type RouteDestName =
  | { kind: 'cidr'; cidr: string }
  | { kind: 'prefix-list'; id: string }
  /** An AWS-managed prefix list (AWS service addresses), taken as every address (lib/snapshot). */
  | { kind: 'aws-prefix-list'; id: string }
  /** A TGW route table's route learned from a VPC attachment's propagation. */
  | { kind: 'propagated'; cidr: string }
  /** Routes on-premises advertises: `over` the VGW's route propagation, or a TGW VPN/DX attachment's. */
  | { kind: 'bgp'; over: 'vgw' | 'tgw' };

export type RouteTargetName =
  | { kind: 'local' }
  /** `what`: the property and value naming the target; absent when no target can be told. */
  | { kind: 'unmodelled'; what?: string }
  | { kind: 'resource'; type: string; id: string };

/** Why a network ACL lets a packet through (or not), as data. */
export type NaclReason =
  | { kind: 'default' }
  | { kind: 'rule'; rule: number; allow: boolean; cidr: string }
  | { kind: 'implicit-deny' };

/** The on-premises edge two links share: a Direct Connect gateway, a customer gateway, or a customer gateway's address. */
export interface EdgeName {
  kind: 'dxgw' | 'cgw' | 'cgw-ip';
  id: string;
}

/** The kind of on-premises link a hop crosses. */
export type LinkKind = 'vgw' | 'vpn' | 'dx' | 'connect';

/** An external link as a rule names it: a VPN connection or a Direct Connect gateway association. */
export type LinkConnection = 'vpn-connection' | 'dx-association';

/**
 * What a hop does to the packet, as data (a discriminated union). No sentence is built in the model: every
 * renderer words a step from the message catalogue in the reader's language (lib/report/describe.ts
 * describeHop), and `verify --format json` writes the English wording as the hop's `description`.
 * Identifiers (logical ids, CIDRs, tier ids, service names) are carried as they are.
 */
export type HopStep =
  // Where a walk starts (lib/model/reachability).
  | { kind: 'leave-subnet'; from: PlaceName }
  /** `carrier`: through a carrier gateway (AWS Wavelength): the carrier's network and, through it, the internet. */
  | { kind: 'from-internet'; carrier?: true }
  | { kind: 'enter-vgw'; from: PlaceName }
  | { kind: 'enter-tgw-attachment'; from: PlaceName; attachment: 'vpn' | 'dx' | 'peering' | 'connect' }
  /** `authentication`: the endpoint's AuthenticationOptions types, where the template states them. */
  | { kind: 'client-vpn-connect'; endpoint: string; authentication?: string[] }
  | { kind: 'client-vpn-enter'; subnet: string; authorised: AddressList }
  /**
   * Telework by screen transfer: `entry` the desktop service's resource, `arrival` where the client's
   * connection arrives (a streaming interface endpoint in the VPC, or the service's AWS-managed gateway),
   * `clientVpn` the closed VPN the clients come through and how they authenticate, where the tier has one.
   */
  | { kind: 'screen-transfer'; entry?: string; arrival?: 'streaming-endpoint' | 'service-gateway'; clientVpn?: { endpoint: string; authentication: string[] } }
  // The filters on each side (flow-judge.ts): `passed` when some packet gets through, with the deciding rule.
  | { kind: 'nacl'; direction: 'outbound' | 'inbound'; passed: true; reason?: NaclReason }
  | { kind: 'nacl'; direction: 'outbound' | 'inbound'; passed: false; deniesAll: boolean }
  | { kind: 'sg'; direction: 'egress' | 'ingress'; passed: true; group?: string }
  | { kind: 'sg'; direction: 'egress' | 'ingress'; passed: false; noneAdmits: boolean }
  | { kind: 'arrive'; at: PlaceName; municipality?: string }
  // Routing (routing.ts).
  | { kind: 'route'; table: 'vpc' | 'tgw'; matched: AddressList; dest: RouteDestName; target: RouteTargetName }
  | { kind: 'igw-out'; carrier?: true }
  | { kind: 'eigw-out' }
  | { kind: 'nat'; connectivity: string }
  | { kind: 'tgw-to-table'; table: string }
  | { kind: 'peering-outside'; peer: string }
  | { kind: 'peering-into'; vpc: string }
  | { kind: 'gwlb-endpoint' }
  | { kind: 'firewall-endpoint' }
  | { kind: 'forwarded'; by: 'eni' | 'instance'; id: string; subnet: string }
  | { kind: 'link-out'; link: LinkKind; tier?: Tier }
  | { kind: 'link-out-to-pool'; link: LinkKind; to: PlaceName }
  | { kind: 'tgw-peering-out'; tier?: Tier }
  | { kind: 'tgw-link-attachment'; attachment: 'vpn' | 'dx' | 'peering' | 'connect' | 'vpc' }
  | { kind: 'tgw-into-vpc'; vpc: string }
  // Steps of rules that are not route walks (lib/checks/rules).
  | { kind: 'leave-municipality-subnet'; subnet: string; municipality: string }
  | { kind: 'interface-endpoint-in'; tier: Tier }
  | { kind: 'endpoint-service-lb-in'; tier: Tier }
  | { kind: 'interface-endpoint-to'; service: string; tier: Tier }
  | { kind: 'relay'; relay: RelayStep }
  | { kind: 'link-from-on-prem'; link: LinkConnection; tiers: string[]; customerGateway?: string }
  | { kind: 'vgw-attached'; taggedTier?: Tier; vpc: string }
  | { kind: 'vpc-of-tier'; tier: Tier }
  | { kind: 'tgw-table-shared'; attachment: string; tier: Tier }
  | { kind: 'attachment-of-tier'; tier: Tier }
  /** `surface`: how the function is opened (lib/model/facts/invocation.ts). */
  | { kind: 'public-invoke'; surface: PublicInvokeSurface }
  | { kind: 'function-in-subnets'; tier: Tier; subnets: string[] }
  | { kind: 'service-network-in'; tier: Tier }
  | { kind: 'target-group-in'; tier: Tier | 'internet' }
  | { kind: 'edge-link'; tier: Tier; edge: EdgeName }
  | { kind: 'edge-link-same'; tier: Tier };

/**
 * How a relay (a service that forwards out of a tier) sends on (lib/checks/rules/service-relay.ts); `what` is
 * the integration, as data (lib/model/facts/service-relays.ts).
 */
export type RelayStep =
  | { kind: 'target'; what: RelayWhat }
  | { kind: 'function-outside-vpc'; what: RelayWhat; function: string }
  | { kind: 'runs-in-tier'; what: RelayWhat; tier: Tier };

export interface Hop {
  layer: Layer;
  resource: ResourceRef;
  /** What this hop does to the packet, as data; worded by lib/report/describe.ts describeHop. */
  step: HopStep;
  /** True when this layer would (still) stop the packet on this path: defence-in-depth evidence. */
  blocks?: boolean;
}
