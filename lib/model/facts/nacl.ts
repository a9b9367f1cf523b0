/**
 * Network ACLs: ordered, stateless, checked on the way out of the source subnet and on the way into
 * the destination subnet. A subnet without an association uses its VPC's default NACL (allow all).
 */
import { setOf } from '../../cidr/address-sets';
import type { Extractor } from './extractor';
import { parseProtocol, portRange } from './protocols';

export const naclExtractor: Extractor = {
  types: ['AWS::EC2::NetworkAcl'],
  phase: 2,
  extract(entry, ctx) {
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    if (vpc) ctx.model.nacls.set(entry.key, { ...ctx.fact(entry), vpc, isDefault: false, entries: [] });
  },
};

export const naclEntryExtractor: Extractor = {
  types: ['AWS::EC2::NetworkAclEntry'],
  phase: 4,
  extract(entry, ctx) {
    const nacls = ctx.refKeys(entry, 'NetworkAclId');
    const props = entry.resource.Properties ?? {};
    const cidrs = [
      ...('CidrBlock' in props ? ctx.cidrs(entry, 'CidrBlock') : []),
      ...('Ipv6CidrBlock' in props ? ctx.cidrs(entry, 'Ipv6CidrBlock') : []),
    ];
    const action = ctx.strings(entry, 'RuleAction');
    const egress = ctx.bool(entry, 'Egress', false);
    const ruleNumber = Number(ctx.strings(entry, 'RuleNumber')[0]);
    const protoVals = ctx.strings(entry, 'Protocol');
    const protocol = parseProtocol(protoVals[0]);
    if (protocol === undefined || Number.isNaN(ruleNumber)) {
      ctx.unresolved(entry, protocol === undefined ? 'Protocol' : 'RuleNumber', 'the entry cannot be evaluated');
      return;
    }
    const allowAll = action.includes('allow');
    // An entry that only may exist or only may deny is dropped when it denies: keeping it could hide a path.
    const allow = allowAll;
    if (!allow && (entry.presence === 'maybe' || action.length !== 1)) return;
    const pr = ctx.resolver.prop(entry, 'PortRange')[0];
    const ports = portRange(protocol, pr);
    for (const nacl of nacls) {
      const n = ctx.model.nacls.get(nacl);
      if (!n) continue;
      for (const eg of egress) for (const c of cidrs) {
        n.entries.push({ ref: ctx.ref(entry), ruleNumber, egress: eg, allow, protocol, ports, cidr: setOf([c]), cidrText: c.text });
      }
    }
  },
};

export const naclAssociationExtractor: Extractor = {
  types: ['AWS::EC2::SubnetNetworkAclAssociation'],
  phase: 3,
  extract(entry, ctx) {
    // A conditional association may not exist: then the subnet keeps the default (allow-all) NACL.
    if (entry.presence === 'maybe') return;
    const nacl = ctx.refKey(entry, 'NetworkAclId');
    for (const s of ctx.refKeys(entry, 'SubnetId', undefined, ['AWS::EC2::Subnet'])) if (nacl) ctx.model.subnetNacl.set(s, nacl);
  },
};
