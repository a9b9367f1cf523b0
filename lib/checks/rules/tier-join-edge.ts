/**
 * TIER-JOIN-EDGE: external links of two tiers end at one on-premises edge — the same Direct Connect
 * gateway (its resource, or the same gateway id written in two associations), or customer gateways at the
 * same address (one device terminating both tiers' tunnels). Each link may be tagged and landed correctly;
 * it is the shared edge that joins the tiers: the device (or the gateway's virtual interfaces) can forward
 * between them, which no rule inside AWS can stop.
 *
 * A link's tier here is where it lands (the tiers of the VPCs behind its virtual private gateway, or of its
 * TGW attachment), not its tag: a mis-tagged link is TIER-JOIN-LINK's or TIER-TAG-CONFLICT's finding.
 */
import type { Tier } from '../../tiers/tier';
import type { LinkFact, NetworkModel } from '../../model/facts/types';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { attachmentTier } from '../../model/tier-of';
import type { EdgeName } from '../../model/path';

export interface Landing {
  link: LinkFact;
  tier: Tier;
  vpc?: LinkFact['ref'];
}

export const tierJoinEdge: Rule = {
  id: 'TIER-JOIN-EDGE',
  severity: 'error',
  acknowledgeable: false,
  title: 'Two tiers share one on-premises edge / 二つの系が同じ接続点を共有',
  citation: 'defenceInDepth',
  summary: 'external links of two tiers end at one on-premises edge: the same Direct Connect gateway (resource, or the same gateway id written in two associations) or customer gateways at the same address — each link may be tagged and landed correctly, but the device between them can forward across tiers (the configuration refuses this too, before synth)',
  check({ model }) {
    const byEdge = landingsByEdge(model);
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const [edge, list] of [...byEdge].sort(([a], [b]) => a.localeCompare(b))) {
      const tiers = [...new Set(list.map((x) => x.tier))].sort();
      for (let i = 0; i < tiers.length; i++) {
        for (let j = i + 1; j < tiers.length; j++) {
          const a = list.find((x) => x.tier === tiers[i]) as Landing;
          const b = list.find((x) => x.tier === tiers[j]) as Landing;
          // One finding per pair of links, even when they share both a customer gateway and its address.
          const pair = `${a.link.key}|${b.link.key}`;
          if (reported.has(pair)) continue;
          reported.add(pair);
          out.push(resourceFindingOf(this.id, this.severity, b.link.ref, this.citation,
            { key: 'tier-join-edge', a: a.link.ref.logicalId, aTier: a.tier, b: b.link.ref.logicalId, bTier: b.tier, edge: edgeName(edge) },
            { from: { kind: 'on-prem', tier: a.tier }, to: { kind: 'tier', tier: b.tier, ...(b.vpc ? { resource: b.vpc } : {}) }, direction: 'both', path: [
              { layer: 'vpn', resource: a.link.ref, step: { kind: 'edge-link', tier: a.tier, edge: edgeName(edge) } },
              { layer: 'vpn', resource: b.link.ref, step: { kind: 'edge-link-same', tier: b.tier } },
              ...(b.vpc ? [{ layer: 'exit' as const, resource: b.vpc, step: { kind: 'vpc-of-tier' as const, tier: b.tier } }] : []),
            ] }));
        }
      }
    }
    return out;
  },
};

/**
 * Every edge and the links landing there. An edge is a value (a customer gateway's address, a Direct Connect
 * gateway's id), so links of templates that share nothing else meet here: `verify` side by side checks the
 * tiers at each edge over the whole input (lib/cli/verify-parts/merge.ts).
 */
export function landingsByEdge(model: NetworkModel): Map<string, Landing[]> {
  const byEdge = new Map<string, Landing[]>();
  for (const l of model.links.values()) {
    if (l.kind !== 'vpn' && l.kind !== 'dx-association') continue;
    for (const edge of edgesOf(model, l)) {
      const list = byEdge.get(edge) ?? [];
      list.push(...landings(model, l));
      byEdge.set(edge, list);
    }
  }
  return byEdge;
}

/** The edges a link ends at: its Direct Connect gateway, or its customer gateway (resource and address). */
function edgesOf(model: NetworkModel, l: LinkFact): string[] {
  if (l.kind === 'dx-association') return l.edges ?? [];
  if (!l.cgw) return [];
  return [`cgw:${l.cgw}`, ...(model.links.get(l.cgw)?.edges ?? [])];
}

function edgeName(edge: string): EdgeName {
  const [kind, ...rest] = edge.split(':');
  const what = rest.join(':');
  if (kind === 'dxgw') return { kind, id: what.split('::').pop()! };
  if (kind === 'cgw-ip') return { kind, id: what };
  return { kind: 'cgw', id: what.split('::').pop()! };
}

/** Where a link lands: each VPC behind its virtual private gateway, or its TGW attachment's tier. */
function landings(model: NetworkModel, l: LinkFact): Landing[] {
  const out: Landing[] = [];
  const vgw = l.vgw ? model.links.get(l.vgw) : undefined;
  for (const vpcKey of vgw?.vpcs ?? []) {
    const vpc = model.vpcs.get(vpcKey);
    if (vpc?.tier) out.push({ link: l, tier: vpc.tier, vpc: vpc.ref });
  }
  const viaTgw = attachmentTier(model, `${l.key}#tgwAttachment`);
  if (viaTgw) out.push({ link: l, tier: viaTgw });
  return out;
}
