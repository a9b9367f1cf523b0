/** VPCs (with secondary IPv4/IPv6 blocks) and subnets; the VPC's default NACL and default security group. */
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const vpcExtractor: Extractor = {
  types: ['AWS::EC2::VPC'],
  phase: 1,
  extract(entry, ctx) {
    const f = ctx.fact(entry);
    const tierTag = ctx.tierTag(entry);
    const props = entry.resource.Properties ?? {};
    const cidrs = 'CidrBlock' in props ? ctx.cidrs(entry, 'CidrBlock') : [];
    if (!('CidrBlock' in props)) {
      // IPAM-allocated VPCs have no literal block: the engine cannot place their addresses.
      ctx.unresolved(entry, 'CidrBlock', reason('vpc-ipam'));
    }
    ctx.model.vpcs.set(entry.key, Object.assign(f, { tierTag, cidrs }));
    // Every VPC has a default NACL (allow all both ways) and a default SG (self-ingress, all egress).
    ctx.model.nacls.set(`${entry.key}#defaultNacl`, {
      key: `${entry.key}#defaultNacl`, ref: ctx.refForKey(`${entry.key}#defaultNacl`, 'AWS::EC2::NetworkAcl'), presence: entry.presence,
      vpc: entry.key, isDefault: true, entries: [],
    });
    const sgKey = `${entry.key}#defaultSg`;
    const sgRef = ctx.refForKey(sgKey, 'AWS::EC2::SecurityGroup');
    ctx.model.securityGroups.set(sgKey, {
      key: sgKey, ref: sgRef, presence: entry.presence, vpc: entry.key, isDefault: true,
      ingress: [{ ref: sgRef, protocol: -1, group: sgKey, peerText: 'itself (default security group)' }],
      egress: [],
    });
  },
};

export const vpcCidrBlockExtractor: Extractor = {
  types: ['AWS::EC2::VPCCidrBlock'],
  phase: 2,
  extract(entry, ctx) {
    const vpcs = ctx.refKeys(entry, 'VpcId', undefined, ['AWS::EC2::VPC']);
    const props = entry.resource.Properties ?? {};
    const blocks = [];
    if ('CidrBlock' in props) blocks.push(...ctx.cidrs(entry, 'CidrBlock'));
    if ('Ipv6CidrBlock' in props || props.AmazonProvidedIpv6CidrBlock !== undefined) {
      const v6 = ctx.resolver.resolve(entry.stack, { 'Fn::GetAtt': [entry.logicalId, 'Ipv6CidrBlock'] });
      blocks.push(...ctx.cidrs(entry, 'Ipv6CidrBlock', v6));
    } else if ('Ipv6Pool' in props || 'Ipv6IpamPoolId' in props || 'Ipv4IpamPoolId' in props) {
      ctx.unresolved(entry, 'Ipv6Pool', reason('ipv6-pool'));
    }
    for (const v of vpcs) ctx.model.vpcs.get(v)?.cidrs.push(...blocks);
  },
};

export const subnetExtractor: Extractor = {
  types: ['AWS::EC2::Subnet'],
  phase: 2,
  extract(entry, ctx) {
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    const props = entry.resource.Properties ?? {};
    const cidrs = [];
    if ('CidrBlock' in props) cidrs.push(...ctx.cidrs(entry, 'CidrBlock'));
    if ('Ipv6CidrBlock' in props) cidrs.push(...ctx.cidrs(entry, 'Ipv6CidrBlock'));
    if (cidrs.length === 0) ctx.unresolved(entry, 'CidrBlock', reason('subnet-no-cidr'));
    if (!vpc) return;
    ctx.model.subnets.set(entry.key, ctx.fact(entry, { vpc, cidrs, tierTag: ctx.tierTag(entry) }));
  },
};

export const subnetCidrBlockExtractor: Extractor = {
  types: ['AWS::EC2::SubnetCidrBlock'],
  phase: 3,
  extract(entry, ctx) {
    const subnet = ctx.refKey(entry, 'SubnetId', ['AWS::EC2::Subnet']);
    const cidrs = ctx.cidrs(entry, 'Ipv6CidrBlock');
    if (subnet) ctx.model.subnets.get(subnet)?.cidrs.push(...cidrs);
  },
};
