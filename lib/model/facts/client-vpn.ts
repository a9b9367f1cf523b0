/**
 * Client VPN: clients enter through the associated subnets (their traffic is source-NATed to the
 * association's interface), limited by authorization rules and routes. Associating a subnet adds a
 * route to the VPC's CIDR automatically.
 */
import { isPlainObject } from '../resolve/values';
import type { Extractor } from './extractor';

export const clientVpnEndpointExtractor: Extractor = {
  types: ['AWS::EC2::ClientVpnEndpoint'],
  phase: 2,
  extract(entry, ctx) {
    const props = entry.resource.Properties ?? {};
    const vpc = 'VpcId' in props ? ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']) : undefined;
    const client = ctx.cidrs(entry, 'ClientCidrBlock')[0];
    let tierTag: string | undefined;
    for (const spec of ctx.resolver.propList(entry, 'TagSpecifications')) {
      if (!isPlainObject(spec) || !Array.isArray(spec.Tags)) continue;
      for (const t of spec.Tags) if (isPlainObject(t) && t.Key === 'mic:tier' && typeof t.Value === 'string') tierTag = t.Value;
    }
    const portal = ctx.strings(entry, 'SelfServicePortal');
    // How clients authenticate (the report states it in the telework cell): the option types as written.
    const authentication = ctx.resolver.propList(entry, 'AuthenticationOptions').flatMap((o) => (isPlainObject(o) && typeof o.Type === 'string' ? [o.Type] : []));
    ctx.model.clientVpns.set(entry.key, ctx.fact(entry, {
      vpc, clientCidr: client, tierTag, associations: [], authorizations: [], routes: [],
      securityGroups: ctx.refKeys(entry, 'SecurityGroupIds'), selfServicePortal: portal.includes('enabled'), authentication,
    }));
  },
};

export const clientVpnPartsExtractor: Extractor = {
  types: ['AWS::EC2::ClientVpnTargetNetworkAssociation', 'AWS::EC2::ClientVpnAuthorizationRule', 'AWS::EC2::ClientVpnRoute'],
  phase: 4,
  extract(entry, ctx) {
    const endpoints = ctx.refKeys(entry, 'ClientVpnEndpointId', undefined, ['AWS::EC2::ClientVpnEndpoint']);
    for (const e of endpoints) {
      const cvpn = ctx.model.clientVpns.get(e);
      if (!cvpn) continue;
      const ref = ctx.ref(entry);
      if (entry.resource.Type === 'AWS::EC2::ClientVpnTargetNetworkAssociation') {
        for (const s of ctx.refKeys(entry, 'SubnetId', undefined, ['AWS::EC2::Subnet'])) cvpn.associations.push({ subnet: s, ref });
      } else if (entry.resource.Type === 'AWS::EC2::ClientVpnAuthorizationRule') {
        const all = ctx.bool(entry, 'AuthorizeAllGroups', false);
        for (const c of ctx.cidrs(entry, 'TargetNetworkCidr')) cvpn.authorizations.push({ cidr: c, allGroups: all.includes(true), ref });
      } else {
        const subnets = ctx.refKeys(entry, 'TargetVpcSubnetId', undefined, ['AWS::EC2::Subnet']);
        for (const c of ctx.cidrs(entry, 'DestinationCidrBlock')) cvpn.routes.push({ cidr: c, subnet: subnets[0], ref });
      }
    }
  },
};
