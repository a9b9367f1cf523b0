/**
 * SERVICE-RELAY: a tier reaches, through an interface endpoint, an AWS service that the templates configure
 * to forward elsewhere — an API Gateway private API with an HTTP integration to the internet, an AppSync HTTP
 * data source, an EventBridge API destination, an SNS http(s) subscription, or a Lambda function that runs
 * outside any VPC (internet access) or in another tier's VPC. For the tier the endpoint is not a harmless
 * "AWS service destination" then: the service carries its requests on to the internet or into another tier.
 * Relays that stay in the tier (a Lambda integration whose function runs in the same tier's subnets) pass.
 */
import type { EndpointFact } from '../../model/facts/types';
import type { RelayFact } from '../../model/facts/service-facts';
import { endpointShortName } from '../../model/facts/service-relays';
import type { Tier } from '../../tiers/tier';
import type { Finding } from '../finding';
import type { Rule, RuleContext } from '../rule';
import { resourceFindingOf } from './helpers';
import type { RelayStep } from '../../model/path';
import { subnetTier } from '../../model/tier-of';

/** Where a relay forwards to, and the relay hop's step saying so. */
type Destination = { kind: 'internet'; step: RelayStep } | { kind: 'tier'; tier: Tier; step: RelayStep };

function destinations(ctx: RuleContext, r: RelayFact): Destination[] {
  const { model } = ctx;
  const t = r.target;
  if (t.kind === 'internet') return [{ kind: 'internet', step: { kind: 'target', what: t.what } }];
  const subnets = t.kind === 'function'
    ? model.services.functions.get(t.function)?.subnets
    : t.loadBalancers.flatMap((lb) => model.compute.get(lb)?.subnets ?? []);
  if (subnets === undefined) return [];
  if (t.kind === 'function' && subnets.length === 0) {
    return [{ kind: 'internet', step: { kind: 'function-outside-vpc', what: t.what, function: t.function.split('::')[1] } }];
  }
  const tiers = new Set(subnets.map((s) => subnetTier(model, s)).filter((x): x is Tier => x !== undefined));
  return [...tiers].map((tier) => ({ kind: 'tier' as const, tier, step: { kind: 'runs-in-tier' as const, what: t.what, tier } }));
}

export const serviceRelay: Rule = {
  id: 'SERVICE-RELAY',
  severity: 'error',
  acknowledgeable: false,
  title: 'An AWS service relays a tier\'s requests elsewhere / AWSサービスが系の通信を外部へ中継',
  citation: 'threeTierSeparation',
  summary:
    'a tier has an interface endpoint to a service the templates configure to forward elsewhere: API Gateway private API (`EndpointConfiguration: PRIVATE`) with an `HTTP`/`HTTP_PROXY` integration (Methods, or an inline OpenAPI `Body`; `BodyS3Location` cannot be read and counts as a relay), AppSync private API HTTP data source, EventBridge API destination, SNS `http`/`https` subscription, or a Lambda function (through `lambda`, an API / AppSync / EventBridge / SNS target) running outside any VPC (internet) or in another tier\'s VPC. A relay whose far end stays in the tier passes',
  check(ctx) {
    const { model } = ctx;
    const out: Finding[] = [];
    const byService = new Map<string, RelayFact[]>();
    for (const r of model.services.relays) byService.set(r.service, [...(byService.get(r.service) ?? []), r]);
    const interfaceEndpoints: EndpointFact[] = [...model.endpoints.values()].filter((e) => e.endpointType === 'Interface');
    for (const ep of interfaceEndpoints) {
      const tier = model.vpcs.get(ep.vpc)?.tier;
      if (!tier) continue;
      const service = endpointShortName(ep.serviceName);
      for (const r of byService.get(service) ?? []) {
        for (const d of destinations(ctx, r)) {
          if (d.kind === 'internet' && tier === 'internet') continue;
          if (d.kind === 'tier' && d.tier === tier) continue;
          out.push(resourceFindingOf(this.id, this.severity, r.ref, d.kind === 'internet' ? 'closedTierInternet' : this.citation,
            { key: 'service-relay', tier, service, endpoint: ep.ref.logicalId, relayedBy: r.ref.logicalId, to: d.kind === 'internet' ? 'internet' : d.tier, relay: d.step },
            { from: { kind: 'tier', tier }, to: d.kind === 'internet' ? { kind: 'internet' } : { kind: 'tier', tier: d.tier }, path: [
              { layer: 'endpoint', resource: ep.ref, step: { kind: 'interface-endpoint-to', service: ep.serviceName, tier } },
              { layer: 'exit', resource: r.ref, step: { kind: 'relay', relay: d.step } },
            ] }));
        }
      }
    }
    return out;
  },
};
