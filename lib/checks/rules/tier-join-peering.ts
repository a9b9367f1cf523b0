/** TIER-JOIN-PEERING: a VPC peering connection between VPCs of different tiers, whether or not routes use it. */
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';

export const tierJoinPeering: Rule = {
  id: 'TIER-JOIN-PEERING',
  severity: 'error',
  acknowledgeable: false,
  title: 'VPC peering joins two tiers / 系をまたぐVPCピアリング',
  citation: 'defenceInDepth',
  summary: 'VPC peering between tiers, even with no route',
  check({ model }) {
    const out = [];
    for (const p of model.peerings.values()) {
      // A peer outside the templates is reported as an unresolved value; each conditional peer counts.
      const a = model.vpcs.get(p.vpc)?.tier;
      const b = p.peerVpcs.map((v) => model.vpcs.get(v)?.tier).find((t) => t && t !== a);
      if (!a || !b) continue;
      out.push(resourceFindingOf(this.id, this.severity, p.ref, this.citation, { key: 'tier-join-peering', peering: p.ref.logicalId, a, b },
        { from: { kind: 'tier', tier: a }, to: { kind: 'tier', tier: b }, direction: 'both' }));
    }
    return out;
  },
};
