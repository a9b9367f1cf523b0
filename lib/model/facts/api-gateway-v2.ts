/**
 * API Gateway v2 VPC links (`AWS::ApiGatewayV2::VpcLink`): network interfaces in the subnets the link names,
 * through which an HTTP API's integrations (`ConnectionType: VPC_LINK`) reach a load balancer or Cloud Map
 * service in that VPC. HTTP APIs have a public endpoint (there are no private HTTP APIs; disabling the
 * execute-api endpoint leaves a custom domain, which is public too), so an integration through a VPC link is
 * an entry from the internet into the tier of the link's subnets: REMOTE-ENTRY-INTO-TIER in the LGWAN and
 * personal-number tiers, an ordinary internet entry in the internet tier. The link alone (no integration) is
 * a presence in its subnets (TIER-JOIN-MULTIHOMED when they span tiers), read by the generic walker.
 */
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const apiGatewayV2IntegrationExtractor: Extractor = {
  types: ['AWS::ApiGatewayV2::Integration'],
  phase: 4,
  extract(entry, ctx) {
    const types = ctx.strings(entry, 'ConnectionType');
    if (!types.includes('VPC_LINK')) return;
    const subnets = new Set<string>();
    for (const link of ctx.refKeys(entry, 'ConnectionId', undefined, ['AWS::ApiGatewayV2::VpcLink'])) {
      const e = ctx.resolver.resources.get(link);
      if (e) for (const s of ctx.refKeys(e, 'SubnetIds', undefined, ['AWS::EC2::Subnet'])) subnets.add(s);
    }
    if (subnets.size === 0) {
      ctx.unresolved(entry, 'ConnectionId', reason('vpc-link-outside'));
      return;
    }
    ctx.model.services.remoteEntries.push({ ref: ctx.ref(entry), kind: 'api-gateway-vpc-link', subnets: [...subnets] });
  },
};
