/**
 * Turns the engine's VerifyResult into the report's view: a verdict for every matrix cell, and the diagram
 * drawn from the model's VPCs, transit gateways, external links, Client VPN endpoints and the links that
 * join them.
 *
 * Verdicts: a cell is a `violation` when an error finding is about that pair (a forbidden path, or a
 * construct that joins two tiers even where a filter blocks it today); otherwise `permitted` when
 * something arrives (the policy allows it, or it is screen transfer only), `isolated` when nothing does.
 * A pair the engine did not report stays out, and every renderer shows it as unresolved (fail closed).
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { Finding, ResourceRef } from '../checks/finding';
import type { VerifyResult } from '../checks';
import { isTier } from '../tiers/tier';
import type { NetworkModel } from '../model/facts/types';
import { declaredTier, subnetTier, vgwTiers, vpcTier } from '../model/tier-of';
import type { Flow } from '../model/reachability';
import type { TierPolicy } from '../policy/schema';
import type { Tier } from '../tiers/tier';
import { intersect, isEmpty, parseCidr, setOf, subtract } from '../cidr/address-sets';
import { endKey, endOfKey, INTERNET_NODE, matrixEndOf, type DiagramLink, type DiagramModel, type DiagramNode, type MatrixCell, type ReportInput } from './report-input';

function refKey(r: ResourceRef): string {
  return `${r.stack}::${r.logicalId}`;
}

/** Indexes of the error findings about the ordered pair (from, to); a two-way finding counts both ways. */
function findingsAbout(findings: readonly Finding[], from: string, to: string): number[] {
  const out: number[] = [];
  findings.forEach((f, i) => {
    if (f.severity !== 'error') return;
    const a = matrixEndOf(f.from);
    const b = matrixEndOf(f.to);
    if (!a || !b) return;
    const forward = endKey(a) === from && endKey(b) === to;
    const backward = f.direction === 'both' && endKey(a) === to && endKey(b) === from;
    if (forward || backward) out.push(i);
  });
  return out;
}

/**
 * The matrix ends the templates build: a tier's networks (a VPC of that tier), its on-premises network (a
 * link — VGW, VPN, Direct Connect, TGW VPN/DX attachment — of that tier), its telework clients (a desktop,
 * directory, streaming endpoint or Client VPN endpoint in that tier), and always the internet.
 */
export function configuredEnds(model: NetworkModel): Set<string> {
  const out = new Set<string>(['internet']);
  for (const v of model.vpcs.values()) if (v.tier) out.add(`tier:${v.tier}`);
  for (const l of model.links.values()) {
    if (l.kind === 'cgw') continue;
    const tiers = l.kind === 'vgw' ? [...vgwTiers(model, l.key)] : [declaredTier(l.tierTag)];
    for (const t of tiers) if (t) out.add(`on-prem:${t}`);
  }
  for (const a of model.tgwAttachments.values()) {
    const t = a.kind === 'vpn' || a.kind === 'dx' ? declaredTier(a.tierTag) : undefined;
    if (t) out.add(`on-prem:${t}`);
  }
  for (const e of model.teleworkEntries) {
    if (e.kind === 'internet-facing-load-balancer') continue;
    for (const t of [vpcTier(model, e.vpc), ...e.subnets.map((s) => subnetTier(model, s))]) if (t) out.add(`telework:${t}`);
  }
  for (const c of model.clientVpns.values()) {
    const t = vpcTier(model, c.vpc ?? model.subnets.get(c.associations[0]?.subnet ?? '')?.vpc);
    if (t) out.add(`telework:${t}`);
  }
  return out;
}

/** The tier's telework subnets: where its desktops, directory and streaming endpoint sit. */
function teleworkSubnets(model: NetworkModel, tier: Tier): Set<string> {
  const out = new Set<string>();
  for (const e of model.teleworkEntries) {
    if (e.kind === 'client-vpn' || e.kind === 'internet-facing-load-balancer') continue;
    for (const s of e.subnets) if (subnetTier(model, s) === tier) out.add(s);
  }
  return out;
}

const CLIENT_VPN_PLACE = 'telework:client-vpn:';

/**
 * Whether telework clients of `tier` come from where the tier policy declares them: a closed pool the policy
 * names (it is the policy's own place), or a Client VPN whose client range lies inside a pool the policy
 * declares for that tier `via: client-vpn`. Without the policy nothing counts as declared (fail closed: △).
 */
function declaredSource(flow: Flow, tier: Tier, model: NetworkModel, policy: TierPolicy | undefined): boolean {
  if (!policy) return false;
  if (flow.from.name.kind === 'telework-pool') return policy.teleworkClients.some((p) => p.name === (flow.from.name as { pool: string }).pool && p.tier === tier);
  if (!flow.from.id.startsWith(CLIENT_VPN_PLACE)) return false;
  const vpn = model.clientVpns.get(flow.from.id.slice(CLIENT_VPN_PLACE.length));
  if (!vpn?.clientCidr) return false;
  const declared = setOf(policy.teleworkClients.filter((p) => p.tier === tier && p.via === 'client-vpn').flatMap((p) => p.cidrs.map((c) => parseCidr(c)).filter((c) => c !== undefined)));
  const clients = setOf([vpn.clientCidr]);
  return !isEmpty(intersect(clients, declared)) && isEmpty(subtract(clients, declared));
}

/**
 * The declared telework arrival of a telework → own-tier cell reached by packets: every packet that arrives
 * comes from declared clients and lands in one of the tier's telework subnets. Undefined as soon as one arrival
 * is anything else (another subnet, undeclared clients), or when no flow is known (then the cell stays △).
 */
function declaredTeleworkArrival(cell: MatrixCell, flows: readonly Flow[], model: NetworkModel, policy: TierPolicy | undefined): MatrixCell['declaredTelework'] {
  if (cell.verdict !== 'permitted' || cell.via === 'desktop-streaming' || cell.from.kind !== 'telework-clients' || cell.to.kind !== 'tier' || cell.from.tier !== cell.to.tier) return undefined;
  const tier = cell.to.tier;
  const arrivals = flows.filter((f) => f.status === 'open' && f.fromClass === endKey(cell.from) && f.toClass === endKey(cell.to));
  if (arrivals.length === 0) return undefined;
  const allowed = teleworkSubnets(model, tier);
  for (const f of arrivals) {
    if (f.to.kind !== 'subnet' || !f.to.subnet || !allowed.has(f.to.subnet) || !f.to.ref) return undefined;
    if (!declaredSource(f, tier, model, policy)) return undefined;
  }
  const seen = new Set<string>();
  const subnets = arrivals.map((f) => f.to.ref!).filter((r) => !seen.has(refKey(r)) && !!seen.add(refKey(r)));
  return { arrivals: subnets };
}

export function matrixFromVerify(result: Pick<VerifyResult, 'matrix' | 'findings'> & Partial<Pick<VerifyResult, 'model' | 'flows'>>, policy?: TierPolicy): MatrixCell[] {
  const configured = result.model ? configuredEnds(result.model) : undefined;
  const cells: MatrixCell[] = [];
  for (const c of result.matrix) {
    const from = endOfKey(c.from);
    const to = endOfKey(c.to);
    if (!from || !to || endKey(from) === endKey(to)) continue;
    const about = findingsAbout(result.findings, c.from, c.to);
    const verdict = about.length > 0 ? 'violation' : c.reachable ? 'permitted' : 'isolated';
    const cell: MatrixCell = {
      from,
      to,
      verdict,
      witness: c.witness,
      routeConnected: c.routeConnected,
      blockedBy: c.blockedBy,
      ...(c.via ? { via: c.via } : {}),
      findings: about,
      ...(configured && verdict === 'isolated' && (!configured.has(c.from) || !configured.has(c.to)) ? { unconfigured: true } : {}),
    };
    const declared = result.model && result.flows ? declaredTeleworkArrival(cell, result.flows, result.model, policy) : undefined;
    cells.push(declared ? { ...cell, declaredTelework: declared } : cell);
  }
  return cells;
}

function label(ref: ResourceRef, detail?: string): string {
  const name = ref.constructPath ? ref.constructPath.split('/').filter((p) => p !== 'Resource').slice(-2).join('/') : ref.logicalId;
  return detail ? `${name} ${detail}` : name;
}

export function diagramFromVerify(result: Pick<VerifyResult, 'model' | 'findings'>): DiagramModel {
  const { model } = result;
  // Resources on the path of an error finding: the links they make are drawn red.
  const onBadPath = new Set(result.findings.filter((f) => f.severity === 'error').flatMap((f) => [...f.path.map((h) => refKey(h.resource)), ...(f.resource ? [refKey(f.resource)] : [])]));
  const nodes: DiagramNode[] = [];
  const links: DiagramLink[] = [];
  for (const v of model.vpcs.values()) {
    nodes.push({ id: v.key, label: label(v.ref, v.cidrs.map((c) => c.text).join(', ')), kind: 'vpc', ...(v.tier ? { end: { kind: 'tier', tier: v.tier } } : {}) });
  }
  for (const t of model.tgws.values()) {
    nodes.push({ id: t.key, label: label(t.ref, 'TGW'), kind: 'transit-gateway', ...(isTier(t.tierTag) ? { end: { kind: 'tier', tier: t.tierTag } } : {}) });
  }
  for (const a of model.tgwAttachments.values()) {
    const other = a.vpc ?? a.link;
    if (other) links.push({ from: other, to: a.tgw, label: 'TGW', violation: onBadPath.has(refKey(a.ref)) });
  }
  for (const p of model.peerings.values()) {
    for (const peer of p.peerVpcs) links.push({ from: p.vpc, to: peer, label: 'peering', violation: onBadPath.has(refKey(p.ref)) });
  }
  for (const l of model.links.values()) {
    if (l.kind === 'cgw') continue; // drawn through its VPN connection
    nodes.push({ id: l.key, label: label(l.ref, { vgw: 'VGW', vpn: 'VPN', 'dx-association': 'DX' }[l.kind]), kind: 'vpn', ...(isTier(l.tierTag) ? { end: { kind: 'on-prem', tier: l.tierTag } } : {}) });
    const linkLabel = { vgw: 'VGW', vpn: 'VPN', 'dx-association': 'Direct Connect' }[l.kind];
    const violation = onBadPath.has(refKey(l.ref));
    for (const vpc of l.vpcs) links.push({ from: l.key, to: vpc, label: linkLabel, violation });
    if (l.vgw) links.push({ from: l.key, to: l.vgw, label: linkLabel, violation });
    if (l.tgw) links.push({ from: l.key, to: l.tgw, label: linkLabel, violation });
  }
  // Each internet gateway (and egress-only gateway) joins its VPC to the internet: the egress point a reviewer
  // looks for, drawn whether or not a packet uses it today (red when a forbidden path leaves through it).
  for (const igw of model.igws.values()) {
    for (const vpc of igw.vpcs) links.push({ from: vpc, to: INTERNET_NODE, label: 'IGW', violation: onBadPath.has(refKey(igw.ref)) });
  }
  for (const e of model.eigws.values()) links.push({ from: e.vpc, to: INTERNET_NODE, label: 'EIGW', violation: onBadPath.has(refKey(e.ref)) });
  for (const c of model.clientVpns.values()) {
    const tier = c.vpc ? model.vpcs.get(c.vpc)?.tier : undefined;
    // A no-break space keeps the kind on one line when the diagram wraps the label.
    nodes.push({ id: c.key, label: label(c.ref, 'Client\u00a0VPN'), kind: 'client-vpn', ...(tier ? { end: { kind: 'telework-clients', tier } } : {}) });
    if (c.vpc) links.push({ from: c.key, to: c.vpc, label: 'Client VPN', violation: onBadPath.has(refKey(c.ref)) });
  }
  return { nodes, links };
}

/** The report's view of one engine run; `policy` is the tier policy the run judged against (what is declared). */
export function reportViewFromVerify(result: VerifyResult, policy?: TierPolicy): Pick<ReportInput, 'matrix' | 'coverage' | 'diagram'> {
  return { matrix: matrixFromVerify(result, policy), coverage: [...result.coverage], diagram: diagramFromVerify(result) };
}
