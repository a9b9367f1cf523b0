/**
 * The stateful and stateless filters on a path: the source subnet's NACL (outbound) and security
 * groups (egress), the destination subnet's NACL (inbound) and security groups (ingress). Answers
 * "is there ANY packet (addresses, protocol, port) that all of them let through?" exactly, by testing
 * one representative of each equivalence class of addresses and ports the rules distinguish.
 */
import type { Layer, NaclReason } from '../path';
import { EMPTY, type IntervalSet, V4_BASE, contains, intersect, subtract, union } from '../../cidr/address-sets';
import type { NaclEntryFact, NaclFact, SgFact, SgRuleFact } from '../facts/types';
import { presentableAddress, presentablePort } from './witness-packet';

export interface FilterSide {
  nacl?: NaclFact;
  /** Candidate security groups (any of them may be on the interface). */
  sgs: SgFact[];
  /**
   * The NACL's entries of each direction in rule-number order, when the caller has them (the flow judge
   * sorts each NACL once per analysis, not once per search); sorted here otherwise.
   */
  naclOrder?: { outbound: NaclEntryFact[]; inbound: NaclEntryFact[] };
}

export interface Packet {
  protocol: number;
  port?: number;
  src: bigint;
  dst: bigint;
}

export interface FilterQuery {
  srcAddrs: IntervalSet;
  dstAddrs: IntervalSet;
  src?: FilterSide;
  dst?: FilterSide;
  /** Packets (protocol + port ranges) a sanctioned channel allows: not counted as crossings. */
  excluded?: Array<{ protocol: number; from: number; to: number; /** Only packets to these addresses (all when absent). */ dst?: IntervalSet }>;
}

export interface FilterResult {
  pass: boolean;
  packet?: Packet;
  /** When not passing: layers that block. */
  blockedBy: Layer[];
  /** When not passing: which side's layer alone would stop every packet (for marking hops). */
  sideBlocks?: { srcNacl: boolean; srcSg: boolean; dstNacl: boolean; dstSg: boolean };
  /** The deciding NACL entry / SG on the witness, for the hop descriptions. */
  evidence: { srcNacl?: NaclReason; srcSg?: string; dstNacl?: NaclReason; dstSg?: string };
}

/** Protocols always tried; every protocol a rule names is added, plus 253 standing for "any other". */
const BASE_PROTOCOLS = [6, 17, 1, 58, 253];

function protocolsOf(q: FilterQuery): number[] {
  const out = new Set(BASE_PROTOCOLS);
  for (const side of [q.src, q.dst]) {
    if (!side) continue;
    side.nacl?.entries.forEach((e) => e.protocol >= 0 && out.add(e.protocol));
    for (const sg of side.sgs) {
      for (const r of sg.ingress) if (r.protocol >= 0) out.add(r.protocol);
      for (const r of sg.egress) if (r.protocol >= 0) out.add(r.protocol);
    }
  }
  return [...out];
}

function protoMatch(ruleProto: number, p: number): boolean {
  return ruleProto === -1 || ruleProto === p;
}

function portMatch(r: { ports?: { from: number; to: number } }, port: number | undefined): boolean {
  return !r.ports || port === undefined || (port >= r.ports.from && port <= r.ports.to);
}

export function sortedEntries(n: NaclFact, egress: boolean): NaclEntryFact[] {
  return n.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
}

/**
 * NACL: first matching entry by rule number decides; no match denies. A default NACL allows all.
 * The search asks this for every representative packet, so it answers with the deciding entry (or none)
 * and the reason is written only for the packet a witness prints (naclReason).
 */
function naclMatch(entries: NaclEntryFact[] | undefined, addr: bigint, proto: number, port: number | undefined): NaclEntryFact | undefined {
  if (!entries) return undefined;
  for (const e of entries) {
    if (protoMatch(e.protocol, proto) && portMatch(e, port) && contains(e.cidr, addr)) return e;
  }
  return undefined;
}

function naclAllows(entries: NaclEntryFact[] | undefined, match: NaclEntryFact | undefined): boolean {
  return !entries || (match !== undefined && match.allow);
}

function naclReason(entries: NaclEntryFact[] | undefined, match: NaclEntryFact | undefined): NaclReason {
  if (!entries) return { kind: 'default' };
  return match ? { kind: 'rule', rule: match.ruleNumber, allow: match.allow, cidr: match.cidrText } : { kind: 'implicit-deny' };
}

function sgRuleMatches(r: SgRuleFact, addr: bigint, peerGroup: string | undefined, proto: number, port: number | undefined): boolean {
  if (!protoMatch(r.protocol, proto) || !portMatch(r, port)) return false;
  if (r.group !== undefined) return r.group === peerGroup;
  return r.cidr !== undefined && contains(r.cidr, addr);
}

function sgAllows(rules: SgRuleFact[], addr: bigint, peerGroup: string | undefined, proto: number, port: number | undefined): boolean {
  return rules.some((r) => sgRuleMatches(r, addr, peerGroup, proto, port));
}

/**
 * Representatives of the address classes that `sets` distinguish inside `within`: the boundaries of each
 * set clipped to `within`, plus one address covered by no set. Cost follows the rules, not the size of
 * `within` (which may be a whole prefecture's on-premises ranges).
 *
 * Boundaries that fall in the same class (inside exactly the same sets, same address family) behave alike
 * in every test the search makes, so only the first of each class, in address order, is kept: a rule for
 * 0.0.0.0/0 clipped to a prefecture's 179 on-premises ranges gives 179 boundaries and one class. The search
 * tries representatives in ascending order and stops at the first packet through, so keeping the first
 * of each class finds the same packet.
 */
function representatives(within: IntervalSet, sets: IntervalSet[]): { reps: bigint[]; cuts: bigint[] } {
  const cuts: bigint[] = [];
  const clippedSets: IntervalSet[] = [];
  const pieces: Array<readonly [bigint, bigint]> = [];
  const seen = new Set<IntervalSet>();
  let coversAll = false;
  for (const s of sets) {
    const clipped = intersect(s, within);
    // The same set twice cuts and classifies alike; a set covering all of `within` cuts at the start of each
    // of its intervals (their ends are never followed by an address of `within`) and classifies nothing.
    if (seen.has(clipped)) continue;
    seen.add(clipped);
    if (clipped === within) {
      // Its cuts, the start of each interval of `within`, are merged in below: they already ascend.
      coversAll = true;
      continue;
    }
    for (const piece of clipped) {
      const lo = piece[0];
      cuts.push(lo);
      const after = piece[1] + 1n;
      if (contains(within, after)) cuts.push(after);
      pieces.push(piece);
    }
    clippedSets.push(clipped);
  }
  // One address no rule mentions (all such addresses of one family behave alike): the lowest, in one pass over
  // both lists — and the lowest IPv4 one too. A packet never mixes families, so without it a dual-stack side
  // that no rule distinguishes would be tried with an IPv6 address only, and every IPv4 packet missed.
  const uncovered = coversAll ? EMPTY : subtract(within, union(EMPTY, pieces));
  if (uncovered.length) cuts.push(uncovered[0][0]);
  const uncoveredV4 = uncovered.find(([, hi]) => hi >= V4_BASE);
  if (uncoveredV4) cuts.push(uncoveredV4[0] > V4_BASE ? uncoveredV4[0] : V4_BASE);
  // The families are classes of their own where one interval holds both (a whole-address-space `within`).
  if (contains(within, V4_BASE) && contains(within, V4_BASE - 1n)) cuts.push(V4_BASE);
  // Sorting only the other sets' few cuts and merging in `within`'s starts gives the same list as sorting them
  // all: a search toward a prefecture's on-premises ranges has ~180 starts, and comparing bigints is not cheap.
  const sorted = coversAll ? mergeStarts(ascendingUnique(cuts), within) : ascendingUnique(cuts);
  // The search tries `reps`; a witness is printed from its segment between consecutive `cuts` (witness-packet.ts).
  return { reps: firstOfEachClass(sorted, clippedSets), cuts: sorted };
}

/** Addresses in ascending order, each once (sorting a list is cheaper than hashing bigints into a set). */
function ascendingUnique(xs: bigint[]): bigint[] {
  if (xs.length < 2) return xs;
  xs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let n = 1;
  for (let i = 1; i < xs.length; i++) if (xs[i] !== xs[n - 1]) xs[n++] = xs[i];
  xs.length = n;
  return xs;
}

/** Ascending unique addresses and the starts of a set's intervals (ascending, unique), as one ascending unique list. */
function mergeStarts(xs: bigint[], set: IntervalSet): bigint[] {
  const out: bigint[] = [];
  let i = 0;
  let j = 0;
  while (i < xs.length || j < set.length) {
    const x = j >= set.length || (i < xs.length && xs[i] < set[j][0]) ? xs[i++] : set[j++][0];
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

/**
 * Keeps, of addresses in ascending order, the first of each class: same family, inside the same sets.
 * Classes are refined set by set (class and membership → a new class number), which tells exactly the
 * addresses whose family and memberships all agree, without writing the memberships out.
 */
function firstOfEachClass(sorted: bigint[], sets: IntervalSet[]): bigint[] {
  if (sorted.length < 2) return sorted;
  const n = sorted.length;
  const cls = new Array<number>(n);
  for (let i = 0; i < n; i++) cls[i] = sorted[i] >= V4_BASE ? 1 : 0;
  const refined = new Map<number, number>();
  for (const set of sets) {
    refined.clear();
    // Both lists ascend: one pass per set.
    let j = 0;
    for (let i = 0; i < n; i++) {
      const a = sorted[i];
      while (j < set.length && set[j][1] < a) j++;
      const key = cls[i] * 2 + (j < set.length && set[j][0] <= a ? 1 : 0);
      let c = refined.get(key);
      if (c === undefined) refined.set(key, (c = refined.size));
      cls[i] = c;
    }
  }
  const taken = new Array<boolean>(n).fill(false);
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    if (taken[cls[i]]) continue;
    taken[cls[i]] = true;
    out.push(sorted[i]);
  }
  return out;
}

function portReps(q: FilterQuery, proto: number): Array<number | undefined> {
  if (proto !== 6 && proto !== 17) return [undefined];
  const cuts = new Set<number>([0]);
  const add = (r: { ports?: { from: number; to: number } }): void => {
    if (r.ports) {
      cuts.add(r.ports.from);
      cuts.add(r.ports.to + 1);
    }
  };
  for (const side of [q.src, q.dst]) {
    if (!side) continue;
    side.nacl?.entries.forEach(add);
    for (const sg of side.sgs) {
      sg.ingress.forEach(add);
      sg.egress.forEach(add);
    }
  }
  for (const x of q.excluded ?? []) if (x.protocol === proto) add({ ports: { from: x.from, to: x.to } });
  return [...cuts].filter((p) => p <= 65535).sort((a, b) => a - b);
}

interface Mode {
  srcNacl: boolean;
  dstNacl: boolean;
  srcSg: boolean;
  dstSg: boolean;
}

/** No sanctioned channel applies (shared: most searches have none, and it is only read). */
const NO_EXCLUSIONS: NonNullable<FilterQuery['excluded']> = [];

const ALL_LAYERS: Mode = { srcNacl: true, dstNacl: true, srcSg: true, dstSg: true };
const NONE: Mode = { srcNacl: false, dstNacl: false, srcSg: false, dstSg: false };

function search(q: FilterQuery, mode: Mode): { packet: Packet; evidence: FilterResult['evidence'] } | undefined {
  const srcOut = mode.srcNacl && q.src?.nacl && !q.src.nacl.isDefault ? (q.src.naclOrder?.outbound ?? sortedEntries(q.src.nacl, true)) : undefined;
  const dstIn = mode.dstNacl && q.dst?.nacl && !q.dst.nacl.isDefault ? (q.dst.naclOrder?.inbound ?? sortedEntries(q.dst.nacl, false)) : undefined;
  const dstSets: IntervalSet[] = [];
  const srcSets: IntervalSet[] = [];
  srcOut?.forEach((e) => dstSets.push(e.cidr));
  dstIn?.forEach((e) => srcSets.push(e.cidr));
  q.src?.sgs.forEach((sg) => sg.egress.forEach((r) => r.cidr && dstSets.push(intersect(r.cidr, q.dstAddrs))));
  q.dst?.sgs.forEach((sg) => sg.ingress.forEach((r) => r.cidr && srcSets.push(intersect(r.cidr, q.srcAddrs))));
  (q.excluded ?? []).forEach((x) => x.dst && dstSets.push(x.dst));
  const { reps: dReps, cuts: dCuts } = representatives(q.dstAddrs, dstSets);
  const { reps: sReps, cuts: sCuts } = representatives(q.srcAddrs, srcSets);
  const srcSgs: Array<SgFact | undefined> = q.src && mode.srcSg ? q.src.sgs : [undefined];
  const dstSgs: Array<SgFact | undefined> = q.dst && mode.dstSg ? q.dst.sgs : [undefined];
  for (const proto of protocolsOf(q)) {
    const ports = portReps(q, proto);
    for (const port of ports) {
      const sanctioned = port === undefined || !q.excluded?.length ? NO_EXCLUSIONS : q.excluded.filter((x) => x.protocol === proto && port >= x.from && port <= x.to);
      if (sanctioned.some((x) => !x.dst)) continue;
      for (const d of dReps) {
        if (sanctioned.some((x) => x.dst && contains(x.dst, d))) continue;
        const dFamilyV4 = d >= 1n << 128n;
        if ((proto === 1 && !dFamilyV4) || (proto === 58 && dFamilyV4)) continue;
        const out = naclMatch(srcOut, d, proto, port);
        if (!naclAllows(srcOut, out)) continue;
        for (const sgA of srcSgs) {
          for (const sgB of dstSgs) {
            if (sgA && !sgAllows(sgA.egress, d, sgB?.key, proto, port)) continue;
            for (const s of sReps) {
              if ((s >= 1n << 128n) !== dFamilyV4) continue;
              const inn = naclMatch(dstIn, s, proto, port);
              if (!naclAllows(dstIn, inn)) continue;
              if (sgB && !sgAllows(sgB.ingress, s, sgA?.key, proto, port)) continue;
              // Any member of the classes found is an equally true witness: print one that can be sent.
              return {
                packet: { protocol: proto, port: presentablePort(proto, port, ports.filter((x): x is number => x !== undefined)), src: presentableAddress(s, sCuts, q.srcAddrs), dst: presentableAddress(d, dCuts, q.dstAddrs) },
                evidence: {
                  ...(q.src?.nacl ? { srcNacl: naclReason(srcOut, out) } : {}),
                  ...(sgA ? { srcSg: sgA.ref.logicalId } : {}),
                  ...(q.dst?.nacl ? { dstNacl: naclReason(dstIn, inn) } : {}),
                  ...(sgB ? { dstSg: sgB.ref.logicalId } : {}),
                },
              };
            }
          }
        }
      }
    }
  }
  return undefined;
}

export function evaluateFilters(q: FilterQuery): FilterResult {
  if (q.srcAddrs.length === 0 || q.dstAddrs.length === 0) return { pass: false, blockedBy: ['route'], evidence: {} };
  const full = search(q, ALL_LAYERS);
  if (full) return { pass: true, packet: full.packet, blockedBy: [], evidence: full.evidence };
  return explainBlocked(q);
}

/**
 * The first packet every layer lets through, or undefined: evaluateFilters without the explanation of a
 * block. Where a witness is already kept, only "does some packet pass now?" matters, and explaining a block
 * costs six more exhaustive searches.
 */
export function findPacket(q: FilterQuery): Pick<FilterResult, 'packet' | 'evidence'> | undefined {
  if (q.srcAddrs.length === 0 || q.dstAddrs.length === 0) return undefined;
  return search(q, ALL_LAYERS);
}

/** For a query no packet passes (addresses on both sides): which layers, on which side, stop every packet. */
export function explainBlocked(q: FilterQuery): FilterResult {
  // Which single layer, on which side, stops every packet on its own (defence-in-depth evidence).
  const alone = (m: Partial<Mode>): boolean => !search(q, { ...NONE, ...m });
  const sideBlocks = {
    srcNacl: !!q.src?.nacl && alone({ srcNacl: true }),
    dstNacl: !!q.dst?.nacl && alone({ dstNacl: true }),
    srcSg: !!q.src && alone({ srcSg: true }),
    dstSg: !!q.dst && alone({ dstSg: true }),
  };
  const blockedBy: Layer[] = [];
  if (sideBlocks.srcNacl || sideBlocks.dstNacl || alone({ srcNacl: true, dstNacl: true })) blockedBy.push('nacl');
  if (sideBlocks.srcSg || sideBlocks.dstSg || alone({ srcSg: true, dstSg: true })) blockedBy.push('sg');
  if (blockedBy.length === 0) blockedBy.push('nacl', 'sg'); // only their combination blocks
  return { pass: false, blockedBy, sideBlocks, evidence: {} };
}
