/**
 * Reachability over the model: every place where packets can start (subnets, the internet, on-premises
 * links, telework clients) is walked once at route level; where a walk arrives in a different endpoint
 * class, the filters (NACL, SG) decide whether some packet gets through. Results are grouped per
 * (source network, destination network) with one witness path each, and summarised as a matrix over
 * endpoint classes. analyseReachability runs the phases in order: the places (place-set.ts), then walks
 * from subnets, the internet, on-premises links and Client VPN endpoints, each arrival judged by the
 * filters (flow-judge.ts), then the matrix.
 */
import type { Hop, HopStep, Layer, ResourceRef } from '../path';
import { declaredTier, vgwTiers, vpcTier } from '../tier-of';
import type { TierPolicy } from '../../policy/schema';
import { ALL_ADDRESSES, intersect, isEmpty, setOf, union } from '../../cidr/address-sets';
import { addressList } from '../address-list';
import type { NetworkModel, SgFact } from '../facts/types';
import { PUBLIC_ADDRESSES, UNICAST_ADDRESSES } from '../../cidr/public-addresses';
import type { Packet } from './filters';
import { FlowJudge, type FlowTrace } from './flow-judge';
import type { InsertionOrder } from '../facts/insertion-order';
import { PlaceSet } from './place-set';
import { ENDPOINT_CLASSES, type EndpointClass, type Place } from './places';
import { Router } from './routing';
import { isCarrierGateway } from '../facts/carrier-gateways';

export * from './places';
export type { Packet } from './filters';
export type { Router } from './routing';
export { FlowTrace } from './flow-judge';

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

/**
 * Whether one endpoint class reaches another (the engine's matrix, over endpoint classes). The report's own
 * cell, with a verdict and the findings about it, is lib/report/report-input.ts MatrixCell.
 */
export interface ClassReach {
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
  matrix: ClassReach[];
  /** Subnet keys where telework desktops run (WorkSpaces, their directories, streaming endpoints). */
  desktopSubnets: Set<string>;
  /**
   * The route-level walker the flows were computed with (its walks are cached): for rules that ask about
   * paths within one endpoint class, such as one municipality's internet tier reaching another's.
   */
  router: Router;
}

/**
 * `trace`, when given (`verify`'s side-by-side parts only), records when each flow was found, placed by the
 * insertion order of the walk's sources (facts/insertion-order.ts).
 */
export function analyseReachability(model: NetworkModel, policy: TierPolicy, asOf: string, trace?: { flows: FlowTrace; order: InsertionOrder }): Reachability {
  const places = new PlaceSet(model, policy);
  const router = new Router(model, places);
  const judge = new FlowJudge(model, policy, asOf, router, trace?.flows);
  const walk: Walk = { model, places, router, judge, ...(trace ? { trace } : {}) };
  walkFromSubnets(walk);
  walkFromInternet(walk);
  walkFromOnPremLinks(walk);
  walkFromClientVpns(walk);
  const flows = judge.flows();
  return { places: places.all, flows, sanctioned: judge.sanctioned(), matrix: buildMatrix(model, flows), desktopSubnets: desktopSubnetsOf(model), router };
}

/** What every phase of the walk shares: the model, the places, the router and the judge of arrivals. */
interface Walk {
  model: NetworkModel;
  places: PlaceSet;
  router: Router;
  judge: FlowJudge;
  trace?: { flows: FlowTrace; order: InsertionOrder };
}

/** Phase 1: packets leaving every subnet of a declared tier. */
function walkFromSubnets({ places, router, judge, trace }: Walk): void {
  for (const p of places.subnets()) {
    if (!p.cls) continue;
    trace?.flows.from(trace.order.tagOf('subnets', p.subnet!), 1);
    const entry: Hop = { layer: 'entry', resource: p.ref!, step: { kind: 'leave-subnet', from: p.name } };
    judge.consider(p, router.fromSubnet(p.subnet!), [entry], judge.side(p.subnet!), p.addresses);
  }
}

/** Phase 2: the internet, through every attached internet gateway. */
function walkFromInternet({ model, places, router, judge, trace }: Walk): void {
  for (const igw of model.igws.values()) {
    trace?.flows.from(trace.order.tagOf('igws', igw.key), 2);
    for (const vpc of igw.vpcs) {
      const entry: Hop = { layer: 'entry', resource: igw.ref, step: { kind: 'from-internet', ...(isCarrierGateway(igw) ? { carrier: true } : {}) } };
      judge.consider(places.internet, router.enterVpc(vpc, igw.key, ALL_ADDRESSES, []), [entry], undefined, PUBLIC_ADDRESSES);
    }
  }
}

/**
 * Phase 3: on-premises networks (and closed telework pools) through their links: VGWs and TGW VPN/DX
 * attachments; and the network behind each TGW peering (another Region's or account's route domain).
 */
function walkFromOnPremLinks({ model, places, router, judge, trace }: Walk): void {
  for (const l of model.links.values()) {
    if (l.kind !== 'vgw') continue;
    trace?.flows.from(trace.order.tagOf('links', l.key), 3);
    for (const tier of vgwTiers(model, l.key)) for (const src of places.linkSources(tier, l.ref)) for (const vpc of l.vpcs) {
      const entry: Hop = { layer: 'vpn', resource: l.ref, step: { kind: 'enter-vgw', from: src.place.name } };
      judge.consider(src.place, router.enterVpc(vpc, l.key, ALL_ADDRESSES, []), [entry], undefined, src.addrs);
    }
  }
  for (const a of model.tgwAttachments.values()) {
    if (a.kind === 'vpc') continue;
    trace?.flows.from(trace.order.tagOf('tgwAttachments', a.key), 4);
    const tier = declaredTier(a.tierTag);
    const sources = a.kind === 'peering' ? [{ place: places.peered(tier, a.ref), addrs: UNICAST_ADDRESSES }] : places.linkSources(tier, a.ref);
    for (const src of sources) {
      const entry: Hop = { layer: a.kind === 'peering' ? 'tgw' : 'vpn', resource: a.ref, step: { kind: 'enter-tgw-attachment', from: src.place.name, attachment: a.kind } };
      judge.consider(src.place, router.enterTgw(a.key, ALL_ADDRESSES, []), [entry], undefined, src.addrs);
    }
  }
}

/** Phase 4: Client VPN clients enter through associated subnets, limited by routes and authorization rules. */
function walkFromClientVpns({ model, places, router, judge, trace }: Walk): void {
  for (const c of model.clientVpns.values()) {
    trace?.flows.from(trace.order.tagOf('clientVpns', c.key), 5);
    const firstAssoc = c.associations[0];
    const tier = vpcTier(model, c.vpc ?? (firstAssoc ? model.subnets.get(firstAssoc.subnet)?.vpc : undefined));
    const place: Place = { id: `telework:client-vpn:${c.key}`, kind: 'telework', ...(tier ? { cls: `telework:${tier}` as EndpointClass, tier } : {}), addresses: c.clientCidr ? setOf([c.clientCidr]) : ALL_ADDRESSES, ref: c.ref, name: { kind: 'client-vpn-clients', endpoint: c.ref.logicalId, ...(c.clientCidr ? { cidr: c.clientCidr.text } : {}) } };
    places.add(place);
    const authorised = setOf(c.authorizations.map((x) => x.cidr));
    for (const assoc of c.associations) {
      const s = model.subnets.get(assoc.subnet);
      if (!s) continue;
      const routeSet = union(router.vpcSet(s.vpc), setOf(c.routes.filter((r) => !r.subnet || r.subnet === assoc.subnet).map((r) => r.cidr)));
      const region = intersect(routeSet, authorised);
      if (isEmpty(region)) continue;
      const entry: Hop[] = [
        { layer: 'entry', resource: c.ref, step: { kind: 'client-vpn-connect', endpoint: c.ref.logicalId, ...(c.authentication?.length ? { authentication: c.authentication } : {}) } },
        { layer: 'client-vpn', resource: assoc.ref, step: { kind: 'client-vpn-enter', subnet: s.ref.logicalId, authorised: addressList(region, 3) } },
      ];
      const sgs = c.securityGroups.map((g) => model.securityGroups.get(g)).filter((g): g is SgFact => !!g);
      judge.consider(place, router.fromSubnetRestricted(assoc.subnet, region, entry.slice(0, 0), assoc.subnet), entry, judge.side(assoc.subnet, sgs.length ? sgs : [model.securityGroups.get(`${s.vpc}#defaultSg`)!].filter(Boolean)), router.subnetSet(assoc.subnet));
    }
  }
}

/** Subnets where telework desktops run (WorkSpaces, their directories, streaming endpoints). */
function desktopSubnetsOf(model: NetworkModel): Set<string> {
  const desktopSubnets = new Set<string>();
  for (const e of model.teleworkEntries) if (e.kind !== 'client-vpn' && e.kind !== 'internet-facing-load-balancer') e.subnets.forEach((s) => desktopSubnets.add(s));
  return desktopSubnets;
}

/**
 * A telework → own-tier cell reached by screen transfer: the first desktop entry of the tier, whether the
 * tier has a streaming endpoint, and its first Client VPN endpoint (also used to merge side-by-side parts).
 */
export function screenTransferCell(from: EndpointClass, to: EndpointClass, entry: ResourceRef, streaming: boolean, clientVpn?: { endpoint: string; authentication: string[] }): ClassReach {
  const step: HopStep = {
    kind: 'screen-transfer', entry: entry.logicalId, arrival: streaming ? 'streaming-endpoint' : 'service-gateway',
    ...(clientVpn ? { clientVpn } : {}),
  };
  return { from, to, reachable: true, routeConnected: false, witness: [{ layer: 'entry', resource: entry, step }], blockedBy: [], via: 'desktop-streaming' };
}

/**
 * The first open and the first filtered flow of each (from, to) pair, in one pass (a prefecture has tens of
 * thousands of flows; searching them for every one of the 132 cells was the matrix's whole cost). Also used by
 * `verify`'s side-by-side merge, over flows merged from its parts.
 */
export function firstFlowsPerPair<F extends { fromClass: string; toClass: string; status: Flow['status'] }>(flows: readonly F[]): Map<string, { open?: F; filtered?: F }> {
  const first = new Map<string, { open?: F; filtered?: F }>();
  for (const f of flows) {
    const k = `${f.fromClass}→${f.toClass}`;
    let e = first.get(k);
    if (!e) first.set(k, (e = {}));
    if (f.status === 'open') e.open ??= f;
    else e.filtered ??= f;
  }
  return first;
}

/**
 * Every cell of the matrix from the first flows of each pair (firstFlowsPerPair): open → reachable, filtered →
 * route-connected but blocked, none → no route. A telework → own-tier cell with no packet path asks
 * `screenTransfer` whether desktops are reached by screen transfer (WorkSpaces streaming) instead.
 */
export function matrixCells(
  first: ReadonlyMap<string, { open?: Pick<Flow, 'hops'>; filtered?: Pick<Flow, 'hops' | 'blockedBy'> }>,
  screenTransfer: (from: EndpointClass, to: EndpointClass, tier: string) => ClassReach | undefined,
): ClassReach[] {
  const cells: ClassReach[] = [];
  for (const from of ENDPOINT_CLASSES) {
    for (const to of ENDPOINT_CLASSES) {
      if (from === to) continue;
      const { open, filtered } = first.get(`${from}→${to}`) ?? {};
      const cell: ClassReach = open
        ? { from, to, reachable: true, routeConnected: true, witness: open.hops, blockedBy: [], via: 'packets' }
        : filtered
          ? { from, to, reachable: false, routeConnected: true, witness: filtered.hops, blockedBy: filtered.blockedBy }
          : { from, to, reachable: false, routeConnected: false, witness: [], blockedBy: ['route'] };
      // `to` is this tier's class: compare tiers, not class names built per subnet (a country has tens of thousands).
      const screen = !cell.reachable && from.startsWith('telework:') && to === `tier:${from.split(':')[1]}` ? screenTransfer(from, to, from.split(':')[1]) : undefined;
      cells.push(screen ?? cell);
    }
  }
  return cells;
}

function buildMatrix(model: NetworkModel, flows: Flow[]): ClassReach[] {
  // Desktops reached by screen transfer (WorkSpaces streaming) count as telework reaching the tier.
  return matrixCells(firstFlowsPerPair(flows), (from, to, tier) => {
    const entry = model.teleworkEntries.find((e) => e.kind !== 'client-vpn' && e.kind !== 'internet-facing-load-balancer' && e.subnets.some((s) => model.vpcs.get(model.subnets.get(s)?.vpc ?? '')?.tier === tier));
    if (!entry) return undefined;
    const streaming = model.teleworkEntries.find((e) => e.kind === 'streaming-endpoint' && vpcTier(model, e.vpc) === tier);
    const vpn = [...model.clientVpns.values()].find((c) => vpcTier(model, c.vpc ?? model.subnets.get(c.associations[0]?.subnet ?? '')?.vpc) === tier);
    return screenTransferCell(from, to, entry.ref, !!streaming, vpn ? { endpoint: vpn.ref.logicalId, authentication: vpn.authentication ?? [] } : undefined);
  });
}
