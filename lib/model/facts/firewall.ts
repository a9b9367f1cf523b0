/** AWS Network Firewall: an inspection hop in the route path (centralised internet egress). */
import { isPlainObject } from '../resolve/values';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const firewallExtractor: Extractor = {
  types: ['AWS::NetworkFirewall::Firewall'],
  phase: 2,
  extract(entry, ctx) {
    const props = entry.resource.Properties ?? {};
    if (!('VpcId' in props) && 'TransitGatewayId' in props) {
      // Attached to a transit gateway (native TGW attachment): no VPC or subnets to route through here.
      ctx.unmodelled(entry, reason('firewall-on-tgw'));
      return;
    }
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    const subnets: string[] = [];
    for (const m of ctx.resolver.propList(entry, 'SubnetMappings')) {
      if (isPlainObject(m) && m.SubnetId !== undefined) subnets.push(...ctx.refKeys(entry, 'SubnetMappings.SubnetId', [m.SubnetId], ['AWS::EC2::Subnet']));
    }
    ctx.model.firewalls.set(entry.key, ctx.fact(entry, { vpc, subnets }));
  },
};
