/** Internet, NAT and egress-only internet gateways, and gateway attachments to VPCs (IGW and VGW). */
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const internetGatewayExtractor: Extractor = {
  types: ['AWS::EC2::InternetGateway'],
  phase: 1,
  extract(entry, ctx) {
    ctx.model.igws.set(entry.key, ctx.fact(entry, { vpcs: [] }));
  },
};

export const egressOnlyGatewayExtractor: Extractor = {
  types: ['AWS::EC2::EgressOnlyInternetGateway'],
  phase: 2,
  extract(entry, ctx) {
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    if (vpc) ctx.model.eigws.set(entry.key, ctx.fact(entry, { vpc }));
  },
};

export const natGatewayExtractor: Extractor = {
  types: ['AWS::EC2::NatGateway'],
  phase: 3,
  extract(entry, ctx) {
    const subnet = ctx.refKey(entry, 'SubnetId', ['AWS::EC2::Subnet']);
    const conn = ctx.strings(entry, 'ConnectivityType');
    if (entry.resource.Properties?.AvailabilityMode === 'regional' || 'VpcId' in (entry.resource.Properties ?? {}) && !subnet) {
      ctx.unmodelled(entry, reason('regional-nat'));
      return;
    }
    if (subnet) ctx.model.nats.set(entry.key, ctx.fact(entry, { subnet, connectivity: conn.includes('private') && !conn.includes('public') ? 'private' : 'public' }));
  },
};

export const gatewayAttachmentExtractor: Extractor = {
  types: ['AWS::EC2::VPCGatewayAttachment'],
  phase: 3,
  extract(entry, ctx) {
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    if (!vpc) return;
    const props = entry.resource.Properties ?? {};
    if ('InternetGatewayId' in props) {
      for (const igw of ctx.refKeys(entry, 'InternetGatewayId', undefined, ['AWS::EC2::InternetGateway'])) ctx.model.igws.get(igw)?.vpcs.push(vpc);
    }
    if ('VpnGatewayId' in props) {
      for (const vgw of ctx.refKeys(entry, 'VpnGatewayId', undefined, ['AWS::EC2::VPNGateway'])) ctx.model.links.get(vgw)?.vpcs.push(vpc);
    }
  },
};
