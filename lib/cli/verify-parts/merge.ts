/**
 * Merges the parts' results into the result one model of the whole input gives, or says why it cannot.
 *
 * One model's walk keeps, per flow key, the first open witness, else the first filtered one, at the place the
 * key was first found; a later consideration of a key already open is skipped (flow-judge.ts). Parts are
 * disjoint sets of templates no walk leaves, so each source walks alike in its part and in the whole, and the
 * whole's flows are the parts' flows merged by their tags: a key's place is its earliest `first`, its witness
 * the earliest open `kept`, else the earliest filtered. A sanctioned flow stands where no part found its key
 * open before it. The matrix is then built as buildMatrix builds it; coverage notes as buildModel writes them.
 *
 * Not merged (undefined: the caller judges the whole input as one model): any finding (their order and
 * wording depend on rules run over the whole), a rule whose whole-input condition (several municipalities,
 * a prefecture hub) differs from a part's, a rule that joins facts of two parts by value (TIER-JOIN-EDGE: two
 * tiers at one customer gateway address or Direct Connect gateway id; SERVICE-RELAY: a tier's endpoint to an
 * AWS service and a relay of that service), an incomplete tag, a key found in two parts that is not a shared
 * place, or a coverage note other than those every model writes alike.
 */
import type { ClassReach, Flow } from '../../model/reachability';
import { firstFlowsPerPair, matrixCells, screenTransferCell } from '../../model/reachability';
import type { CoverageItem } from '../../model/coverage-note';
import { compareTags, type OrderTag } from '../../model/facts/insertion-order';
import type { PartResult } from './part-result';
import { shareable } from './part-result';

export interface MergedParts {
  matrix: ClassReach[];
  sanctionedFlows: Flow[];
  coverage: CoverageItem[];
  resources: number;
  networkResources: number;
}

export type MergeOutcome = { merged: MergedParts } | { whole: string };

const earliest = <T>(items: T[], tag: (t: T) => OrderTag): T | undefined => items.reduce<T | undefined>((a, b) => (a === undefined || compareTags(tag(b), tag(a)) < 0 ? b : a), undefined);

export function mergeParts(parts: readonly PartResult[]): MergeOutcome {
  if (parts.some((p) => p.findings > 0)) return { whole: 'findings' };
  if (parts.some((p) => !p.complete)) return { whole: 'order tags incomplete' };
  const names = new Set(parts.flatMap((p) => p.gates.municipalities));
  const multi = parts.some((p) => p.gates.hubMembership) || names.size > 1;
  const hubs = parts.some((p) => p.gates.hubVpcs);
  for (const p of parts) {
    if ((p.gates.hubMembership || p.gates.municipalities.length > 1) !== multi) return { whole: 'several municipalities in the whole, not in a part' };
    if (p.gates.hubVpcs !== hubs) return { whole: 'a prefecture hub in the whole, not in a part' };
  }
  // TIER-JOIN-EDGE: two tiers at one edge across parts is the whole's finding, in no part's.
  const edges = new Map<string, Set<string>>();
  for (const p of parts) for (const [edge, tiers] of p.gates.edges) for (const t of tiers) edges.set(edge, (edges.get(edge) ?? new Set()).add(t));
  if ([...edges.values()].some((tiers) => tiers.size > 1)) return { whole: 'an on-premises edge of two tiers across parts' };
  // SERVICE-RELAY: a tier's endpoint to a service in one part, a relay of that service in another.
  for (const [i, p] of parts.entries()) {
    if (p.gates.endpointServices.some((s) => parts.some((q, j) => j !== i && q.gates.relayServices.includes(s)))) return { whole: 'an endpoint and a relay of one service in two parts' };
  }
  const coverage = mergeCoverage(parts);
  if (!coverage) return { whole: 'coverage notes' };

  // Every key: its parts' summaries and full flows.
  interface Seen { part: number; summary: PartResult['flows'][number]; flow?: Flow }
  const byKey = new Map<string, Seen[]>();
  parts.forEach((p, part) => {
    const full = new Map(p.candidates);
    for (const s of p.flows) {
      const list = byKey.get(s.key);
      const seen: Seen = { part, summary: s, ...(full.has(s.key) ? { flow: full.get(s.key)! } : {}) };
      if (list) list.push(seen);
      else byKey.set(s.key, [seen]);
    }
  });
  interface Merged { key: string; fromClass: string; toClass: string; first: OrderTag; status: Flow['status']; witness?: Flow; openAt?: OrderTag }
  const merged: Merged[] = [];
  for (const [key, seen] of byKey) {
    if (seen.length > 1 && !shareable(key)) return { whole: `flow ${key} in two parts` };
    const open = earliest(seen.filter((s) => s.summary.status === 'open'), (s) => s.summary.kept);
    const kept = open ?? earliest(seen, (s) => s.summary.kept)!;
    merged.push({
      key, fromClass: kept.summary.fromClass, toClass: kept.summary.toClass, first: earliest(seen, (s) => s.summary.first)!.summary.first,
      status: open ? 'open' : 'filtered', ...(kept.flow ? { witness: kept.flow } : {}), ...(open ? { openAt: open.summary.kept } : {}),
    });
  }
  merged.sort((a, b) => compareTags(a.first, b.first));

  // The matrix as buildMatrix builds it, from the merged flows' witnesses; the screen-transfer cell from the
  // earliest desktop entry and Client VPN of any part.
  const first = firstFlowsPerPair(merged);
  for (const { open, filtered } of first.values()) {
    const chosen = open ?? filtered;
    if (chosen && !chosen.witness) return { whole: `no witness sent for ${chosen.key}` };
  }
  const witnesses = new Map([...first].map(([k, { open, filtered }]) => [k, { ...(open ? { open: open.witness! } : {}), ...(filtered ? { filtered: filtered.witness! } : {}) }]));
  const matrix = matrixCells(witnesses, (from, to, tier) => {
    const screens = parts.map((p) => p.screen.find((s) => s.tier === tier)!);
    const entry = earliest(screens.filter((s) => s.entry), (s) => s.entry!.tag)?.entry;
    if (!entry) return undefined;
    const vpn = earliest(screens.filter((s) => s.vpn), (s) => s.vpn!.tag)?.vpn;
    return screenTransferCell(from, to, entry.ref, screens.some((s) => s.streaming), vpn ? { endpoint: vpn.endpoint, authentication: vpn.authentication } : undefined);
  });

  // Sanctioned flows: a part's first for a key stands unless the key was open (in any part) before it.
  const openAt = new Map(merged.filter((m) => m.openAt).map((m) => [m.key, m.openAt!]));
  const sanctioned = new Map<string, { tag: OrderTag; flow: Flow }>();
  for (const p of parts) {
    for (const s of p.sanctioned) {
      const opened = openAt.get(s.key);
      if (opened && compareTags(opened, s.tag) < 0) continue;
      const prev = sanctioned.get(s.key);
      if (!prev || compareTags(s.tag, prev.tag) < 0) sanctioned.set(s.key, s);
    }
  }
  const sanctionedFlows = [...sanctioned.values()].sort((a, b) => compareTags(a.tag, b.tag)).map((s) => s.flow);
  return {
    merged: {
      matrix, sanctionedFlows, coverage,
      resources: parts.reduce((a, p) => a + p.resources, 0),
      networkResources: parts.reduce((a, p) => a + p.networkResources, 0),
    },
  };
}

/**
 * buildModel writes: the standing limits, then the package's own custom resources (each type once, sorted),
 * then the WorkSpaces-created group when any desktop exists. A part with any other note is not merged.
 */
function mergeCoverage(parts: readonly PartResult[]): CoverageItem[] | undefined {
  const standing = parts[0].coverage.filter((n) => typeof n === 'object' && n.key === 'standing');
  const packageTypes = new Map<string, CoverageItem>();
  let workspaces: CoverageItem | undefined;
  for (const p of parts) {
    const own = p.coverage.filter((n) => typeof n === 'object' && n.key === 'standing');
    const pkg = p.coverage.filter((n) => typeof n === 'object' && n.key === 'package-custom-resource');
    const ws = p.coverage.filter((n) => typeof n === 'object' && n.key === 'workspaces-security-group');
    if (JSON.stringify([...own, ...pkg, ...ws]) !== JSON.stringify(p.coverage) || JSON.stringify(own) !== JSON.stringify(standing)) return undefined;
    for (const n of pkg) packageTypes.set((n as { type: string }).type, n);
    if (ws.length) workspaces = ws[0];
  }
  const pkgSorted = [...packageTypes.keys()].sort().map((t) => packageTypes.get(t)!);
  return [...standing, ...pkgSorted, ...(workspaces ? [workspaces] : [])];
}
