/**
 * Route-level forwarding: where can a packet that leaves a place go, by destination address?
 * Each step looks up a route table (VPC or TGW) by longest-prefix match over the *set* of destination
 * addresses still in play, splits the set by the winning routes, and follows each target. A context
 * is visited at most once per address (the visited set only grows), so the walk ends and is linear in
 * the size of the connected part of the network.
 */
import type { AddressList, Hop, HopStep, LinkKind, ResourceRef, RouteDestName, RouteTargetName } from '../path';
import type { Tier } from '../../tiers/tier';
import { declaredTier, vgwTiers } from '../tier-of';
import { ALL_ADDRESSES, ALL_V6, type IntervalSet, intersect, isEmpty, setOf, subtract, union } from '../../cidr/address-sets';
import type { NetworkModel, RouteTarget, TgwAttachmentFact } from '../facts/types';
import { addressList } from '../address-list';
import type { Place } from './places';
import { isCarrierGateway } from '../facts/carrier-gateways';

export interface Arrival {
  place: Place;
  region: IntervalSet;
  hops: Hop[];
  /** Subnet whose addresses the packet carries after source NAT (NAT gateway, Client VPN). */
  natSubnet?: string;
}

/**
 * A route table a walk is at. One object per table (Router.context), carrying its id: the walks look tables
 * up by id tens of thousands of times, and an id made per step was a new string to flatten and hash each time.
 */
type Ctx =
  | { kind: 'rt'; key: string; id: string }
  | { kind: 'main'; vpc: string; id: string }
  | { kind: 'tgw-rt'; key: string; id: string };

interface Work {
  ctx: Ctx;
  region: IntervalSet;
  hops: Hop[];
  natSubnet?: string;
}

interface LpmRoute {
  dest: IntervalSet;
  prefixLength: number;
  target: RouteTarget;
  ref: ResourceRef;
  destText: string;
  /** The route's destination and target as a hop names them, made once per table (not once per step taken). */
  destName?: RouteDestName;
  targetName?: RouteTargetName;
}

export interface PlaceDirectory {
  subnetPlace(subnet: string): Place | undefined;
  internet: Place;
  unknown: Place;
  /** On-premises place for a link tier (undefined tier → the untagged-link place). */
  onPrem(tier: Tier | undefined, link: ResourceRef): Place;
  /** Telework pools reached over a link of this tier (policy `teleworkClients` with a closed path). */
  teleworkPools(tier: Tier): Place[];
  /** The network behind a Transit Gateway peering (another Region / account): its tagged tier's, any address. */
  peered(tier: Tier | undefined, attachment: ResourceRef): Place;
}

/** A path one hop longer (a copy: arrivals share their prefixes' arrays, never change them). */
function withHop(hops: readonly Hop[], hop: Hop): Hop[] {
  const out = hops.slice();
  out.push(hop);
  return out;
}

function ctxId(c: Ctx): string {
  return c.id;
}

function targetName(t: RouteTarget, m: NetworkModel): RouteTargetName {
  if (t.kind === 'local') return { kind: 'local' };
  if (t.kind === 'unmodelled') return { kind: 'unmodelled', ...(t.what !== undefined ? { what: t.what } : {}) };
  // A carrier gateway is modelled as an internet gateway (facts/carrier-gateways.ts) but named as what it is.
  if (t.kind === 'igw' && isCarrierGateway(m.igws.get(t.key))) return { kind: 'resource', type: 'cagw', id: t.key.split('::').pop()! };
  return { kind: 'resource', type: t.kind, id: t.key.split('::').pop()! };
}

/**
 * A route's destination as data. The facts (and the snapshot reader) keep the destination's text for their
 * own uses (the drift report, derived policy); the forms they write are named here once.
 */
function routeDestName(destText: string): RouteDestName {
  if (destText === 'routes propagated from on-premises (BGP)') return { kind: 'bgp', over: 'vgw' };
  if (destText === 'on-premises prefixes (propagated over BGP)') return { kind: 'bgp', over: 'tgw' };
  let m = /^AWS-managed prefix list (\S+) \(AWS service addresses\)$/.exec(destText);
  if (m) return { kind: 'aws-prefix-list', id: m[1] };
  m = /^prefix list (\S+)$/.exec(destText);
  if (m) return { kind: 'prefix-list', id: m[1] };
  m = /^(\S+) \(propagated\)$/.exec(destText);
  if (m) return { kind: 'propagated', cidr: m[1] };
  return { kind: 'cidr', cidr: destText };
}

export class Router {
  private readonly vpcSets = new Map<string, IntervalSet>();
  private readonly subnetSets = new Map<string, IntervalSet>();
  private readonly subnetsByVpc = new Map<string, string[]>();
  private readonly attachmentsByVpcTgw = new Map<string, TgwAttachmentFact[]>();
  private readonly tgwAssociation = new Map<string, string>();
  private readonly lpmCache = new Map<string, LpmRoute[][]>();
  private readonly cache = new Map<string, Arrival[]>();
  private readonly tableOfSubnet = new Map<string, Ctx>();
  private readonly contexts = { rt: new Map<string, Ctx>(), main: new Map<string, Ctx>(), 'tgw-rt': new Map<string, Ctx>() };
  private readonly deliveryTargets = new Map<string, Array<{ set: IntervalSet; place: Place | undefined }>>();

  constructor(
    private readonly model: NetworkModel,
    private readonly places: PlaceDirectory,
  ) {
    for (const v of model.vpcs.values()) this.vpcSets.set(v.key, setOf(v.cidrs));
    for (const s of model.subnets.values()) {
      this.subnetSets.set(s.key, setOf(s.cidrs));
      const list = this.subnetsByVpc.get(s.vpc);
      if (list) list.push(s.key);
      else this.subnetsByVpc.set(s.vpc, [s.key]);
    }
    for (const a of model.tgwAttachments.values()) {
      if (a.vpc) {
        const k = `${a.vpc}|${a.tgw}`;
        const list = this.attachmentsByVpcTgw.get(k);
        if (list) list.push(a);
        else this.attachmentsByVpcTgw.set(k, [a]);
      }
    }
    for (const rt of model.tgwRouteTables.values()) for (const a of rt.associations) if (!this.tgwAssociation.has(a.attachment) || !rt.isDefault) this.tgwAssociation.set(a.attachment, rt.key);
  }

  subnetSet(subnet: string): IntervalSet {
    return this.subnetSets.get(subnet) ?? [];
  }

  vpcSet(vpc: string): IntervalSet {
    return this.vpcSets.get(vpc) ?? [];
  }

  subnetsOf(vpc: string): string[] {
    return this.subnetsByVpc.get(vpc) ?? [];
  }

  /** The TGW route table an attachment is associated with. */
  associatedTable(attachment: string): string | undefined {
    return this.tgwAssociation.get(attachment);
  }

  /** The route table a subnet's packets start from (made once per subnet; walks only read it). */
  routeTableOf(subnet: string): Ctx {
    let ctx = this.tableOfSubnet.get(subnet);
    if (!ctx) {
      const rt = this.model.subnetRouteTable.get(subnet);
      ctx = rt && this.model.routeTables.has(rt) ? this.context('rt', rt) : this.context('main', this.model.subnets.get(subnet)!.vpc);
      this.tableOfSubnet.set(subnet, ctx);
    }
    return ctx;
  }

  /** The one context of a table: a VPC route table, a VPC's main table (keyed by the VPC), a TGW route table. */
  private context(kind: Ctx['kind'], key: string): Ctx {
    const byKey = this.contexts[kind];
    const known = byKey.get(key);
    if (known) return known;
    const c: Ctx = kind === 'main' ? { kind, vpc: key, id: `main:${key}` } : { kind, key, id: `${kind}:${key}` };
    byKey.set(key, c);
    return c;
  }

  /** Everywhere a packet leaving `subnet` can arrive (route level only). Cached per route table. */
  fromSubnet(subnet: string): Arrival[] {
    const ctx = this.routeTableOf(subnet);
    const id = ctxId(ctx);
    let out = this.cache.get(id);
    if (!out) {
      out = this.walk([{ ctx, region: ALL_ADDRESSES, hops: [] }]);
      this.cache.set(id, out);
    }
    return out;
  }

  /** Arrivals for packets entering a VPC from outside (IGW / VGW), honouring a gateway route table. */
  enterVpc(vpc: string, gateway: string | undefined, region: IntervalSet, hops: Hop[]): Arrival[] {
    const edge = gateway ? this.model.gatewayRouteTables.get(gateway) : undefined;
    const r = intersect(region, this.vpcSet(vpc));
    if (edge) return this.walk([{ ctx: this.context('rt', edge), region: r, hops }]);
    const arrivals: Arrival[] = [];
    this.deliver(vpc, r, hops, undefined, arrivals);
    return arrivals;
  }

  enterTgw(attachment: string, region: IntervalSet, hops: Hop[]): Arrival[] {
    const rt = this.associatedTable(attachment);
    if (!rt) return [];
    return this.walk([{ ctx: this.context('tgw-rt', rt), region, hops }]);
  }

  /** Start at a subnet's route table with a restricted destination set (Client VPN). */
  fromSubnetRestricted(subnet: string, region: IntervalSet, hops: Hop[], natSubnet: string): Arrival[] {
    return this.walk([{ ctx: this.routeTableOf(subnet), region, hops, natSubnet }]);
  }

  private deliver(vpc: string, region: IntervalSet, hops: Hop[], natSubnet: string | undefined, out: Arrival[]): void {
    let targets = this.deliveryTargets.get(vpc);
    if (!targets) {
      // Each subnet's addresses and place, looked up once per VPC rather than on each of ~20,000 deliveries.
      targets = this.subnetsOf(vpc).map((s) => ({ set: this.subnetSet(s), place: this.places.subnetPlace(s) }));
      this.deliveryTargets.set(vpc, targets);
    }
    for (const { set, place } of targets) {
      const r = intersect(region, set);
      if (isEmpty(r)) continue;
      if (place) out.push({ place, region: r, hops, ...(natSubnet ? { natSubnet } : {}) });
    }
  }

  private lpm(ctx: Ctx, id = ctxId(ctx)): LpmRoute[][] {
    const cached = this.lpmCache.get(id);
    if (cached) return cached;
    const routes: LpmRoute[] = [];
    if (ctx.kind === 'rt' || ctx.kind === 'main') {
      const vpc = ctx.kind === 'main' ? ctx.vpc : this.model.routeTables.get(ctx.key)!.vpc;
      const tableRef = ctx.kind === 'rt' ? this.model.routeTables.get(ctx.key)!.ref : this.model.vpcs.get(vpc)!.ref;
      for (const c of this.model.vpcs.get(vpc)?.cidrs ?? []) {
        routes.push({ dest: setOf([c]), prefixLength: c.prefixLength, target: { kind: 'local' }, ref: tableRef, destText: c.text });
      }
      if (ctx.kind === 'rt') for (const r of this.model.routeTables.get(ctx.key)!.routes) routes.push({ dest: r.dest, prefixLength: r.prefixLength, target: r.target, ref: r.ref, destText: r.destText });
    } else {
      const rt = this.model.tgwRouteTables.get(ctx.key)!;
      for (const r of rt.routes) {
        routes.push({ dest: r.dest, prefixLength: r.prefixLength, target: r.blackhole ? { kind: 'blackhole', key: rt.key } : { kind: 'tgw', key: r.attachment! }, ref: r.ref, destText: r.destText });
      }
      for (const p of rt.propagations) {
        const a = this.model.tgwAttachments.get(p.attachment);
        if (!a) continue;
        if (a.kind === 'vpc' && a.vpc) {
          for (const c of this.model.vpcs.get(a.vpc)?.cidrs ?? []) routes.push({ dest: setOf([c]), prefixLength: c.prefixLength, target: { kind: 'tgw', key: a.key }, ref: p.ref, destText: `${c.text} (propagated)` });
        } else {
          // On-premises prefixes arrive by BGP and are unknown: every address, lowest priority (see links).
          routes.push({ dest: ALL_ADDRESSES, prefixLength: -1, target: { kind: 'tgw', key: a.key }, ref: p.ref, destText: 'on-premises prefixes (propagated over BGP)' });
        }
      }
    }
    // Group by prefix length, longest first: equal-length routes (alternatives) all apply — except that
    // in a TGW table a static route (or blackhole) wins over a propagated route for the same prefix.
    const groups = new Map<number, LpmRoute[]>();
    for (const r of routes) {
      // Appended in place: a hub's table holds a route of one length per municipality, and copying the
      // group for each route made it quadratic.
      const g = groups.get(r.prefixLength);
      if (g) g.push(r);
      else groups.set(r.prefixLength, [r]);
    }
    if (ctx.kind === 'tgw-rt') {
      for (const [len, g] of groups) {
        const statics = new Set(g.filter((r) => !r.destText.includes('(propagated')).map((r) => r.destText));
        groups.set(len, g.filter((r) => !r.destText.includes('(propagated') || !statics.has(r.destText.replace(' (propagated)', ''))));
      }
    }
    const out = [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([, g]) => g);
    for (const g of out) for (const r of g) {
      r.destName = routeDestName(r.destText);
      r.targetName = targetName(r.target, this.model);
    }
    this.lpmCache.set(id, out);
    return out;
  }

  private walk(start: Work[]): Arrival[] {
    const visited = new Map<string, IntervalSet>();
    const arrivals: Arrival[] = [];
    const queue = [...start];
    // First in, first out, by index: shift() moves the whole queue on every step.
    for (let next = 0; next < queue.length; next++) {
      const w = queue[next];
      const table = ctxId(w.ctx);
      const id = w.natSubnet ? `${table}|nat:${w.natSubnet}` : table;
      const seen = visited.get(id) ?? [];
      let remaining = subtract(w.region, seen);
      if (isEmpty(remaining)) continue;
      visited.set(id, union(seen, remaining));
      for (const group of this.lpm(w.ctx, table)) {
        if (isEmpty(remaining)) break;
        let matchedAll: IntervalSet = [];
        for (const route of group) {
          const part = intersect(remaining, route.dest);
          if (isEmpty(part)) continue;
          matchedAll = union(matchedAll, part);
          this.follow(w, route, part, queue, arrivals);
        }
        remaining = subtract(remaining, matchedAll);
      }
    }
    return arrivals;
  }

  private follow(w: Work, route: LpmRoute, part: IntervalSet, queue: Work[], arrivals: Arrival[]): void {
    const t = route.target;
    const layer = w.ctx.kind === 'tgw-rt' ? 'tgw' : 'route';
    // The addresses a hop matched are written out only for the hops a witness prints (a few hundred of a
    // country's ~50,000 steps): `matched` is worked out when first read, then kept. It stays an ordinary
    // enumerable property, in its place, for JSON and for every reader.
    let matched: AddressList | undefined;
    const step: HopStep = {
      kind: 'route',
      table: w.ctx.kind === 'tgw-rt' ? 'tgw' : 'vpc',
      get matched(): AddressList {
        return (matched ??= addressList(part, 2));
      },
      dest: route.destName!,
      target: route.targetName!,
    };
    const hop: Hop = { layer, resource: route.ref, step };
    const hops = withHop(w.hops, hop);
    const m = this.model;
    switch (t.kind) {
      case 'local': {
        const vpc = w.ctx.kind === 'main' ? w.ctx.vpc : w.ctx.kind === 'rt' ? m.routeTables.get(w.ctx.key)!.vpc : undefined;
        if (vpc) this.deliver(vpc, part, hops, w.natSubnet, arrivals);
        return;
      }
      case 'igw': {
        const igw = m.igws.get(t.key);
        const vpc = w.ctx.kind === 'rt' ? m.routeTables.get(w.ctx.key)!.vpc : undefined;
        if (!igw || (vpc && !igw.vpcs.includes(vpc))) return; // not attached: packets are dropped
        arrivals.push({ place: this.places.internet, region: part, hops: withHop(hops, { layer: 'exit', resource: igw.ref, step: { kind: 'igw-out', ...(isCarrierGateway(igw) ? { carrier: true } : {}) } }), ...(w.natSubnet ? { natSubnet: w.natSubnet } : {}) });
        return;
      }
      case 'eigw': {
        const e = m.eigws.get(t.key);
        const v6 = intersect(part, ALL_V6);
        if (e && !isEmpty(v6)) arrivals.push({ place: this.places.internet, region: v6, hops: withHop(hops, { layer: 'exit', resource: e.ref, step: { kind: 'eigw-out' } }) });
        return;
      }
      case 'nat': {
        const nat = m.nats.get(t.key);
        if (!nat) return;
        queue.push({ ctx: this.routeTableOf(nat.subnet), region: part, hops: withHop(hops, { layer: 'route', resource: nat.ref, step: { kind: 'nat', connectivity: nat.connectivity } }), natSubnet: nat.subnet });
        return;
      }
      case 'vgw':
        this.exitVgw(t.key, part, hops, arrivals);
        return;
      case 'tgw': {
        if (w.ctx.kind === 'tgw-rt') {
          this.exitTgwAttachment(t.key, part, hops, queue, arrivals, w.natSubnet);
          return;
        }
        const vpc = w.ctx.kind === 'rt' ? m.routeTables.get(w.ctx.key)!.vpc : w.ctx.vpc;
        const atts = this.attachmentsByVpcTgw.get(`${vpc}|${t.key}`) ?? [];
        for (const a of atts) {
          const rt = this.associatedTable(a.key);
          if (!rt) continue; // an attachment with no association drops what it receives
          queue.push({ ctx: this.context('tgw-rt', rt), region: part, hops: withHop(hops, { layer: 'tgw', resource: a.ref, step: { kind: 'tgw-to-table', table: rt.split('::').pop()! } }), ...(w.natSubnet ? { natSubnet: w.natSubnet } : {}) });
        }
        return;
      }
      case 'peering': {
        const p = m.peerings.get(t.key);
        const vpc = w.ctx.kind === 'rt' ? m.routeTables.get(w.ctx.key)!.vpc : undefined;
        if (!p || !vpc) return;
        const others = p.vpc === vpc ? p.peerVpcs : p.peerVpcs.includes(vpc) ? [p.vpc] : [];
        if (others.length === 0) {
          if (p.peerVpcs.length === 0) arrivals.push({ place: this.places.unknown, region: part, hops: withHop(hops, { layer: 'peering', resource: p.ref, step: { kind: 'peering-outside', peer: p.peerText } }) });
          return;
        }
        // Peering is not transitive: only the peer VPC's own addresses are delivered.
        for (const other of others) {
          if (other === vpc) continue;
          this.deliver(other, intersect(part, this.vpcSet(other)), withHop(hops, { layer: 'peering', resource: p.ref, step: { kind: 'peering-into', vpc: other.split('::').pop()! } }), w.natSubnet, arrivals);
        }
        return;
      }
      case 'vpce': {
        const ep = m.endpoints.get(t.key);
        if (!ep || ep.endpointType !== 'GatewayLoadBalancer') return; // gateway endpoints lead to AWS services only
        for (const s of ep.subnets) queue.push({ ctx: this.routeTableOf(s), region: part, hops: withHop(hops, { layer: 'endpoint', resource: ep.ref, step: { kind: 'gwlb-endpoint' } }), ...(w.natSubnet ? { natSubnet: w.natSubnet } : {}) });
        return;
      }
      case 'firewall': {
        const fw = m.firewalls.get(t.key);
        if (!fw) return;
        for (const s of fw.subnets) queue.push({ ctx: this.routeTableOf(s), region: part, hops: withHop(hops, { layer: 'endpoint', resource: fw.ref, step: { kind: 'firewall-endpoint' } }), ...(w.natSubnet ? { natSubnet: w.natSubnet } : {}) });
        return;
      }
      case 'eni':
      case 'instance': {
        const c = m.compute.get(t.key);
        if (!c) return;
        for (const s of c.subnets) queue.push({ ctx: this.routeTableOf(s), region: part, hops: withHop(hops, { layer: 'compute', resource: c.ref, step: { kind: 'forwarded', by: t.kind, id: c.ref.logicalId, subnet: s.split('::').pop()! } }), ...(w.natSubnet ? { natSubnet: w.natSubnet } : {}) });
        return;
      }
      case 'unmodelled':
        arrivals.push({ place: this.places.unknown, region: part, hops });
        return;
      case 'blackhole':
        return;
    }
  }

  private exitVgw(vgwKey: string, part: IntervalSet, hops: Hop[], arrivals: Arrival[]): void {
    const vgw = this.model.links.get(vgwKey);
    if (!vgw) return;
    for (const tier of vgwTiers(this.model, vgwKey)) this.exitLink(tier, vgw.ref, part, hops, arrivals, 'vgw');
  }

  private exitLink(tier: Tier | undefined, ref: ResourceRef, part: IntervalSet, hops: Hop[], arrivals: Arrival[], link: LinkKind): void {
    const exitHop: Hop = { layer: 'vpn', resource: ref, step: { kind: 'link-out', link, ...(tier ? { tier } : {}) } };
    arrivals.push({ place: this.places.onPrem(tier, ref), region: part, hops: withHop(hops, exitHop) });
    if (!tier) return;
    for (const pool of this.places.teleworkPools(tier)) {
      const r = intersect(part, pool.addresses);
      if (!isEmpty(r)) arrivals.push({ place: pool, region: r, hops: withHop(hops, { ...exitHop, step: { kind: 'link-out-to-pool', link, to: pool.name } }) });
    }
  }

  private exitTgwAttachment(attKey: string, part: IntervalSet, hops: Hop[], queue: Work[], arrivals: Arrival[], natSubnet: string | undefined): void {
    const a = this.model.tgwAttachments.get(attKey);
    if (!a) return;
    if (a.kind !== 'vpc') {
      const link = a.link ? this.model.links.get(a.link) : undefined;
      const tier = declaredTier(a.tierTag);
      if (a.kind === 'peering') {
        arrivals.push({ place: this.places.peered(tier, a.ref), region: part, hops: withHop(hops, { layer: 'tgw', resource: a.ref, step: { kind: 'tgw-peering-out', ...(tier ? { tier } : {}) } }) });
        return;
      }
      this.exitLink(tier, link?.ref ?? a.ref, part, withHop(hops, { layer: 'tgw', resource: a.ref, step: { kind: 'tgw-link-attachment', attachment: a.kind } }), arrivals, a.kind === 'vpn' ? 'vpn' : a.kind === 'connect' ? 'connect' : 'dx');
      return;
    }
    if (!a.vpc) return;
    const inHops: Hop[] = withHop(hops, { layer: 'tgw', resource: a.ref, step: { kind: 'tgw-into-vpc', vpc: a.vpc.split('::').pop()! } });
    const inside = intersect(part, this.vpcSet(a.vpc));
    this.deliver(a.vpc, inside, inHops, natSubnet, arrivals);
    // Destinations outside the VPC continue from the attachment subnets' route tables (egress / inspection VPC).
    const rest = subtract(part, this.vpcSet(a.vpc));
    if (!isEmpty(rest)) for (const s of a.subnets) queue.push({ ctx: this.routeTableOf(s), region: rest, hops: inHops, ...(natSubnet ? { natSubnet } : {}) });
  }
}
