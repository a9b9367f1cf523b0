/**
 * The vocabulary of a path through the network model: its ends, the resources it passes and the layer
 * each hop belongs to. Defined here, where the model produces them (reachability, facts); findings
 * (lib/checks) and every renderer read them. Pure TypeScript: no aws-cdk-lib import.
 */
import type { Tier } from '../tiers/tier';

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

export interface Hop {
  layer: Layer;
  resource: ResourceRef;
  /** What this hop does to the packet, in plain English (e.g. "route 10.2.0.0/16 → tgw-attachment"). */
  description: string;
  /** True when this layer would (still) stop the packet on this path: defence-in-depth evidence. */
  blocks?: boolean;
}
