/** TIER-JOIN-PRIVATELINK: an interface endpoint in one tier consuming an endpoint service whose load balancers are in another tier. */
import type { Tier } from '../../tiers/tier';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { subnetTier } from '../../model/tier-of';

export const tierJoinPrivateLink: Rule = {
  id: 'TIER-JOIN-PRIVATELINK',
  severity: 'error',
  acknowledgeable: false,
  title: 'PrivateLink connects two tiers / PrivateLinkによる系間接続',
  citation: 'defenceInDepth',
  summary: 'an interface endpoint in one tier to an endpoint service whose load balancer is in another',
  check({ model }) {
    const out = [];
    for (const ep of model.endpoints.values()) {
      if (!ep.service) continue;
      const consumer = model.vpcs.get(ep.vpc)?.tier;
      const svc = model.endpointServices.get(ep.service);
      if (!consumer || !svc) continue;
      const providers = new Set<Tier>();
      for (const lb of svc.loadBalancers) for (const s of model.compute.get(lb)?.subnets ?? []) {
        const t = subnetTier(model, s);
        if (t) providers.add(t);
      }
      for (const p of providers) {
        if (p === consumer) continue;
        out.push(resourceFindingOf(this.id, this.severity, ep.ref, this.citation, { key: 'tier-join-privatelink', endpoint: ep.ref.logicalId, consumer, service: svc.ref.logicalId, provider: p },
          { from: { kind: 'tier', tier: consumer }, to: { kind: 'tier', tier: p }, path: [
            { layer: 'endpoint', resource: ep.ref, step: { kind: 'interface-endpoint-in', tier: consumer } },
            { layer: 'endpoint', resource: svc.ref, step: { kind: 'endpoint-service-lb-in', tier: p } },
          ] }));
      }
    }
    return out;
  },
};
