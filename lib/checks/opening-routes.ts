/**
 * A witness names one route per hop, but a VPC usually has one route table per Availability Zone, each with
 * its own copy of the route. An engineer who deletes "the route listed" leaves the others and the path stays
 * open. For every path finding, this lists every route of the same VPC that sends overlapping destinations
 * to the same next hop (peering, transit gateway, gateway, NAT, endpoint…), qualified by stack, as the
 * finding's `openingRoutes` (every report words the list in its language).
 */
import type { Finding, ResourceRef } from './finding';
import type { NetworkModel, RouteFact } from '../model/facts/types';
import { intersect, isEmpty } from '../cidr/address-sets';

const sameRef = (a: ResourceRef, b: ResourceRef): boolean => a.stack === b.stack && a.logicalId === b.logicalId;
const targetKey = (r: RouteFact): string => (r.target.kind === 'local' ? 'local' : r.target.kind === 'unmodelled' ? `unmodelled:${r.target.what ?? '?'}` : `${r.target.kind}:${r.target.key}`);

export function listOpeningRoutes(findings: Finding[], model: NetworkModel): void {
  const byRoute: Array<{ vpc: string; route: RouteFact }> = [];
  for (const rt of model.routeTables.values()) for (const route of rt.routes) byRoute.push({ vpc: rt.vpc, route });
  for (const f of findings) {
    const first = f.path.find((h) => h.layer === 'route');
    if (!first) continue;
    const witness = byRoute.find((x) => sameRef(x.route.ref, first.resource));
    if (!witness || witness.route.target.kind === 'local') continue;
    const key = targetKey(witness.route);
    const all = byRoute
      .filter((x) => x.vpc === witness.vpc && targetKey(x.route) === key && !isEmpty(intersect(x.route.dest, witness.route.dest)))
      .map((x) => `${x.route.ref.stack}/${x.route.ref.logicalId}`);
    const unique = [...new Set(all)].sort();
    if (unique.length < 2) continue;
    f.openingRoutes = unique;
  }
}
