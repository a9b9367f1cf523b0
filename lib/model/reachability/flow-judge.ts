/**
 * Judges each arrival of a walk: when a walk from one endpoint class arrives in another, the filters
 * (NACL, security groups) decide whether some packet gets through, or only packets of an active sanctioned
 * channel. Keeps one witness per (source network, destination network): the first open one, else the first
 * filtered one.
 */
import type { TierPolicy } from '../../policy/schema';
import { type IntervalSet, describeSet, formatAddress, intersect, isEmpty, parseCidr, setOf } from '../../cidr/address-sets';
import type { NaclFact, NetworkModel, SgFact } from '../facts/types';
import { protocolName } from '../facts/protocols';
import type { Hop, HopStep, NaclReason } from '../path';
import { explainBlocked, findPacket, sortedEntries, type FilterResult, type FilterSide } from './filters';
import type { Flow } from './index';
import type { EndpointClass, Place } from './places';
import type { Arrival, Router } from './routing';
import type { OrderTag } from '../facts/insertion-order';

function groupOf(p: Place): string {
  return p.kind === 'subnet' ? `vpc:${p.vpc}` : p.id;
}

/** A subnet place's flow key (`subnet:<key>`) and group, made once per place (a country asks ~140,000 times). */
interface PlaceKeys {
  group: string;
  subnet?: string;
  /** Neither key holds the flow key's '→': a flow key of two such keys splits back into them (see byPair). */
  plain: boolean;
}

/**
 * When each flow was first found, and when the kept witness and each sanctioned flow were: recorded only for
 * `verify`'s side-by-side parts (lib/cli/verify-parts), which merge parts' flows in one model's order. The
 * walk sets `source` (its phase and the source fact's insertion tag) before each source's arrivals.
 */
export class FlowTrace {
  source: OrderTag = [];
  private seq = 0;
  readonly first = new Map<string, OrderTag>();
  readonly kept = new Map<string, OrderTag>();
  readonly sanctioned = new Map<string, OrderTag>();
  /** False when a walk source had no insertion tag (its flows cannot be placed): the parts are not merged. */
  complete = true;

  from(source: OrderTag | undefined, phase: number): void {
    if (!source) this.complete = false;
    this.source = [phase, ...(source ?? ['?'])];
    this.seq = 0;
  }

  next(): OrderTag {
    return [...this.source, this.seq++];
  }
}

export class FlowJudge {
  private readonly flowsByGroup = new Map<string, Flow>();
  /**
   * The same flows by source group, then destination key, where both keys are plain: the previous flow of a
   * pair is found without making its key string (~47,000 arrivals of a country, each a new string flattened
   * and hashed). Two plain keys joined by one '→' are one pair's key and no other's.
   */
  private readonly byPair = new Map<string, Map<string, Flow>>();
  private readonly sanctionedByGroup = new Map<string, Flow>();
  private readonly sgsByVpc = new Map<string, SgFact[]>();
  private readonly sides = new Map<string, FilterSide>();
  private readonly placeKeys = new Map<Place, PlaceKeys>();
  private readonly naclOrders = new Map<NaclFact, NonNullable<FilterSide['naclOrder']>>();
  private readonly active: TierPolicy['sanctionedChannels'];

  constructor(
    private readonly model: NetworkModel,
    policy: TierPolicy,
    asOf: string,
    private readonly router: Router,
    private readonly trace?: FlowTrace,
  ) {
    for (const sg of model.securityGroups.values()) {
      if (!sg.vpc) continue;
      const list = this.sgsByVpc.get(sg.vpc);
      if (list) list.push(sg);
      else this.sgsByVpc.set(sg.vpc, [sg]);
    }
    this.active = policy.sanctionedChannels.filter((c) => c.expires >= asOf);
  }

  flows(): Flow[] {
    return [...this.flowsByGroup.values()];
  }

  sanctioned(): Flow[] {
    return [...this.sanctionedByGroup.values()];
  }

  private naclOf(subnet: string): NaclFact | undefined {
    const k = this.model.subnetNacl.get(subnet);
    return (k && this.model.nacls.get(k)) || this.model.nacls.get(`${this.model.subnets.get(subnet)?.vpc}#defaultNacl`);
  }

  /** Each NACL's entries per direction in rule-number order, sorted once per analysis (the model no longer changes). */
  private naclOrder(nacl: NaclFact | undefined): FilterSide['naclOrder'] {
    if (!nacl) return undefined;
    let order = this.naclOrders.get(nacl);
    if (!order) this.naclOrders.set(nacl, (order = { outbound: sortedEntries(nacl, true), inbound: sortedEntries(nacl, false) }));
    return order;
  }

  /**
   * The filters on one side of a subnet: its NACL, and the given security groups (else every group of its
   * VPC — that side is made once per subnet: a country's walks arrive at the same subnets ~100,000 times).
   */
  side(subnet: string, sgs?: SgFact[]): FilterSide {
    if (sgs) {
      const nacl = this.naclOf(subnet);
      return { nacl, sgs, naclOrder: this.naclOrder(nacl) };
    }
    let side = this.sides.get(subnet);
    if (!side) {
      const nacl = this.naclOf(subnet);
      side = { nacl, sgs: this.sgsByVpc.get(this.model.subnets.get(subnet)!.vpc) ?? [], naclOrder: this.naclOrder(nacl) };
      this.sides.set(subnet, side);
    }
    return side;
  }

  private excludedFor(a: EndpointClass, b: EndpointClass) {
    return this.active
      .filter((c) => c.from === a && c.to === b)
      .map((c) => ({ protocol: c.protocol === 'tcp' ? 6 : 17, from: c.ports.from, to: c.ports.to, ...(c.toCidrs ? { dst: setOf(c.toCidrs.map((x) => parseCidr(x)!)) } : {}) }));
  }

  private keysOf(p: Place): PlaceKeys {
    let k = this.placeKeys.get(p);
    if (!k) {
      const group = groupOf(p);
      const subnet = p.kind === 'subnet' ? `subnet:${p.subnet}` : undefined;
      this.placeKeys.set(p, (k = { group, ...(subnet !== undefined ? { subnet } : {}), plain: !group.includes('→') && !subnet?.includes('→') }));
    }
    return k;
  }

  consider(src: Place, arrivals: Arrival[], entryHops: Hop[], srcSide: FilterSide | undefined, srcAddrs: IntervalSet): void {
    const { flowsByGroup, sanctionedByGroup, router } = this;
    if (!src.cls) return;
    const srcKeys = this.keysOf(src);
    const srcGroup = srcKeys.group;
    let fromSrc = srcKeys.plain ? this.byPair.get(srcGroup) : undefined;
    const trace = this.trace;
    for (const a of arrivals) {
      const dst = a.place;
      if (!dst.cls || dst.cls === src.cls) continue;
      const tag = trace?.next();
      // Telework flows are kept per destination subnet: desktop subnets are allowed, the rest are not.
      const dstKeys = this.keysOf(dst);
      const dstKey = src.kind === 'telework' && dst.kind === 'subnet' ? dstKeys.subnet! : dstKeys.group;
      const pair = srcKeys.plain && dstKeys.plain;
      const prev = pair ? fromSrc?.get(dstKey) : flowsByGroup.get(`${srcGroup}→${dstKey}`);
      if (prev?.status === 'open') continue;
      const key = `${srcGroup}→${dstKey}`;
      const dstSide = dst.kind === 'subnet' ? this.side(dst.subnet!) : undefined;
      const ingressSrc = a.natSubnet ? router.subnetSet(a.natSubnet) : srcAddrs;
      const dstAddrs = dst.kind === 'subnet' ? a.region : intersect(a.region, dst.addresses);
      if (isEmpty(dstAddrs)) continue;
      if (ingressSrc.length === 0) continue; // no packet to judge (the filters' 'route' block)
      const excluded = this.excludedFor(src.cls, dst.cls);
      const query = { srcAddrs: ingressSrc, dstAddrs, src: srcSide, dst: dstSide, excluded };
      const found = findPacket(query);
      if (!found && excluded.length > 0 && findPacket({ srcAddrs: ingressSrc, dstAddrs, src: srcSide, dst: dstSide })) {
        // Only packets of an active sanctioned channel get through: the channel, not a crossing.
        if (!sanctionedByGroup.has(key)) trace?.sanctioned.set(key, tag!);
        if (!sanctionedByGroup.has(key)) sanctionedByGroup.set(key, { from: src, to: dst, fromClass: src.cls, toClass: dst.cls, status: 'open', hops: [...entryHops, ...a.hops], blockedBy: [], destinations: describeSet(dstAddrs, 3) });
        continue;
      }
      if (!found && prev) continue; // keep the first filtered witness (explaining this block would change nothing)
      const r: FilterResult = found ? { pass: true, packet: found.packet, blockedBy: [], evidence: found.evidence } : explainBlocked(query);
      const hops: Hop[] = [...entryHops, ...a.hops];
      const sb = r.sideBlocks;
      const blocks = (side: boolean | undefined): { blocks?: boolean } => (r.pass ? {} : { blocks: !!side });
      const nacl = (direction: 'outbound' | 'inbound', reason: NaclReason | undefined, deniesAll: boolean | undefined): HopStep =>
        r.pass ? { kind: 'nacl', direction, passed: true, ...(reason ? { reason } : {}) } : { kind: 'nacl', direction, passed: false, deniesAll: !!deniesAll };
      const sg = (direction: 'egress' | 'ingress', group: string | undefined, noneAdmits: boolean | undefined): HopStep =>
        r.pass ? { kind: 'sg', direction, passed: true, ...(group !== undefined ? { group } : {}) } : { kind: 'sg', direction, passed: false, noneAdmits: !!noneAdmits };
      if (srcSide?.nacl) hops.push({ layer: 'nacl', resource: srcSide.nacl.ref, step: nacl('outbound', r.evidence.srcNacl, sb?.srcNacl), ...blocks(sb?.srcNacl) });
      if (srcSide && srcSide.sgs.length) hops.push({ layer: 'sg', resource: (srcSide.sgs.find((g) => g.ref.logicalId === r.evidence.srcSg) ?? srcSide.sgs[0]).ref, step: sg('egress', r.evidence.srcSg, sb?.srcSg), ...blocks(sb?.srcSg) });
      if (dstSide?.nacl) hops.push({ layer: 'nacl', resource: dstSide.nacl.ref, step: nacl('inbound', r.evidence.dstNacl, sb?.dstNacl), ...blocks(sb?.dstNacl) });
      if (dstSide && dstSide.sgs.length) hops.push({ layer: 'sg', resource: (dstSide.sgs.find((g) => g.ref.logicalId === r.evidence.dstSg) ?? dstSide.sgs[0]).ref, step: sg('ingress', r.evidence.dstSg, sb?.dstSg), ...blocks(sb?.dstSg) });
      if (!r.pass && sb && !sb.srcNacl && !sb.dstNacl && !sb.srcSg && !sb.dstSg) for (const h of hops) if (h.layer === 'nacl' || h.layer === 'sg') h.blocks = true; // only together
      if (dst.kind === 'subnet' && dst.ref) hops.push({ layer: 'exit', resource: dst.ref, step: { kind: 'arrive', at: dst.name } });
      const p = r.packet;
      if (trace) {
        if (!prev) trace.first.set(key, tag!);
        trace.kept.set(key, tag!);
      }
      const flow: Flow = {
        from: src, to: dst, fromClass: src.cls, toClass: dst.cls, status: r.pass ? 'open' : 'filtered', hops, blockedBy: r.blockedBy,
        ...(p ? { packet: p, protocol: protocolName(p.protocol), ...(p.port !== undefined ? { ports: { from: p.port, to: p.port } } : {}) } : {}),
        destinations: p ? `${formatAddress(p.src)} → ${formatAddress(p.dst)}` : describeSet(dstAddrs, 3),
      };
      flowsByGroup.set(key, flow);
      if (pair) {
        if (!fromSrc) this.byPair.set(srcGroup, (fromSrc = new Map()));
        fromSrc.set(dstKey, flow);
      }
    }
  }
}
