/** TIER-JOIN-MULTIHOMED: compute or interfaces with a presence in subnets of two tiers (a bridge). */
import type { Tier } from '../../tiers/tier';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { subnetTier } from '../../model/tier-of';

export const tierJoinMultihomed: Rule = {
  id: 'TIER-JOIN-MULTIHOMED',
  severity: 'error',
  acknowledgeable: false,
  title: 'A resource sits in two tiers (multi-homed) / 複数の系にまたがるリソース',
  citation: 'defenceInDepth',
  summary: 'anything with interfaces or placement in subnets of two tiers (instances, ENIs, Lambda, LBs, ASGs, subnet groups…)',
  check({ model }) {
    const out = [];
    for (const c of model.compute.values()) {
      const tiers = new Set<Tier>();
      for (const s of c.subnets) {
        const t = subnetTier(model, s);
        if (t) tiers.add(t);
      }
      if (tiers.size < 2) continue;
      const list = [...tiers];
      out.push(resourceFindingOf(this.id, this.severity, c.ref, this.citation, { key: 'tier-join-multihomed', type: c.ref.type, id: c.ref.logicalId, tiers: list, subnets: c.subnets.map((s) => s.split('::').pop()!) },
        { from: { kind: 'tier', tier: list[0] }, to: { kind: 'tier', tier: list[1] }, direction: 'both' }));
    }
    return out;
  },
};
