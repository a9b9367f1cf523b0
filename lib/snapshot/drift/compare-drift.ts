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
import type { VerifyResult } from '../../checks';
import { classKind, classTier, endpointOfClass, type ClassReach } from '../../model/reachability';
import { TIER_LABELS } from '../../tiers/tier';
import { driftElements, type DriftElement, type Namer } from './drift-elements';

export const DRIFT_CITATION =
  'closed-telework post-deploy check: the account must be what the proven templates describe; a change made outside them is not covered by their proof / デプロイ後の確認：環境は検証済みテンプレートどおりであること。テンプレート外の変更は検証の対象外になる';

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

function className(c: ClassReach['from']): string {
  const t = classTier(c);
  const kind = classKind(c);
  if (kind === 'internet') return 'the internet (インターネット)';
  const label = `${TIER_LABELS[t!].en} (${TIER_LABELS[t!].ja})`;
  return kind === 'tier' ? label : kind === 'on-prem' ? `the on-premises network of the ${label}` : `telework clients of the ${label}`;
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
    const list = responsible.length ? responsible.map((e) => `  - ${e.id}`).join('\n') : '  (no single listed change is on the witness path; see the DRIFT-ADDED / DRIFT-MISSING findings)';
    findings.push({
      rule: 'DRIFT-OPENS-PATH',
      severity: crossing ? 'error' : 'warning',
      title: crossing
        ? 'The account has a path between tiers that the templates do not / テンプレートにない系間の経路が環境にある'
        : 'The account has a path the templates do not / テンプレートにない経路が環境にある',
      message:
        (cell.reachable
          ? `${className(cell.from)} can reach ${className(cell.to)} in the account, but not in the templates the proof judged. `
          : `Routes now connect ${className(cell.from)} to ${className(cell.to)} in the account, which they do not in the templates; only ${cell.blockedBy.join(' and ')} stop(s) every packet today (one changed rule away from a crossing). `) +
        `Changes on the witness path:\n${list}\n` +
        `Fix: undo the change in the account (or, if it is wanted, make it in the templates so the proof judges it), then take a new snapshot. ` +
        `/ 検証済みテンプレートでは到達できない経路が、実際の環境にあります。変更を取り消すか、必要な変更ならテンプレートに反映して再検証してください。`,
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
      title: `${cell ? 'Opens a path between tiers: ' : ''}${e.kind} in the account but not in the templates / テンプレートにない${e.kind}`,
      message:
        `The account has ${e.id}, which no template declares (made in the console, by a script, or by a stack that was not given). ` +
        (cell ? `It is on the new path from ${className(cell.from)} to ${className(cell.to)}. ` : 'It opens no path between tiers by itself today, but the proof of the templates does not cover it. ') +
        'Fix: remove it, or declare it in the templates and verify them again. / テンプレートにない設定が環境にあります。削除するか、テンプレートに反映して再検証してください。',
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
      title: `${e.kind} declared in the templates but not in the account / 環境にない${e.kind}`,
      message:
        `The templates declare ${e.id}, and the account does not have it. ` +
        (protective ? 'It is one of the layers that keeps the tiers apart: without it the account has less defence in depth than the proof assumed. ' : '') +
        (closed.length ? `The account lacks ${closed.length} connection(s) the templates provide (e.g. ${className(closed[0].from)} → ${className(closed[0].to)}). ` : '') +
        'Fix: deploy the templates again (cdk deploy), or find who removed it. / テンプレートにある設定が環境にありません。再デプロイするか、削除した経緯を確認してください。',
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
