/**
 * "Which tier is this in?" answered in one place. A VPC's tier is its `mic:tier` tag (declared, never
 * guessed: the facts set `VpcFact.tier` only for a valid tag); a subnet, a Client VPN endpoint or a VPC
 * attachment is in its VPC's tier; an external link (VGW, VPN, customer gateway, Direct Connect) and a
 * VPN/DX attachment are in the tier their own tag declares. Everything else asks these functions.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { isTier, type Tier } from '../tiers/tier';
import type { NetworkModel } from './facts/types';

/** The tier a `mic:tier` tag value declares, or undefined when it declares none (absent or invalid). */
export function declaredTier(tag: string | undefined): Tier | undefined {
  return isTier(tag) ? tag : undefined;
}

/** The tier of a VPC. */
export function vpcTier(model: NetworkModel, vpc: string | undefined): Tier | undefined {
  return vpc === undefined ? undefined : model.vpcs.get(vpc)?.tier;
}

/** The tier of a subnet: its VPC's. */
export function subnetTier(model: NetworkModel, subnet: string): Tier | undefined {
  const s = model.subnets.get(subnet);
  return s ? vpcTier(model, s.vpc) : undefined;
}

/** The tier a transit gateway attachment belongs to: its VPC's tier, or for a VPN/DX attachment its link's tag. */
export function attachmentTier(model: NetworkModel, attachment: string): Tier | undefined {
  const a = model.tgwAttachments.get(attachment);
  if (!a) return undefined;
  if (a.kind === 'vpc') return vpcTier(model, a.vpc);
  return declaredTier(a.tierTag);
}

/**
 * The tiers whose on-premises networks sit behind a virtual private gateway: each VPN connection or Direct
 * Connect association on it is in its own tagged tier (else the gateway's), and a gateway with no link is in
 * its own tagged tier. `undefined` in the set stands for an undeclared on-premises network.
 */
export function vgwTiers(model: NetworkModel, vgw: string): ReadonlySet<Tier | undefined> {
  let byVgw = VGW_TIERS.get(model);
  if (!byVgw) {
    // Asked on every walk that leaves through a gateway: indexed once per (finished) model.
    byVgw = new Map();
    for (const l of model.links.values()) {
      if (!l.vgw) continue;
      const tiers = byVgw.get(l.vgw) ?? new Set<Tier | undefined>();
      tiers.add(declaredTier(l.tierTag) ?? declaredTier(model.links.get(l.vgw)?.tierTag));
      byVgw.set(l.vgw, tiers);
    }
    VGW_TIERS.set(model, byVgw);
  }
  return byVgw.get(vgw) ?? new Set([declaredTier(model.links.get(vgw)?.tierTag)]);
}

const VGW_TIERS = new WeakMap<NetworkModel, Map<string, Set<Tier | undefined>>>();
