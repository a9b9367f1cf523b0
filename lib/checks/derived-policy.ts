/**
 * The tier policy `verify` uses when no `--policy` is given: only what the templates themselves declare.
 * Each tier's on-premises networks are the destinations of the static routes that send traffic to a link
 * tagged with that tier (a route to its virtual private gateway); a tier with a link but no such route
 * keeps "every address" behind it (fail closed). No telework pools beyond the Client VPN endpoints in the
 * templates, no sanctioned channel, and the α model (the strictest reading of telework).
 * It never stands in for the example city's file: reports say that the policy was derived, and from what.
 */
import type { NetworkModel } from '../model/facts/types';
import { isTier, type Tier } from '../tiers/tier';
import type { TierPolicy } from '../policy/schema';
import { intersect, isEmpty, setOf, union, type IntervalSet } from '../cidr/address-sets';

export interface DerivedPolicy {
  policy: TierPolicy;
  /** What was derived and from which routes, as data: `verify` words it in the reader's language (lib/report/i18n/verify-text.ts). */
  notes: DerivedPolicyNote[];
}

/**
 * One note on a derived policy: that it was derived; per tier with a link, the ranges and the routes they come
 * from (or that no route names them, so every address counts); the routes left out; that there is no link.
 */
export type DerivedPolicyNote =
  | { kind: 'derived' }
  | { kind: 'tier-ranges'; tier: Tier; cidrs: string[]; routes: string[] }
  | { kind: 'tier-no-route'; tier: Tier }
  | { kind: 'left-out'; routes: string[] }
  | { kind: 'no-link' };

const derived = new WeakSet<TierPolicy>();

/** True for a policy made by derivePolicy (rules word their messages for it: nothing was declared by hand). */
export function isDerivedPolicy(p: TierPolicy): boolean {
  return derived.has(p);
}

/** The tier of a virtual private gateway: its own tag, or the tag of the links that land on it. */
function vgwTier(model: NetworkModel, vgw: string): Tier | undefined {
  const own = model.links.get(vgw)?.tierTag;
  if (isTier(own)) return own;
  const landing = [...model.links.values()].filter((l) => l.vgw === vgw).map((l) => l.tierTag).filter(isTier);
  return new Set(landing).size === 1 ? landing[0] : undefined;
}

export function derivePolicy(model: NetworkModel): DerivedPolicy {
  const byTier = new Map<Tier, Set<string>>();
  const routesOf = new Map<Tier, Set<string>>();
  // Addresses of the VPCs in the templates are not on-premises: a route sending them over a link is the
  // misrouting UNDECLARED-ONPREM-ROUTE exists to catch, never a declaration.
  let vpcAddresses: IntervalSet = [];
  for (const v of model.vpcs.values()) vpcAddresses = union(vpcAddresses, setOf(v.cidrs));
  const leftOut: string[] = [];
  for (const rt of model.routeTables.values()) {
    for (const r of rt.routes) {
      if (r.target.kind !== 'vgw' || r.prefixLength < 0) continue; // propagation says nothing about the ranges
      if (!isEmpty(intersect(r.dest, vpcAddresses))) {
        leftOut.push(`${r.ref.stack}/${r.ref.logicalId} (${r.destText})`);
        continue;
      }
      const tier = vgwTier(model, r.target.key);
      if (!tier) continue;
      if (!byTier.has(tier)) byTier.set(tier, new Set());
      byTier.get(tier)!.add(r.destText);
      if (!routesOf.has(tier)) routesOf.set(tier, new Set());
      routesOf.get(tier)!.add(`${r.ref.stack}/${r.ref.logicalId}`); // two stacks may share a logical id
    }
  }
  const linkTiers = new Set<Tier>();
  for (const l of model.links.values()) if (isTier(l.tierTag)) linkTiers.add(l.tierTag);
  for (const a of model.tgwAttachments.values()) if (a.kind !== 'vpc' && isTier(a.tierTag)) linkTiers.add(a.tierTag);
  const policy: TierPolicy = {
    version: 1,
    municipality: '(derived from the templates: no --policy given)',
    model: 'alpha',
    onPremNetworks: [...byTier.entries()].map(([tier, cidrs]) => ({ name: `${tier}-link-static-routes`, tier, cidrs: [...cidrs].sort() })),
    teleworkClients: [],
    sanctionedChannels: [],
  };
  derived.add(policy);
  const notes: DerivedPolicyNote[] = [{ kind: 'derived' }];
  for (const tier of [...linkTiers].sort()) {
    const cidrs = byTier.get(tier);
    notes.push(cidrs ? { kind: 'tier-ranges', tier, cidrs: [...cidrs].sort(), routes: [...routesOf.get(tier)!].sort() } : { kind: 'tier-no-route', tier });
  }
  if (leftOut.length) notes.push({ kind: 'left-out', routes: [...new Set(leftOut)].sort() });
  if (linkTiers.size === 0) notes.push({ kind: 'no-link' });
  return { policy, notes };
}
