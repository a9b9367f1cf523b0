/**
 * Plans every subnet of a tier VPC with literal CIDRs, per purpose and AZ. The same plan is used by the
 * validator (does it fit? is each subnet big enough?) and by the network constructs (so route tables,
 * NACLs and security groups can use literal CIDRs, and the synthesised VPC is exactly what was checked).
 */
import type { Tier } from '../tiers/tier';
import { cidrSizeOf, formatCidr, mustParseIpv4Block } from '../cidr/ipv4-blocks';
import type { InternetEgress, TierNetworkConfig } from './schema';

/** What a subnet is for. `nat` and `firewall` exist only in the internet tier with Network Firewall egress
 * (with `prefecture-hub` egress they are in the prefecture's inspection VPC instead). */
export type SubnetPurpose = 'desktops' | 'directory' | 'endpoints' | 'firewall' | 'nat';

export interface PlannedSubnet {
  purpose: SubnetPurpose;
  az: string;
  cidr: string;
  prefix: number;
}

export interface TierSubnetPlan {
  tier: Tier;
  vpcCidr: string;
  subnets: PlannedSubnet[];
}

export interface SubnetRequest {
  purpose: SubnetPurpose;
  az: string;
  prefix: number;
}

/** The subnets a tier needs: three purposes in every AZ; the egress pair in the first AZ only (one inspected egress point). */
export function subnetRequests(
  tier: Tier,
  network: TierNetworkConfig,
  azs: readonly string[],
  egress: InternetEgress,
): SubnetRequest[] {
  const requests: SubnetRequest[] = [];
  for (const purpose of ['desktops', 'directory', 'endpoints'] as const) {
    for (const az of azs) {
      requests.push({ purpose, az, prefix: network.subnetPrefixes[purpose] });
    }
  }
  if (tier === 'internet' && egress.kind === 'network-firewall') {
    requests.push({ purpose: 'nat', az: azs[0], prefix: egress.subnetPrefix });
    requests.push({ purpose: 'firewall', az: azs[0], prefix: egress.subnetPrefix });
  }
  return requests;
}

/**
 * Allocates the requests inside the VPC range, largest first so that aligned blocks waste no space.
 * Returns the plan, or the number of addresses the requests need when they do not fit.
 */
export function planTierSubnets(
  tier: Tier,
  network: TierNetworkConfig,
  azs: readonly string[],
  egress: InternetEgress,
): TierSubnetPlan | { needed: number; available: number } {
  const vpc = mustParseIpv4Block(network.vpcCidr);
  const requests = subnetRequests(tier, network, azs, egress);
  // Stable sort: by size (largest first), keeping purpose/AZ order for equal sizes.
  const ordered = requests.map((r, i) => ({ r, i })).sort((a, b) => a.r.prefix - b.r.prefix || a.i - b.i);
  const vpcSize = cidrSizeOf(vpc.prefix);
  let next = vpc.start;
  const allocated = new Map<number, PlannedSubnet>();
  let needed = 0;
  for (const { r, i } of ordered) {
    const size = cidrSizeOf(r.prefix);
    needed += size;
    const start = Math.ceil(next / size) * size;
    if (r.prefix < vpc.prefix || start + size > vpc.start + vpcSize) {
      next = Number.POSITIVE_INFINITY;
      continue;
    }
    allocated.set(i, { purpose: r.purpose, az: r.az, cidr: formatCidr(start, r.prefix), prefix: r.prefix });
    next = start + size;
  }
  if (allocated.size !== requests.length) {
    return { needed, available: vpcSize };
  }
  return { tier, vpcCidr: network.vpcCidr, subnets: requests.map((_, i) => allocated.get(i)!) };
}

export function isSubnetPlan(value: ReturnType<typeof planTierSubnets>): value is TierSubnetPlan {
  return 'subnets' in value;
}
