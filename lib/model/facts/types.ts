/**
 * The network model: facts extracted once from every template, keyed by resource identity
 * (`<stack>::<logicalId>`). Reachability and the rules are queries over these facts.
 */
import type { CoverageItem } from '../coverage-note';
import type { ResourceRef } from '../path';
import type { Reason } from '../reason';
import type { Tier } from '../../tiers/tier';
import type { Cidr, IntervalSet } from '../../cidr/address-sets';
import { emptyServiceFacts, type ServiceFacts } from './service-facts';

export interface Fact {
  key: string;
  ref: ResourceRef;
  /** 'maybe': created only under a condition the engine cannot decide (treated as present where it connects). */
  presence: 'present' | 'maybe';
}

/** The value of a resource's `mic:tier` tag as written (may be an invalid word), or undefined. */
export interface Tagged {
  tierTag?: string;
}

export interface VpcFact extends Fact, Tagged {
  tier?: Tier;
  cidrs: Cidr[];
}

export interface SubnetFact extends Fact, Tagged {
  vpc: string;
  cidrs: Cidr[];
}

export type RouteTarget =
  | { kind: 'local' }
  | { kind: 'igw' | 'eigw' | 'nat' | 'vgw' | 'tgw' | 'peering' | 'vpce' | 'eni' | 'instance' | 'firewall' | 'blackhole'; key: string }
  /** `what`: the property and value that name the target (identifiers); absent when no target can be told. */
  | { kind: 'unmodelled'; what?: string };

export interface RouteFact {
  ref: ResourceRef;
  /** Destinations as an address set (a CIDR or the union of a prefix list's entries). */
  dest: IntervalSet;
  destText: string;
  prefixLength: number;
  target: RouteTarget;
  /** True for routes from a conditional resource: a possibility, not a certainty. */
  maybe?: boolean;
}

export interface RouteTableFact extends Fact {
  vpc: string;
  routes: RouteFact[];
}

export interface NatFact extends Fact {
  subnet: string;
  connectivity: 'public' | 'private';
}
export interface IgwFact extends Fact {
  vpcs: string[];
}
export interface EigwFact extends Fact {
  vpc: string;
}

/** A link to a network outside AWS (VGW, VPN connection, customer gateway, Direct Connect gateway). */
export interface LinkFact extends Fact, Tagged {
  kind: 'vgw' | 'vpn' | 'cgw' | 'dx-association';
  /** The VGW the link lands on (VPN to VGW, DX association to VGW). */
  vgw?: string;
  /** The TGW the link lands on (VPN to TGW, DX association to TGW). */
  tgw?: string;
  cgw?: string;
  /** VPCs the VGW is attached to. */
  vpcs: string[];
  /**
   * The on-premises edge a link ends at, as identities two links can share: for a Direct Connect gateway
   * association `dxgw:<gateway>` (its resource, or the id written in the template); for a customer gateway
   * `cgw-ip:<address>`. Several values when conditions leave several possible.
   */
  edges?: string[];
}

export interface TgwFact extends Fact, Tagged {
  defaultAssociation: boolean;
  defaultPropagation: boolean;
  defaultRouteTable: string;
}

export interface TgwAttachmentFact extends Fact, Tagged {
  tgw: string;
  /**
   * peering: a Transit Gateway peering attachment (tgw-peering.ts), an exit to its tagged tier's network;
   * connect: a TGW / Cloud WAN Connect attachment (GRE + BGP to an SD-WAN appliance), an exit to its tier's
   * on-premises network like a VPN's (tgw-connect.ts, cloud-wan.ts).
   */
  kind: 'vpc' | 'vpn' | 'dx' | 'peering' | 'connect';
  vpc?: string;
  subnets: string[];
  /** For VPN / DX attachments: the link resource. */
  link?: string;
}

export interface TgwRouteFact {
  ref: ResourceRef;
  dest: IntervalSet;
  destText: string;
  prefixLength: number;
  attachment?: string;
  blackhole: boolean;
}

export interface TgwRouteTableFact extends Fact {
  tgw: string;
  isDefault: boolean;
  associations: Array<{ attachment: string; ref: ResourceRef }>;
  propagations: Array<{ attachment: string; ref: ResourceRef }>;
  routes: TgwRouteFact[];
}

export interface PeeringFact extends Fact {
  vpc: string;
  /** The peer VPC's key(s) — more than one when a condition chooses — empty when the peer lies outside the templates given. */
  peerVpcs: string[];
  peerText: string;
}

export interface EndpointFact extends Fact {
  vpc: string;
  endpointType: 'Gateway' | 'Interface' | 'GatewayLoadBalancer';
  serviceName: string;
  /** Endpoint service (PrivateLink provider) key when the service is defined in the templates. */
  service?: string;
  subnets: string[];
  securityGroups: string[];
  routeTables: string[];
}

/** An inspection appliance (AWS Network Firewall): traffic routed to it continues from its subnets. Its rules are not modelled (it never counts as blocking). */
export interface FirewallFact extends Fact {
  vpc?: string;
  subnets: string[];
}

export interface EndpointServiceFact extends Fact {
  loadBalancers: string[];
}

export interface NaclEntryFact {
  ref: ResourceRef;
  ruleNumber: number;
  egress: boolean;
  allow: boolean;
  protocol: number; // -1 = all
  ports?: { from: number; to: number };
  cidr: IntervalSet;
  cidrText: string;
}

export interface NaclFact extends Fact {
  vpc: string;
  isDefault: boolean;
  entries: NaclEntryFact[];
}

export interface SgRuleFact {
  ref: ResourceRef;
  protocol: number; // -1 = all
  ports?: { from: number; to: number };
  /** Peer as an address set, or a referenced group key. */
  cidr?: IntervalSet;
  group?: string;
  peerText: string;
}

export interface SgFact extends Fact {
  vpc?: string;
  isDefault: boolean;
  ingress: SgRuleFact[];
  egress: SgRuleFact[];
  /** A (certain) egress rule was declared, which removes CloudFormation's default allow-all egress. */
  explicitEgress?: boolean;
}

export interface PrefixListFact extends Fact {
  cidrs: Cidr[];
}

export interface ClientVpnFact extends Fact, Tagged {
  vpc?: string;
  clientCidr?: Cidr;
  associations: Array<{ subnet: string; ref: ResourceRef }>;
  authorizations: Array<{ cidr: Cidr; allGroups: boolean; ref: ResourceRef }>;
  routes: Array<{ cidr: Cidr; subnet?: string; ref: ResourceRef }>;
  securityGroups: string[];
  selfServicePortal: boolean;
  /** AuthenticationOptions types (certificate-authentication = mutual TLS, directory-service-authentication, federated-authentication). */
  authentication?: string[];
}

/** A place where telework clients enter a tier (desktops, directories, VPN, streaming endpoints, public LBs). */
export interface TeleworkEntryFact extends Fact {
  kind: 'client-vpn' | 'workspaces-directory' | 'workspace' | 'workspaces-pool' | 'directory-service' | 'streaming-endpoint' | 'internet-facing-load-balancer' | 'appstream' | 'secure-browser';
  subnets: string[];
  vpc?: string;
}

/** Compute or interfaces with a presence in one or more subnets. */
export interface ComputeFact extends Fact {
  subnets: string[];
  securityGroups: string[];
}

/** The municipality (`mic:municipality`) or prefecture hub (`mic:hub`) a VPC or Transit Gateway declares. */
export interface MembershipFact {
  ref: ResourceRef;
  municipality?: string;
  hub?: string;
}

export interface UnresolvedFact {
  ref: ResourceRef;
  property: string;
  reason: Reason;
}

export interface UnmodelledFact {
  ref: ResourceRef;
  reason: Reason;
}

export interface NetworkModel {
  vpcs: Map<string, VpcFact>;
  subnets: Map<string, SubnetFact>;
  routeTables: Map<string, RouteTableFact>;
  /** subnet key → route table key (explicit association); unassociated subnets use the VPC's main table. */
  subnetRouteTable: Map<string, string>;
  /** Gateway route tables (edge associations) — gateway key → route table key. */
  gatewayRouteTables: Map<string, string>;
  nats: Map<string, NatFact>;
  igws: Map<string, IgwFact>;
  eigws: Map<string, EigwFact>;
  links: Map<string, LinkFact>;
  tgws: Map<string, TgwFact>;
  tgwAttachments: Map<string, TgwAttachmentFact>;
  tgwRouteTables: Map<string, TgwRouteTableFact>;
  peerings: Map<string, PeeringFact>;
  endpoints: Map<string, EndpointFact>;
  endpointServices: Map<string, EndpointServiceFact>;
  firewalls: Map<string, FirewallFact>;
  nacls: Map<string, NaclFact>;
  /** subnet key → NACL key (explicit association); unassociated subnets use the VPC default NACL (allow all). */
  subnetNacl: Map<string, string>;
  securityGroups: Map<string, SgFact>;
  prefixLists: Map<string, PrefixListFact>;
  clientVpns: Map<string, ClientVpnFact>;
  teleworkEntries: TeleworkEntryFact[];
  compute: Map<string, ComputeFact>;
  /** VPC / TGW key → its declared municipality or hub (only resources that carry one of the tags). */
  membership: Map<string, MembershipFact>;
  unresolved: UnresolvedFact[];
  unmodelled: UnmodelledFact[];
  /** Tier tags that disagree with the VPC/link they belong to. */
  tagConflicts: Array<{ ref: ResourceRef; tag: string; expected: Tier; reason: Reason }>;
  /** What the model does not cover, in plain words (shown in reports). */
  coverage: CoverageItem[];
  /** Count of resources read, for reports and benchmarks. */
  resourceCount: number;
  /** Invocation surfaces, access grants and service relays (service-facts.ts). */
  services: ServiceFacts;
}

export function emptyModel(): NetworkModel {
  return {
    vpcs: new Map(), subnets: new Map(), routeTables: new Map(), subnetRouteTable: new Map(), gatewayRouteTables: new Map(),
    nats: new Map(), igws: new Map(), eigws: new Map(), links: new Map(), tgws: new Map(), tgwAttachments: new Map(),
    tgwRouteTables: new Map(), peerings: new Map(), endpoints: new Map(), endpointServices: new Map(), firewalls: new Map(), nacls: new Map(),
    subnetNacl: new Map(), securityGroups: new Map(), prefixLists: new Map(), clientVpns: new Map(), teleworkEntries: [],
    compute: new Map(), membership: new Map(), unresolved: [], unmodelled: [], tagConflicts: [], coverage: [], resourceCount: 0, services: emptyServiceFacts(),
  };
}
