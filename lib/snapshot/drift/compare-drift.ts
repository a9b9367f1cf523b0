/**
 * Drift: what the live account has that the templates do not, and what the templates declare that the
 * account lacks — each with its effect on tier separation, judged by running the same engine on both and
 * comparing which endpoint pairs are reachable. Drift that opens a path between tiers is an error; other
 * drift is a warning (it still means the proof of the templates no longer describes the account).
 *
 * Findings (so every report format carries them without a renderer of its own):
 * - DRIFT-OPENS-PATH (error): an endpoint pair reachable in the account but not from the templates, with
 *   the witness path and the drifted elements on it.
 * - DRIFT-ADDED: an element only the account has — an error when it lies on such a new path.
 * - DRIFT-MISSING (warning): an element only the templates declare.
 */
import type { Finding, Hop, ResourceRef } from '../../checks/finding';
import type { DriftedElement } from '../../checks/finding-text';
import type { VerifyResult } from '../../checks';
import { classKind, classTier, endpointOfClass, type ClassReach } from '../../model/reachability';
import { driftElements, type DriftElement, type Namer } from './drift-elements';

/** The drift findings' citation: this tool's post-deploy criterion (lib/checks/citations.ts). */
export const DRIFT_CITATION = 'postDeployDrift';

function drifted(e: DriftElement): DriftedElement {
  return { kind: e.kind, element: e.element };
}

export interface DriftInput {
  templates: VerifyResult;
  account: VerifyResult;
  templateNames: Namer;
  accountNames: Namer;
}

export interface Drift {
  added: DriftElement[];
  missing: DriftElement[];
  /** Matrix cells reachable in the account and not from the templates. */
  opened: ClassReach[];
  /** Matrix cells reachable from the templates and not in the account (connectivity the account lacks). */
  closed: ClassReach[];
  findings: Finding[];
}

function refId(r: ResourceRef): string {
  return `${r.stack}::${r.logicalId}`;
}

/** Crossing the separation: two different tiers, or the internet and a closed tier. */
function crossesTiers(cell: ClassReach): boolean {
  const a = classTier(cell.from);
  const b = classTier(cell.to);
  if (classKind(cell.from) === 'internet' || classKind(cell.to) === 'internet') return (a ?? b) !== 'internet';
  return a !== b;
}

export function compareDrift(input: DriftInput): Drift {
  const before = driftElements(input.templates.model, input.templateNames, 'templates');
  const after = driftElements(input.account.model, input.accountNames, 'account');
  const added = [...after.values()].filter((e) => !before.has(e.id));
  const missing = [...before.values()].filter((e) => !after.has(e.id));
  const pairs = (cells: ClassReach[], pick: (c: ClassReach) => boolean): Set<string> => new Set(cells.filter(pick).map((c) => `${c.from}|${c.to}`));
  const wasReachable = pairs(input.templates.matrix, (c) => c.reachable);
  const wasRouted = pairs(input.templates.matrix, (c) => c.routeConnected);
  const now = pairs(input.account.matrix, (c) => c.reachable);
  // A pair opens when packets now arrive, or when routes now connect it and only NACLs / security groups stop them.
  const opened = input.account.matrix.filter((c) => (c.reachable && !wasReachable.has(`${c.from}|${c.to}`)) || (c.routeConnected && !wasRouted.has(`${c.from}|${c.to}`)));
  const closed = input.templates.matrix.filter((c) => c.reachable && !now.has(`${c.from}|${c.to}`));

  const findings: Finding[] = [];
  /** Added elements on the witness of a newly opened crossing, with the cell they open. */
  const onNewPath = new Map<string, ClassReach>();
  for (const cell of opened) {
    const crossing = crossesTiers(cell);
    const hops = witness(input.account, cell);
    const hopRefs = new Set(hops.map((h) => refId(h.resource)));
    const hopOwners = new Set(hops.map((h) => refId(h.resource).split(' ')[0]));
    const responsible = added.filter((e) => hopRefs.has(refId(e.ref))).concat(added.filter((e) => !hopRefs.has(refId(e.ref)) && hopOwners.has(refId(e.ref).split(' ')[0])));
    if (crossing) for (const e of responsible) if (!onNewPath.has(e.id)) onNewPath.set(e.id, cell);
    findings.push({
      rule: 'DRIFT-OPENS-PATH',
      severity: crossing ? 'error' : 'warning',
      text: { key: 'drift-opens-path', from: cell.from, to: cell.to, crossing, reachable: cell.reachable, blockedBy: cell.blockedBy, changes: responsible.map(drifted) },
      from: endpointOfClass(cell.from),
      to: endpointOfClass(cell.to),
      direction: 'one-way',
      path: hops,
      stillBlockedBy: cell.reachable ? [] : cell.blockedBy,
      ...(responsible[0] ? { resource: responsible[0].ref } : hops[0] ? { resource: hops[0].resource } : {}),
      citation: DRIFT_CITATION,
    });
  }
  for (const e of added) {
    const cell = onNewPath.get(e.id);
    findings.push({
      rule: 'DRIFT-ADDED',
      severity: cell ? 'error' : 'warning',
      text: { key: 'drift-added', drifted: drifted(e), ...(cell ? { opens: { from: cell.from, to: cell.to } } : {}) },
      from: { kind: 'resource', resource: e.ref },
      to: { kind: 'resource', resource: e.ref },
      direction: 'one-way',
      path: [],
      stillBlockedBy: [],
      resource: e.ref,
      citation: DRIFT_CITATION,
    });
  }
  for (const e of missing) {
    const protective = /deny|blackhole/.test(e.id);
    findings.push({
      rule: 'DRIFT-MISSING',
      severity: 'warning',
      text: { key: 'drift-missing', drifted: drifted(e), protective, ...(closed.length ? { lacks: { count: closed.length, from: closed[0].from, to: closed[0].to } } : {}) },
      from: { kind: 'resource', resource: e.ref },
      to: { kind: 'resource', resource: e.ref },
      direction: 'one-way',
      path: [],
      stillBlockedBy: [],
      resource: e.ref,
      citation: DRIFT_CITATION,
    });
  }
  return { added, missing, opened, closed, findings };
}

function witness(result: VerifyResult, cell: ClassReach): Hop[] {
  const flow = result.flows.find((f) => f.status === (cell.reachable ? 'open' : 'filtered') && f.fromClass === cell.from && f.toClass === cell.to);
  return flow?.hops ?? cell.witness;
}
