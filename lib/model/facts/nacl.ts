/**
 * Network ACLs: ordered, stateless, checked on the way out of the source subnet and on the way into
 * the destination subnet. A subnet without an association uses its VPC's default NACL (allow all).
 */
import { setOf } from '../../cidr/address-sets';
import type { Extractor } from './extractor';
import { parseProtocol, portRange } from './protocols';
import { isPlainObject, show, type Value } from '../resolve/values';
import { reason } from '../reason';

export const naclExtractor: Extractor = {
  types: ['AWS::EC2::NetworkAcl'],
  phase: 2,
  extract(entry, ctx) {
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    if (vpc) ctx.model.nacls.set(entry.key, ctx.fact(entry, { vpc, isDefault: false, entries: [] }));
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
    // Every alternative a condition or parameter leaves (rule number, protocol, port range), not the first:
    // an allow is kept in each reading (more packets pass), a deny only when it is certain.
    const ruleNumbers = [...new Set(ctx.strings(entry, 'RuleNumber').map(Number))];
    const protocols = [...new Set(ctx.strings(entry, 'Protocol').map((p) => parseProtocol(p)))];
    if (protocols.length === 0 || protocols.includes(undefined) || ruleNumbers.length === 0 || ruleNumbers.some((n) => Number.isNaN(n))) {
      ctx.unresolved(entry, protocols.length === 0 || protocols.includes(undefined) ? 'Protocol' : 'RuleNumber', reason('nacl-entry-unevaluable'));
      return;
    }
    const portValues = ctx.resolver.prop(entry, 'PortRange');
    const readings = (protocols as number[]).flatMap((protocol) => portValues.map((pr) => ({ protocol, pr, ports: portRange(protocol, pr) })));
    const badPorts = readings.filter((r) => (r.protocol === 6 || r.protocol === 17) && isPlainObject(r.pr) && r.ports === undefined);
    if (badPorts.length > 0) ctx.unresolved(entry, 'PortRange', reason('not-port-range', { value: show(badPorts[0].pr as Value) }));
    const allow = action.includes('allow');
    // An entry that only may exist or only may deny is dropped when it denies: keeping it could hide a path.
    const alternatives = ruleNumbers.length * readings.length;
    if (!allow && (entry.presence === 'maybe' || action.length !== 1 || alternatives !== 1 || badPorts.length > 0)) return;
    for (const nacl of nacls) {
      const n = ctx.model.nacls.get(nacl);
      if (!n) continue;
      for (const ruleNumber of ruleNumbers) for (const { protocol, ports } of readings) for (const eg of egress) for (const c of cidrs) {
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
