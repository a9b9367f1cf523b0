/**
 * TIER-JOIN-LATTICE: a VPC Lattice service network that joins tiers — VPCs of two tiers associated with it,
 * or consumers of one tier reaching a service whose target groups are in another tier (or a Lambda function
 * outside any VPC, i.e. with internet access). Lattice needs no route: association is the path. A service
 * network whose consumers and targets are all in one tier is clean.
 */
import type { Tier } from '../../tiers/tier';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { subnetTier } from '../../model/tier-of';

export const tierJoinLattice: Rule = {
  id: 'TIER-JOIN-LATTICE',
  severity: 'error',
  acknowledgeable: false,
  title: 'VPC Lattice joins two tiers / VPC Lattice による系間接続',
  citation: 'defenceInDepth',
  summary: 'a VPC Lattice service network associated with VPCs of two tiers, or whose services forward to target groups in another tier than a consumer VPC (instances, IPs, ALBs by their VPC; Lambda targets where the function runs, outside any VPC = the internet)',
  check({ model }) {
    const out: Finding[] = [];
    const { networks, services, targetGroups } = model.services.lattice;
    for (const n of networks.values()) {
      const consumers = new Set(n.vpcs.map((v) => model.vpcs.get(v)?.tier).filter((t): t is Tier => t !== undefined));
      if (consumers.size > 1) {
        out.push(resourceFindingOf(this.id, this.severity, n.ref, this.citation, { key: 'lattice-network-tiers', network: n.ref.logicalId, tiers: [...consumers] },
          { from: { kind: 'tier', tier: [...consumers][0] }, to: { kind: 'tier', tier: [...consumers][1] }, direction: 'both' }));
      }
      for (const s of n.services) {
        for (const tgKey of services.get(s)?.targetGroups ?? []) {
          const tg = targetGroups.get(tgKey);
          if (!tg) continue;
          const providers = new Set<Tier | 'internet'>();
          for (const v of tg.vpcs) {
            const t = model.vpcs.get(v)?.tier;
            if (t) providers.add(t);
          }
          for (const p of tg.placed) for (const sub of model.compute.get(p)?.subnets ?? []) {
            const t = subnetTier(model, sub);
            if (t) providers.add(t);
          }
          for (const f of tg.functions) {
            const fn = model.services.functions.get(f);
            if (!fn) continue;
            if (fn.subnets.length === 0) providers.add('internet');
            for (const sub of fn.subnets) {
              const t = subnetTier(model, sub);
              if (t) providers.add(t);
            }
          }
          for (const c of consumers) for (const p of providers) {
            if (p === c || (p === 'internet' && c === 'internet')) continue;
            out.push(resourceFindingOf(this.id, this.severity, tg.ref, p === 'internet' ? 'closedTierInternet' : this.citation,
              { key: 'lattice-target', consumer: c, service: s.split('::')[1], network: n.ref.logicalId, targetGroup: tg.ref.logicalId, provider: p },
              { from: { kind: 'tier', tier: c }, to: p === 'internet' ? { kind: 'internet' } : { kind: 'tier', tier: p }, path: [
                { layer: 'endpoint', resource: n.ref, step: { kind: 'service-network-in', tier: c } },
                { layer: 'exit', resource: tg.ref, step: { kind: 'target-group-in', tier: p } },
              ] }));
          }
        }
      }
    }
    return out;
  },
};
