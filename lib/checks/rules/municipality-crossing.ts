/**
 * MUNICIPALITY-CROSSING: a route-level path from one municipality's network to another's — through a
 * prefecture hub's Transit Gateway, a peering, a shared platform's routes, anything. Municipalities that
 * share a hub or a platform (共同利用方式, one VPC per municipality) stay separate networks: the hub's route
 * tables must isolate municipalities as they isolate tiers, so a route that connects two municipalities is
 * an error even where a NACL or security group would stop packets today (defence in depth).
 *
 * It asks the same route walks the tier proof made (cached by the router), because a path between two
 * municipalities' internet tiers stays inside one endpoint class and is invisible to the tier matrix.
 * A municipality's on-premises network counts as its own: reaching another municipality's on-premises
 * link is a crossing too. The hub itself (`mic:hub`) serves every member and belongs to none.
 */
import { describeSet } from '../../cidr/address-sets';
import type { Finding, Hop } from '../finding';
import type { ResourceRef } from '../../model/path';
import type { Rule } from '../rule';
import { templateResource } from './helpers';
import { isMultiMunicipality, membershipOf, subnetMembership } from '../../model/facts/membership';

export const municipalityCrossing: Rule = {
  id: 'MUNICIPALITY-CROSSING',
  severity: 'error',
  acknowledgeable: false,
  title: 'A path between two municipalities / 団体間の通信経路',
  citation: 'municipalitySeparation',
  summary: 'a route-level path from one municipality\'s network (or on-premises link) to another\'s — through a prefecture hub, a peering or a shared platform\'s routes; filters are not counted',
  check({ model, reachability }) {
    if (!isMultiMunicipality(model)) return [];
    const out: Finding[] = [];
    const reported = new Set<string>();
    // The VPC behind each link a packet leaves by, looked up once per link (by its ref, which the exit hops
    // share) rather than by a key string made for each of a country's ~20,000 on-premises arrivals.
    const linkVpc = new Map<ResourceRef, string | undefined>();
    for (const s of model.subnets.values()) {
      const from = subnetMembership(model, s.key).municipality;
      if (from === undefined) continue;
      for (const a of reachability.router.fromSubnet(s.key)) {
        let to: string | undefined;
        let toVpc: string | undefined;
        if (a.place.kind === 'subnet') {
          toVpc = a.place.vpc;
          to = membershipOf(model, toVpc).municipality;
        } else if (a.place.kind === 'on-prem') {
          // The link the packet left by: its VPCs say whose on-premises network it is.
          const exit = lastVpnHop(a.hops);
          if (exit) {
            if (!linkVpc.has(exit.resource)) linkVpc.set(exit.resource, model.links.get(`${exit.resource.stack}::${exit.resource.logicalId}`)?.vpcs[0]);
            toVpc = linkVpc.get(exit.resource);
          } else toVpc = undefined;
          to = membershipOf(model, toVpc).municipality;
        }
        if (to === undefined || to === from) continue;
        const pair = `${s.vpc}→${toVpc}|${a.place.kind}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        const entry: Hop = { layer: 'entry', resource: s.ref, step: { kind: 'leave-municipality-subnet', subnet: s.ref.logicalId, municipality: from } };
        const crossing = a.hops.find((h) => h.layer === 'tgw' || h.layer === 'peering') ?? a.hops[0];
        const srcVpc = model.vpcs.get(s.vpc);
        const dstVpc = toVpc ? model.vpcs.get(toVpc) : undefined;
        out.push({
          rule: this.id,
          severity: this.severity,
          text: { key: 'municipality-crossing', from, to, subnet: s.ref.logicalId, ...(a.place.kind === 'subnet' ? { place: a.place.name } : {}), destinations: describeSet(a.region, 3) },
          from: srcVpc?.tier ? { kind: 'tier', tier: srcVpc.tier, resource: s.ref } : { kind: 'resource', resource: s.ref },
          to: dstVpc?.tier && a.place.kind === 'subnet' ? { kind: 'tier', tier: dstVpc.tier, resource: a.place.ref ?? dstVpc.ref } : a.place.kind === 'on-prem' && a.place.tier ? { kind: 'on-prem', tier: a.place.tier } : { kind: 'resource', resource: a.place.ref ?? s.ref },
          direction: 'one-way',
          path: [entry, ...a.hops, ...(a.place.ref && a.place.kind === 'subnet' ? [{ layer: 'exit' as const, resource: a.place.ref, step: { kind: 'arrive' as const, at: a.place.name, municipality: to } }] : [])],
          stillBlockedBy: [],
          ...(crossing ? { resource: templateResource(crossing.resource) } : {}),
          citation: this.citation,
        });
      }
    }
    return out;
  },
};

/** The last hop through a VPN (the link a packet left by), without copying the path. */
function lastVpnHop(hops: readonly Hop[]): Hop | undefined {
  for (let i = hops.length - 1; i >= 0; i--) if (hops[i].layer === 'vpn') return hops[i];
  return undefined;
}
