/**
 * Reachability over the model: every place where packets can start (subnets, the internet, on-premises
 * links, telework clients) is walked once at route level; where a walk arrives in a different endpoint
 * class, the filters (NACL, SG) decide whether some packet gets through. Results are grouped per
 * (source network, destination network) with one witness path each, and summarised as a matrix over
 * endpoint classes.
 */
import type { Hop, Layer } from '../path';
import { TIERS, type Tier } from '../../tiers/tier';
import { declaredTier, vgwTiers } from '../tier-of';
import type { TierPolicy } from '../../policy/schema';
import { ALL_ADDRESSES, type IntervalSet, describeSet, formatAddress, intersect, isEmpty, parseCidr, setOf, union } from '../../cidr/address-sets';
import type { NetworkModel, NaclFact, SgFact } from '../facts/types';
import { protocolName } from '../facts/protocols';
import { PUBLIC_ADDRESSES, UNICAST_ADDRESSES } from '../../cidr/public-addresses';
import { evaluateFilters, type FilterSide, type Packet } from './filters';
import { ENDPOINT_CLASSES, type EndpointClass, type Place } from './places';
import { Router, type Arrival, type PlaceDirectory } from './routing';

export * from './places';
export type { Packet } from './filters';
export type { Router } from './routing';

export interface Flow {
  from: Place;
  to: Place;
  fromClass: EndpointClass;
  toClass: EndpointClass;
  /** open: some packet arrives; filtered: routes connect but NACL/SG stop every packet. */
  status: 'open' | 'filtered';
  hops: Hop[];
  blockedBy: Layer[];
  packet?: Packet;
  protocol?: string;
  ports?: { from: number; to: number };
  /** The destination addresses the routes deliver. */
  destinations: string;
}

export interface MatrixCell {
  from: EndpointClass;
  to: EndpointClass;
  reachable: boolean;
  /** True where routes connect (even if filters block). */
  routeConnected: boolean;
  witness: Hop[];
  blockedBy: Layer[];
  /** How the path is made when it is not a packet path (e.g. WorkSpaces screen transfer). */
  via?: 'packets' | 'desktop-streaming';
}

export interface Reachability {
  places: Place[];
  flows: Flow[];
  /** Flows whose only passing packets belong to an active sanctioned channel (not findings). */
  sanctioned: Flow[];
  matrix: MatrixCell[];
  /** Subnet keys where telework desktops run (WorkSpaces, their directories, streaming endpoints). */
  desktopSubnets: Set<string>;
  /**
   * The route-level walker the flows were computed with (its walks are cached): for rules that ask about
   * paths within one endpoint class, such as one municipality's internet tier reaching another's.
   */
  router: Router;
}

function groupOf(p: Place): string {
  return p.kind === 'subnet' ? `vpc:${p.vpc}` : p.id;
}

export function analyseReachability(model: NetworkModel, policy: TierPolicy, asOf: string): Reachability {
  const places: Place[] = [];
  const subnetPlaces = new Map<string, Place>();
  for (const s of model.subnets.values()) {
    const tier = model.vpcs.get(s.vpc)?.tier;
    const p: Place = { id: `subnet:${s.key}`, kind: 'subnet', ...(tier ? { cls: `tier:${tier}` as EndpointClass, tier } : {}), subnet: s.key, vpc: s.vpc, addresses: setOf(s.cidrs), ref: s.ref, label: `subnet ${s.ref.logicalId} (${s.cidrs.map((c) => c.text).join(', ')})` };
    subnetPlaces.set(s.key, p);
    places.push(p);
  }
  // The internet's packets carry public addresses only (an internet gateway delivers nothing else).
  const internet: Place = { id: 'internet', kind: 'internet', cls: 'internet', addresses: PUBLIC_ADDRESSES, label: 'the internet' };
  const unknown: Place = { id: 'unknown', kind: 'unknown', addresses: ALL_ADDRESSES, label: 'an unmodelled or external network' };
  places.push(internet);
  const onPremByTier = new Map<Tier, IntervalSet>();
  for (const tier of TIERS) {
    const nets = policy.onPremNetworks.filter((n) => n.tier === tier).flatMap((n) => n.cidrs.map((c) => parseCidr(c)!));
    onPremByTier.set(tier, nets.length ? setOf(nets) : UNICAST_ADDRESSES);
  }
  const onPremAddrs = (tier: Tier): IntervalSet => onPremByTier.get(tier)!;
  const onPremPlaces = new Map<string, Place>();
  const onPrem = (tier: Tier | undefined, link: { logicalId: string; stack: string; type: string }): Place => {
    const id = tier ? `on-prem:${tier}` : `on-prem:untagged:${link.stack}::${link.logicalId}`;
    let p = onPremPlaces.get(id);
    if (!p) {
      p = tier
        ? { id, kind: 'on-prem', cls: `on-prem:${tier}`, tier, addresses: onPremAddrs(tier), label: `the ${tier} on-premises network` }
        : { id, kind: 'on-prem', addresses: UNICAST_ADDRESSES, ref: link, label: `the on-premises network behind untagged ${link.logicalId}` };
      onPremPlaces.set(id, p);
      places.push(p);
    }
    return p;
  };
  for (const t of TIERS) onPrem(t, { stack: '', logicalId: '', type: '' });
  // The network behind a Transit Gateway peering: the tier its tag declares, any address (the far side is
  // another Region's or account's route domain, not in the templates).
  const peered = (tier: Tier | undefined, att: { logicalId: string; stack: string; type: string }): Place => {
    const id = `peered:${att.stack}::${att.logicalId}`;
    let p = onPremPlaces.get(id);
    if (!p) {
      p = { id, kind: 'on-prem', ...(tier ? { cls: `on-prem:${tier}` as EndpointClass, tier } : {}), addresses: UNICAST_ADDRESSES, ref: att, label: `the ${tier ?? 'untagged'} network behind TGW peering ${att.logicalId}` };
      onPremPlaces.set(id, p);
      places.push(p);
    }
    return p;
  };
  const pools = new Map<Tier, Place[]>();
  for (const pool of policy.teleworkClients) {
    if (pool.via === 'client-vpn') continue; // those enter through a Client VPN endpoint in the templates
    const p: Place = { id: `telework:${pool.name}`, kind: 'telework', cls: `telework:${pool.tier}`, tier: pool.tier, addresses: setOf(pool.cidrs.map((c) => parseCidr(c)!)), label: `telework clients ${pool.name} (${pool.via})` };
    pools.set(pool.tier, [...(pools.get(pool.tier) ?? []), p]);
    places.push(p);
  }
  const directory: PlaceDirectory = {
    subnetPlace: (s) => subnetPlaces.get(s),
    internet,
    unknown,
    onPrem,
    teleworkPools: (t) => pools.get(t) ?? [],
    peered,
  };
  const router = new Router(model, directory);

  // Filter inputs per VPC / subnet.
  const sgsByVpc = new Map<string, SgFact[]>();
  for (const sg of model.securityGroups.values()) if (sg.vpc) sgsByVpc.set(sg.vpc, [...(sgsByVpc.get(sg.vpc) ?? []), sg]);
  const naclOf = (subnet: string): NaclFact | undefined => {
    const k = model.subnetNacl.get(subnet);
    return (k && model.nacls.get(k)) || model.nacls.get(`${model.subnets.get(subnet)?.vpc}#defaultNacl`);
  };
  const side = (subnet: string, sgs?: SgFact[]): FilterSide => ({ nacl: naclOf(subnet), sgs: sgs ?? sgsByVpc.get(model.subnets.get(subnet)!.vpc) ?? [] });

  const active = policy.sanctionedChannels.filter((c) => c.expires >= asOf);
  const excludedFor = (a: EndpointClass, b: EndpointClass) =>
    active
      .filter((c) => c.from === a && c.to === b)
      .map((c) => ({ protocol: c.protocol === 'tcp' ? 6 : 17, from: c.ports.from, to: c.ports.to, ...(c.toCidrs ? { dst: setOf(c.toCidrs.map((x) => parseCidr(x)!)) } : {}) }));

  const flowsByGroup = new Map<string, Flow>();
  const sanctionedByGroup = new Map<string, Flow>();
  const consider = (src: Place, arrivals: Arrival[], entryHops: Hop[], srcSide: FilterSide | undefined, srcAddrs: IntervalSet): void => {
    if (!src.cls) return;
    for (const a of arrivals) {
      const dst = a.place;
      if (!dst.cls || dst.cls === src.cls) continue;
      // Telework flows are kept per destination subnet: desktop subnets are allowed, the rest are not.
      const key = `${groupOf(src)}→${src.kind === 'telework' && dst.kind === 'subnet' ? `subnet:${dst.subnet}` : groupOf(dst)}`;
      const prev = flowsByGroup.get(key);
      if (prev?.status === 'open') continue;
      const dstSide = dst.kind === 'subnet' ? side(dst.subnet!) : undefined;
      const ingressSrc = a.natSubnet ? router.subnetSet(a.natSubnet) : srcAddrs;
      const dstAddrs = dst.kind === 'subnet' ? a.region : intersect(a.region, dst.addresses);
      if (isEmpty(dstAddrs)) continue;
      const excluded = excludedFor(src.cls, dst.cls);
      const r = evaluateFilters({ srcAddrs: ingressSrc, dstAddrs, src: srcSide, dst: dstSide, excluded });
      if (!r.pass && r.blockedBy.length === 1 && r.blockedBy[0] === 'route') continue;
      if (!r.pass && excluded.length > 0 && evaluateFilters({ srcAddrs: ingressSrc, dstAddrs, src: srcSide, dst: dstSide }).pass) {
        // Only packets of an active sanctioned channel get through: the channel, not a crossing.
        if (!sanctionedByGroup.has(key)) sanctionedByGroup.set(key, { from: src, to: dst, fromClass: src.cls, toClass: dst.cls, status: 'open', hops: [...entryHops, ...a.hops], blockedBy: [], destinations: describeSet(dstAddrs, 3) });
        continue;
      }
      if (!r.pass && prev) continue; // keep the first filtered witness
      const hops: Hop[] = [...entryHops, ...a.hops];
      const sb = r.sideBlocks;
      const blocks = (side: boolean | undefined): { blocks?: boolean } => (r.pass ? {} : { blocks: !!side });
      if (srcSide?.nacl) hops.push({ layer: 'nacl', resource: srcSide.nacl.ref, description: r.pass ? `outbound network ACL ${r.evidence.srcNacl ?? ''}`.trim() : `outbound network ACL${sb?.srcNacl ? ' denies every such packet' : ''}`, ...blocks(sb?.srcNacl) });
      if (srcSide && srcSide.sgs.length) hops.push({ layer: 'sg', resource: (srcSide.sgs.find((g) => g.ref.logicalId === r.evidence.srcSg) ?? srcSide.sgs[0]).ref, description: r.pass ? `egress allowed by security group ${r.evidence.srcSg}` : `egress security groups${sb?.srcSg ? ': none allows it' : ''}`, ...blocks(sb?.srcSg) });
      if (dstSide?.nacl) hops.push({ layer: 'nacl', resource: dstSide.nacl.ref, description: r.pass ? `inbound network ACL ${r.evidence.dstNacl ?? ''}`.trim() : `inbound network ACL${sb?.dstNacl ? ' denies every such packet' : ''}`, ...blocks(sb?.dstNacl) });
      if (dstSide && dstSide.sgs.length) hops.push({ layer: 'sg', resource: (dstSide.sgs.find((g) => g.ref.logicalId === r.evidence.dstSg) ?? dstSide.sgs[0]).ref, description: r.pass ? `ingress allowed by security group ${r.evidence.dstSg}` : `ingress security groups${sb?.dstSg ? ': none in the destination VPC admits it' : ''}`, ...blocks(sb?.dstSg) });
      if (!r.pass && sb && !sb.srcNacl && !sb.dstNacl && !sb.srcSg && !sb.dstSg) for (const h of hops) if (h.layer === 'nacl' || h.layer === 'sg') h.blocks = true; // only together
      if (dst.kind === 'subnet' && dst.ref) hops.push({ layer: 'exit', resource: dst.ref, description: `arrives in ${dst.label}` });
      const p = r.packet;
      flowsByGroup.set(key, {
        from: src, to: dst, fromClass: src.cls, toClass: dst.cls, status: r.pass ? 'open' : 'filtered', hops, blockedBy: r.blockedBy,
        ...(p ? { packet: p, protocol: protocolName(p.protocol), ...(p.port !== undefined ? { ports: { from: p.port, to: p.port } } : {}) } : {}),
        destinations: p ? `${formatAddress(p.src)} → ${formatAddress(p.dst)}` : describeSet(dstAddrs, 3),
      });
    }
  };

  // 1. Subnets.
  for (const p of subnetPlaces.values()) {
    if (!p.cls) continue;
    const entry: Hop = { layer: 'entry', resource: p.ref!, description: `leaves ${p.label}` };
    consider(p, router.fromSubnet(p.subnet!), [entry], side(p.subnet!), p.addresses);
  }
  // 2. The internet, through every attached internet gateway.
  for (const igw of model.igws.values()) {
    for (const vpc of igw.vpcs) {
      const entry: Hop = { layer: 'entry', resource: igw.ref, description: 'from the internet through the internet gateway' };
      consider(internet, router.enterVpc(vpc, igw.key, ALL_ADDRESSES, []), [entry], undefined, PUBLIC_ADDRESSES);
    }
  }
  // 3. On-premises networks (and closed telework pools) through their links.
  const linkSources = (tier: Tier | undefined, ref: Place['ref']): Array<{ place: Place; addrs: IntervalSet }> => {
    const out = [{ place: onPrem(tier, ref!), addrs: tier ? onPremAddrs(tier) : ALL_ADDRESSES }];
    if (tier) for (const pool of pools.get(tier) ?? []) out.push({ place: pool, addrs: pool.addresses });
    return out;
  };
  for (const l of model.links.values()) {
    if (l.kind === 'cgw') continue;
    if (l.kind === 'vgw') {
      for (const tier of vgwTiers(model, l.key)) for (const src of linkSources(tier, l.ref)) for (const vpc of l.vpcs) {
        const entry: Hop = { layer: 'vpn', resource: l.ref, description: `from ${src.place.label} through the virtual private gateway` };
        consider(src.place, router.enterVpc(vpc, l.key, ALL_ADDRESSES, []), [entry], undefined, src.addrs);
      }
    }
  }
  for (const a of model.tgwAttachments.values()) {
    if (a.kind === 'vpc') continue;
    const tier = declaredTier(a.tierTag);
    const sources = a.kind === 'peering' ? [{ place: peered(tier, a.ref), addrs: UNICAST_ADDRESSES }] : linkSources(tier, a.ref);
    for (const src of sources) {
      const entry: Hop = { layer: a.kind === 'peering' ? 'tgw' : 'vpn', resource: a.ref, description: `from ${src.place.label} through the TGW ${a.kind.toUpperCase()} attachment` };
      consider(src.place, router.enterTgw(a.key, ALL_ADDRESSES, []), [entry], undefined, src.addrs);
    }
  }
  // 4. Client VPN: clients enter through associated subnets, limited by routes and authorization rules.
  for (const c of model.clientVpns.values()) {
    const firstAssoc = c.associations[0];
    const vpc = c.vpc ?? (firstAssoc ? model.subnets.get(firstAssoc.subnet)?.vpc : undefined);
    const tier = vpc ? model.vpcs.get(vpc)?.tier : undefined;
    const place: Place = { id: `telework:client-vpn:${c.key}`, kind: 'telework', ...(tier ? { cls: `telework:${tier}` as EndpointClass, tier } : {}), addresses: c.clientCidr ? setOf([c.clientCidr]) : ALL_ADDRESSES, ref: c.ref, label: `Client VPN clients of ${c.ref.logicalId}${c.clientCidr ? ` (${c.clientCidr.text})` : ''}` };
    places.push(place);
    const authorised = setOf(c.authorizations.map((x) => x.cidr));
    for (const assoc of c.associations) {
      const s = model.subnets.get(assoc.subnet);
      if (!s) continue;
      const routeSet = union(router.vpcSet(s.vpc), setOf(c.routes.filter((r) => !r.subnet || r.subnet === assoc.subnet).map((r) => r.cidr)));
      const region = intersect(routeSet, authorised);
      if (isEmpty(region)) continue;
      const entry: Hop[] = [
        { layer: 'entry', resource: c.ref, description: `telework clients connect to Client VPN ${c.ref.logicalId}` },
        { layer: 'client-vpn', resource: assoc.ref, description: `enter through associated subnet ${s.ref.logicalId}; authorised ${describeSet(region, 3)}` },
      ];
      const sgs = c.securityGroups.map((g) => model.securityGroups.get(g)).filter((g): g is SgFact => !!g);
      consider(place, router.fromSubnetRestricted(assoc.subnet, region, entry.slice(0, 0), assoc.subnet), entry, side(assoc.subnet, sgs.length ? sgs : [model.securityGroups.get(`${s.vpc}#defaultSg`)!].filter(Boolean)), router.subnetSet(assoc.subnet));
    }
  }

  const flows = [...flowsByGroup.values()];
  const sanctioned = [...sanctionedByGroup.values()];
  const desktopSubnets = new Set<string>();
  for (const e of model.teleworkEntries) if (e.kind !== 'client-vpn' && e.kind !== 'internet-facing-load-balancer') e.subnets.forEach((s) => desktopSubnets.add(s));
  return { places, flows, sanctioned, matrix: buildMatrix(model, flows), desktopSubnets, router };
}

function buildMatrix(model: NetworkModel, flows: Flow[]): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const from of ENDPOINT_CLASSES) {
    for (const to of ENDPOINT_CLASSES) {
      if (from === to) continue;
      const open = flows.find((f) => f.fromClass === from && f.toClass === to && f.status === 'open');
      const filtered = flows.find((f) => f.fromClass === from && f.toClass === to && f.status === 'filtered');
      const cell: MatrixCell = open
        ? { from, to, reachable: true, routeConnected: true, witness: open.hops, blockedBy: [], via: 'packets' }
        : filtered
          ? { from, to, reachable: false, routeConnected: true, witness: filtered.hops, blockedBy: filtered.blockedBy }
          : { from, to, reachable: false, routeConnected: false, witness: [], blockedBy: ['route'] };
      // Desktops reached by screen transfer (WorkSpaces streaming) count as telework reaching the tier.
      if (!cell.reachable && from.startsWith('telework:') && to === `tier:${from.split(':')[1]}`) {
        const entry = model.teleworkEntries.find((e) => e.kind !== 'client-vpn' && e.kind !== 'internet-facing-load-balancer' && e.subnets.some((s) => `tier:${model.vpcs.get(model.subnets.get(s)?.vpc ?? '')?.tier}` === to));
        if (entry) {
          cells.push({ from, to, reachable: true, routeConnected: false, witness: [{ layer: 'entry', resource: entry.ref, description: 'screen transfer only (WorkSpaces streaming): pixels reach the client, data stays in the tier' }], blockedBy: [], via: 'desktop-streaming' });
          continue;
        }
      }
      cells.push(cell);
    }
  }
  return cells;
}
