/**
 * The contract between the tier-separation engine and everything that shows its results
 * (the `verify` command, the cdk-nag pack, the reviewer's report, SARIF/JUnit outputs).
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { Tier } from '../tiers/tier';

export type Severity = 'error' | 'warning';

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

export interface Finding {
  /** Stable rule id, e.g. `TIER-CROSSING`. Never reused for another meaning. */
  rule: string;
  severity: Severity;
  /** One line a reviewer reads first. */
  title: string;
  /** The full explanation: what, why it matters, how to fix. */
  message: string;
  from: Endpoint;
  to: Endpoint;
  direction: 'one-way' | 'both';
  /** IP protocol ('tcp', 'udp', 'icmp', '-1' for all) and port range, where the rule is about traffic. */
  protocol?: string;
  ports?: { from: number; to: number };
  /** The witness path, hop by hop, from `from` to `to`. Empty for findings about a single resource. */
  path: Hop[];
  /** Layers that would still block this path (defence in depth); empty when nothing blocks. */
  stillBlockedBy: Layer[];
  /** The resource the finding is attached to (for cdk-nag and SARIF locations). */
  resource?: ResourceRef;
  /**
   * The MIC guideline clause or telework requirement the rule enforces: a key of CITATIONS
   * (lib/checks/citations.ts, English and Japanese text), or free text from a custom rule.
   */
  citation?: string;
}
