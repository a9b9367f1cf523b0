/**
 * What one part (a set of independent components, judged as one model in a worker) reports for the merge:
 * everything the text, JSON and SARIF outputs read, with the order tags that place it in the whole input's
 * order (facts/insertion-order.ts, reachability FlowTrace), and the facts the merge must check before it
 * trusts the parts (findings, the rules' whole-input conditions, complete tags).
 */
import type { VerifyResult } from '../../checks';
import type { CoverageItem } from '../../model/coverage-note';
import type { NetworkModel } from '../../model/facts/types';
import { hubVpcs } from '../../model/facts/membership';
import type { InsertionOrder, OrderTag } from '../../model/facts/insertion-order';
import type { EndpointClass, Flow, FlowTrace } from '../../model/reachability';
import type { ResourceRef } from '../../model/path';
import { vpcTier } from '../../model/tier-of';
import { TIERS, type Tier } from '../../tiers/tier';
import { networkResourceCount } from './network-resources';
import { landingsByEdge } from '../../checks/rules/tier-join-edge';
import { endpointShortName } from '../../model/facts/service-relays';

export interface FlowSummary {
  key: string;
  fromClass: EndpointClass;
  toClass: EndpointClass;
  status: Flow['status'];
  /** When the flow was first found, and when the kept witness was (the first open, else the first filtered). */
  first: OrderTag;
  kept: OrderTag;
}

export interface PartResult {
  findings: number;
  /** Tags complete: every walk source and telework entry was placed. */
  complete: boolean;
  resources: number;
  networkResources: number;
  coverage: CoverageItem[];
  /**
   * The inputs of what the rules judge over the whole input: isMultiMunicipality and HUB-BYPASS's "any hub";
   * TIER-JOIN-EDGE's tiers at each on-premises edge (an address or gateway id: a value, not a reference);
   * SERVICE-RELAY's pairs of a tier's interface endpoint and a relay of the same AWS service (by name).
   */
  gates: { hubMembership: boolean; municipalities: string[]; hubVpcs: boolean; edges: Array<[string, Tier[]]>; endpointServices: string[]; relayServices: string[] };
  flows: FlowSummary[];
  /** Full flows the merge may choose as a matrix witness, by key. */
  candidates: Array<[string, Flow]>;
  sanctioned: Array<{ key: string; tag: OrderTag; flow: Flow }>;
  /** Per tier, what a screen-transfer cell is made of: the first desktop entry, streaming endpoint and Client VPN. */
  screen: Array<{ tier: Tier; entry?: { tag: OrderTag; ref: ResourceRef }; streaming?: OrderTag; vpn?: { tag: OrderTag; endpoint: string; authentication: string[] } }>;
}

/**
 * Flows whose two ends can both be places of the whole input rather than of one part: the internet, a tier's
 * on-premises network, a telework pool of the policy. Only such a key can be found in two parts (the others
 * name a VPC, subnet, Client VPN endpoint, untagged link or peering of the part); the merge checks it.
 */
export function shareable(key: string): boolean {
  return key.split('→').every((g) => !/^(vpc:|subnet:|telework:client-vpn:|on-prem:untagged:|peered:)/.test(g));
}

export function partResult(result: VerifyResult, model: NetworkModel, order: InsertionOrder, trace: FlowTrace): PartResult {
  const flows: FlowSummary[] = [];
  const candidates = new Map<string, Flow>();
  const firstOpen = new Set<string>();
  const firstFiltered = new Set<string>();
  let complete = order.complete && trace.complete;
  // The judge's flows in its order, with their keys (the order the trace recorded them first).
  const keys = [...trace.first.keys()];
  if (keys.length !== result.flows.length) complete = false;
  keys.forEach((key, i) => {
    const f = result.flows[i];
    if (!f) return;
    flows.push({ key, fromClass: f.fromClass, toClass: f.toClass, status: f.status, first: trace.first.get(key)!, kept: trace.kept.get(key)! });
    const pair = `${f.fromClass}→${f.toClass}`;
    // The merge's possible witnesses: every key another part may hold too, and each pair's first open and
    // first filtered flow among the rest (merge.ts).
    const firsts = f.status === 'open' ? firstOpen : firstFiltered;
    if (shareable(key)) candidates.set(key, f);
    else if (!firsts.has(pair)) {
      firsts.add(pair);
      candidates.set(key, f);
    }
  });
  const sanctionedKeys = [...trace.sanctioned.keys()];
  if (sanctionedKeys.length !== result.sanctionedFlows.length) complete = false;
  const municipalities = new Set<string>();
  let hubMembership = false;
  for (const m of model.membership.values()) {
    if (m.hub !== undefined) hubMembership = true;
    if (m.municipality !== undefined && municipalities.size < 2) municipalities.add(m.municipality);
  }
  const screen: PartResult['screen'] = TIERS.map((tier) => {
    const i = model.teleworkEntries.findIndex((e) => e.kind !== 'client-vpn' && e.kind !== 'internet-facing-load-balancer' && e.subnets.some((s) => model.vpcs.get(model.subnets.get(s)?.vpc ?? '')?.tier === tier));
    const si = model.teleworkEntries.findIndex((e) => e.kind === 'streaming-endpoint' && vpcTier(model, e.vpc) === tier);
    const vpn = [...model.clientVpns.values()].find((c) => vpcTier(model, c.vpc ?? model.subnets.get(c.associations[0]?.subnet ?? '')?.vpc) === tier);
    const vpnTag = vpn && order.tagOf('clientVpns', vpn.key);
    if (vpn && !vpnTag) complete = false;
    return {
      tier,
      ...(i >= 0 ? { entry: { tag: order.teleworkEntries[i], ref: model.teleworkEntries[i].ref } } : {}),
      ...(si >= 0 ? { streaming: order.teleworkEntries[si] } : {}),
      ...(vpn && vpnTag ? { vpn: { tag: vpnTag, endpoint: vpn.ref.logicalId, authentication: vpn.authentication ?? [] } } : {}),
    };
  });
  const sanctioned = sanctionedKeys.map((key, i) => ({ key, tag: trace.sanctioned.get(key)!, flow: result.sanctionedFlows[i] }));
  // A reference mark (U+0001 R<n>) numbers resources in this worker's registry, not the whole run's: a
  // witness that still held one could read differently merged. None is expected; if one is there, decline.
  const written = JSON.stringify([[...candidates.values()], sanctioned, screen], (_, v: unknown) => (typeof v === 'bigint' ? undefined : v));
  if (written.includes('\\u0001')) complete = false;
  return {
    findings: result.findings.length,
    complete,
    resources: model.resourceCount,
    networkResources: networkResourceCount(model),
    coverage: model.coverage,
    gates: {
      hubMembership, municipalities: [...municipalities], hubVpcs: hubVpcs(model).size > 0,
      edges: [...landingsByEdge(model)].map(([edge, list]) => [edge, [...new Set(list.map((x) => x.tier))]]),
      endpointServices: [...new Set([...model.endpoints.values()].filter((e) => e.endpointType === 'Interface' && model.vpcs.get(e.vpc)?.tier).map((e) => endpointShortName(e.serviceName)))],
      relayServices: [...new Set(model.services.relays.map((r) => r.service))],
    },
    flows,
    candidates: [...candidates],
    sanctioned,
    screen,
  };
}
