/** VPC endpoints (gateway, interface, Gateway Load Balancer) and PrivateLink endpoint services. */
import { refsInString, show } from '../resolve/values';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const endpointServiceExtractor: Extractor = {
  types: ['AWS::EC2::VPCEndpointService'],
  phase: 1,
  extract(entry, ctx) {
    const props = entry.resource.Properties ?? {};
    const lbs = [
      ...('NetworkLoadBalancerArns' in props ? ctx.refKeys(entry, 'NetworkLoadBalancerArns') : []),
      ...('GatewayLoadBalancerArns' in props ? ctx.refKeys(entry, 'GatewayLoadBalancerArns') : []),
    ];
    ctx.model.endpointServices.set(entry.key, ctx.fact(entry, { loadBalancers: lbs }));
  },
};

export const endpointExtractor: Extractor = {
  types: ['AWS::EC2::VPCEndpoint'],
  phase: 3,
  extract(entry, ctx) {
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    const typeVals = ctx.strings(entry, 'VpcEndpointType');
    const endpointType = (typeVals[0] ?? 'Gateway') as 'Gateway' | 'Interface' | 'GatewayLoadBalancer';
    const nameVals = ctx.resolver.prop(entry, 'ServiceName');
    let serviceName = '';
    let service: string | undefined;
    for (const v of nameVals) {
      if (typeof v !== 'string') continue;
      serviceName = show(v);
      const refs = refsInString(v).map((k) => k.split('#')[0]);
      service = refs.find((k) => ctx.typeOf(k) === 'AWS::EC2::VPCEndpointService');
    }
    if (!serviceName && !('ServiceNetworkArn' in (entry.resource.Properties ?? {})) && !('ResourceConfigurationArn' in (entry.resource.Properties ?? {}))) {
      ctx.unresolved(entry, 'ServiceName', reason('endpoint-service-unknown'));
    }
    if ('ServiceNetworkArn' in (entry.resource.Properties ?? {}) || 'ResourceConfigurationArn' in (entry.resource.Properties ?? {})) {
      ctx.unmodelled(entry, reason('lattice-endpoint'));
    }
    if (!service && /^com\.amazonaws\.vpce\./.test(serviceName)) {
      ctx.unresolved(entry, 'ServiceName', reason('privatelink-service-outside', { service: serviceName }));
    }
    if (!vpc) return;
    ctx.model.endpoints.set(entry.key, ctx.fact(entry, {
      vpc, endpointType, serviceName, service,
      subnets: ctx.refKeys(entry, 'SubnetIds', undefined, ['AWS::EC2::Subnet']),
      securityGroups: ctx.refKeys(entry, 'SecurityGroupIds'),
      routeTables: ctx.refKeys(entry, 'RouteTableIds', undefined, ['AWS::EC2::RouteTable']),
    }));
  },
};
