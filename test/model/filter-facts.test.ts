/**
 * The filter facts — what lib/model/facts/nacl.ts and security-groups.ts read from a template — checked fact by
 * fact on small templates, not only through a city's verdict: rule numbers, directions, protocols, ports and
 * peers as the filter search (lib/model/reachability/filters.ts) receives them, and every value the extractors
 * cannot read said as unresolved (fail closed) rather than dropped.
 */
import { formatAddress, parseCidr, setOf, type IntervalSet } from '../../lib/cidr/address-sets';
import { buildModel } from '../../lib/model/facts';
import type { NaclEntryFact, SgRuleFact } from '../../lib/model/facts/types';
import type { LoadedTemplate } from '../../lib/model/load/template';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; Condition?: string }>;

const VPC: Resources = {
  Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
  Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' } },
};
const NACL: Resources = { Nacl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: { Ref: 'Vpc' } } } };

/** The model of one stack "S" holding the VPC, its subnet and `extra`; conditions take a free-text parameter. */
function model(extra: Resources) {
  const t: LoadedTemplate = {
    stack: 'S',
    file: 'S.template.json',
    template: {
      Parameters: { Mode: { Type: 'String', Default: 'off' } },
      Conditions: { Maybe: { 'Fn::Equals': [{ Ref: 'Mode' }, 'on'] } },
      Resources: { ...VPC, ...extra },
    },
  };
  return buildModel([t]).model;
}
const entries = (extra: Resources): NaclEntryFact[] => model({ ...NACL, ...extra }).nacls.get('S::Nacl')?.entries ?? [];
const entry = (props: Record<string, unknown>, condition?: string): Resources => ({
  E: { Type: 'AWS::EC2::NetworkAclEntry', ...(condition ? { Condition: condition } : {}), Properties: { NetworkAclId: { Ref: 'Nacl' }, RuleNumber: 100, Protocol: -1, RuleAction: 'allow', CidrBlock: '10.9.0.0/16', ...props } },
});
const text = (s: IntervalSet | undefined): string[] => (s ?? []).map(([lo, hi]) => `${formatAddress(lo)}-${formatAddress(hi)}`);
const unresolved = (m: ReturnType<typeof model>) => m.unresolved.map((u) => `${u.ref.logicalId}.${u.property}:${u.reason.key}`);

describe('NACL facts (lib/model/facts/nacl.ts)', () => {
  test('a NACL in a VPC is a fact of that VPC with no entries; one whose VpcId is not a VPC is none', () => {
    const m = model({ ...NACL, Stray: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: 'vpc-0123456789abcdef0' } } });
    expect(m.nacls.get('S::Nacl')).toMatchObject({ vpc: 'S::Vpc', isDefault: false, entries: [] });
    expect(m.nacls.has('S::Stray')).toBe(false);
  });

  test('an entry carries its rule number, direction, action, protocol, ports and CIDR as written', () => {
    const [e] = entries(entry({ RuleNumber: 120, Protocol: 6, RuleAction: 'deny', Egress: true, PortRange: { From: 22, To: 23 }, CidrBlock: '10.9.8.7/32' }));
    expect(e).toMatchObject({ ruleNumber: 120, egress: true, allow: false, protocol: 6, ports: { from: 22, to: 23 }, cidrText: '10.9.8.7/32' });
    expect(text(e.cidr)).toEqual(['10.9.8.7-10.9.8.7']);
    expect(e.ref).toMatchObject({ stack: 'S', logicalId: 'E', type: 'AWS::EC2::NetworkAclEntry' });
  });

  test('Egress defaults to ingress; the string "true" is egress', () => {
    expect(entries(entry({})).map((e) => e.egress)).toEqual([false]);
    expect(entries(entry({ Egress: 'true' })).map((e) => e.egress)).toEqual([true]);
  });

  test('protocol names and numbers: tcp, udp, icmp and -1 (all); ports only for TCP and UDP', () => {
    const one = (Protocol: unknown) => entries(entry({ Protocol, PortRange: { From: 53, To: 53 } }))[0];
    expect(one('tcp')).toMatchObject({ protocol: 6, ports: { from: 53, to: 53 } });
    expect(one(17)).toMatchObject({ protocol: 17, ports: { from: 53, to: 53 } });
    expect(one(1).protocol).toBe(1);
    expect(one(1).ports).toBeUndefined();
    expect(one('-1').protocol).toBe(-1);
    expect(one('-1').ports).toBeUndefined();
  });

  test('an IPv4 and an IPv6 block on one entry are two entries of the same rule', () => {
    const es = entries(entry({ CidrBlock: '10.9.0.0/16', Ipv6CidrBlock: '2001:db8::/32' }));
    expect(es.map((e) => [e.ruleNumber, e.cidrText])).toEqual([[100, '10.9.0.0/16'], [100, '2001:db8::/32']]);
    // An IPv6-only entry has no CidrBlock key at all (a template cannot hold `undefined`).
    const ipv6Only = entry({ Ipv6CidrBlock: '::/0' });
    delete (ipv6Only.E.Properties as Record<string, unknown>).CidrBlock;
    expect(entries(ipv6Only).map((e) => e.cidrText)).toEqual(['::/0']);
  });

  test('an unknown protocol or a rule number that is not a number is unresolved, and the entry is not modelled', () => {
    const badProtocol = model({ ...NACL, ...entry({ Protocol: 'gre' }) });
    expect(unresolved(badProtocol)).toEqual(['E.Protocol:nacl-entry-unevaluable']);
    expect(badProtocol.nacls.get('S::Nacl')!.entries).toEqual([]);
    const badNumber = model({ ...NACL, ...entry({ RuleNumber: 'first' }) });
    expect(unresolved(badNumber)).toEqual(['E.RuleNumber:nacl-entry-unevaluable']);
    expect(badNumber.nacls.get('S::Nacl')!.entries).toEqual([]);
  });

  test('a TCP port range that is not numbers is unresolved: an allow then opens every port, a deny is dropped', () => {
    const allow = model({ ...NACL, ...entry({ Protocol: 6, PortRange: { From: 'any', To: 'any' } }) });
    expect(unresolved(allow)).toEqual(['E.PortRange:not-port-range']);
    expect(allow.nacls.get('S::Nacl')!.entries).toHaveLength(1);
    expect(allow.nacls.get('S::Nacl')!.entries[0].ports).toBeUndefined();
    const deny = model({ ...NACL, ...entry({ Protocol: 6, RuleAction: 'deny', PortRange: { From: 'any', To: 'any' } }) });
    expect(unresolved(deny)).toEqual(['E.PortRange:not-port-range']);
    expect(deny.nacls.get('S::Nacl')!.entries).toEqual([]);
  });

  test('a deny that only may exist is dropped; an allow that only may exist is kept (more packets pass)', () => {
    expect(entries(entry({ RuleAction: 'deny' }, 'Maybe'))).toEqual([]);
    expect(entries(entry({ RuleAction: 'allow' }, 'Maybe'))).toHaveLength(1);
    expect(entries(entry({ RuleAction: 'deny' }))).toHaveLength(1);
  });

  test('an entry of a NACL that is not in the templates adds nothing', () => {
    const m = model({ ...NACL, ...entry({ NetworkAclId: 'acl-0123456789abcdef0' }) });
    expect(m.nacls.get('S::Nacl')!.entries).toEqual([]);
  });

  test('a subnet association maps the subnet to its NACL; a conditional one leaves the default NACL', () => {
    const assoc = (condition?: string): Resources => ({ A: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', ...(condition ? { Condition: condition } : {}), Properties: { SubnetId: { Ref: 'Subnet' }, NetworkAclId: { Ref: 'Nacl' } } } });
    expect(model({ ...NACL, ...assoc() }).subnetNacl.get('S::Subnet')).toBe('S::Nacl');
    expect(model({ ...NACL, ...assoc('Maybe') }).subnetNacl.has('S::Subnet')).toBe(false);
  });
});

describe('security group facts (lib/model/facts/security-groups.ts)', () => {
  const sg = (props: Record<string, unknown>, condition?: string): Resources => ({
    G: { Type: 'AWS::EC2::SecurityGroup', ...(condition ? { Condition: condition } : {}), Properties: { GroupDescription: 'g', VpcId: { Ref: 'Vpc' }, ...props } },
  });
  const rule = (r: Record<string, unknown>) => ({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, ...r });
  const ingressOf = (r: Record<string, unknown>, extra: Resources = {}) => model({ ...sg({ SecurityGroupIngress: [r] }), ...extra });
  const only = (rules: SgRuleFact[]): SgRuleFact => {
    expect(rules).toHaveLength(1);
    return rules[0];
  };

  test('an inline CIDR rule: protocol, ports, the peer as an address set and as text', () => {
    const m = ingressOf(rule({ CidrIp: '172.16.20.0/22' }));
    const r = only(m.securityGroups.get('S::G')!.ingress);
    expect(r).toMatchObject({ protocol: 6, ports: { from: 443, to: 443 }, peerText: '172.16.20.0/22' });
    expect(text(r.cidr)).toEqual(['172.16.20.0-172.16.23.255']);
    expect(m.securityGroups.get('S::G')).toMatchObject({ vpc: 'S::Vpc', isDefault: false });
    expect(unresolved(m)).toEqual([]);
  });

  test('an IPv6 peer, and both families on one rule give two rules', () => {
    expect(only(ingressOf(rule({ CidrIpv6: '2001:db8::/32' })).securityGroups.get('S::G')!.ingress).peerText).toBe('2001:db8::/32');
    expect(ingressOf(rule({ CidrIp: '10.1.0.0/16', CidrIpv6: '::/0' })).securityGroups.get('S::G')!.ingress.map((r) => r.peerText)).toEqual(['10.1.0.0/16', '::/0']);
  });

  test('ports: -1 (or none given) is every port; ICMP has no ports; numbers written as strings are numbers', () => {
    expect(only(ingressOf(rule({ FromPort: -1, ToPort: -1, CidrIp: '10.1.0.0/16' })).securityGroups.get('S::G')!.ingress).ports).toBeUndefined();
    expect(only(ingressOf({ IpProtocol: 'udp', CidrIp: '10.1.0.0/16' }).securityGroups.get('S::G')!.ingress).ports).toBeUndefined();
    expect(only(ingressOf({ IpProtocol: 'icmp', FromPort: 8, ToPort: 0, CidrIp: '10.1.0.0/16' }).securityGroups.get('S::G')!.ingress)).toMatchObject({ protocol: 1 });
    expect(only(ingressOf({ IpProtocol: 'icmp', FromPort: 8, ToPort: 0, CidrIp: '10.1.0.0/16' }).securityGroups.get('S::G')!.ingress).ports).toBeUndefined();
    expect(only(ingressOf(rule({ FromPort: '8080', ToPort: '8081', CidrIp: '10.1.0.0/16' })).securityGroups.get('S::G')!.ingress).ports).toEqual({ from: 8080, to: 8081 });
    expect(only(ingressOf(rule({ IpProtocol: '-1', CidrIp: '10.1.0.0/16' })).securityGroups.get('S::G')!.ingress).protocol).toBe(-1);
  });

  test('ports that are not numbers are unresolved and read as every port (fail closed)', () => {
    const m = ingressOf(rule({ FromPort: 'https', CidrIp: '10.1.0.0/16' }));
    expect(unresolved(m)).toEqual(['G.SecurityGroupIngress.FromPort:not-port-numbers']);
    expect(only(m.securityGroups.get('S::G')!.ingress).ports).toBeUndefined();
  });

  test('an unknown protocol is unresolved and the rule is not modelled', () => {
    const m = ingressOf(rule({ IpProtocol: 'sctp-ish', CidrIp: '10.1.0.0/16' }));
    expect(unresolved(m)).toEqual(['G.SecurityGroupIngress.IpProtocol:unknown-protocol']);
    expect(m.securityGroups.get('S::G')!.ingress).toEqual([]);
  });

  test('a peer that is not a CIDR is unresolved', () => {
    const m = ingressOf(rule({ CidrIp: '10.1.0.0/33' }));
    expect(unresolved(m)).toEqual(['G.SecurityGroupIngress.CidrIp:not-a-cidr']);
    expect(m.securityGroups.get('S::G')!.ingress).toEqual([]);
  });

  test('a group peer: by Ref or inside a string; a group id from outside and a group name are unresolved', () => {
    const peer = { P: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'p', VpcId: { Ref: 'Vpc' } } } };
    expect(only(ingressOf(rule({ SourceSecurityGroupId: { Ref: 'P' } }), peer).securityGroups.get('S::G')!.ingress)).toMatchObject({ group: 'S::P', peerText: 'security group P' });
    expect(only(ingressOf(rule({ SourceSecurityGroupId: { 'Fn::GetAtt': ['P', 'GroupId'] } }), peer).securityGroups.get('S::G')!.ingress)).toMatchObject({ group: 'S::P' });
    const outside = ingressOf(rule({ SourceSecurityGroupId: 'sg-0123456789abcdef0' }));
    expect(unresolved(outside)).toEqual(['G.SecurityGroupIngress.SourceSecurityGroupId:sg-outside']);
    // A group named by name (EC2-Classic or the default VPC) is no peer the engine can place: said twice.
    expect(unresolved(ingressOf(rule({ SourceSecurityGroupName: 'default' })))).toEqual(['G.SecurityGroupIngress.SourceSecurityGroupName:sg-group-name', 'G.SecurityGroupIngress:sg-no-peer']);
    const egress = model({ ...peer, ...sg({ SecurityGroupEgress: [rule({ DestinationSecurityGroupId: { Ref: 'P' } })] }) });
    expect(only(egress.securityGroups.get('S::G')!.egress)).toMatchObject({ group: 'S::P' });
  });

  test('prefix lists: one in the templates is its CIDRs; an AWS-managed one is AWS service addresses (no tier); anything else is unresolved', () => {
    const pl = { Pl: { Type: 'AWS::EC2::PrefixList', Properties: { AddressFamily: 'IPv4', MaxEntries: 2, PrefixListName: 'onprem', Entries: [{ Cidr: '172.16.20.0/22' }, { Cidr: '172.16.32.0/22' }] } } };
    const mine = only(ingressOf(rule({ SourcePrefixListId: { Ref: 'Pl' } }), pl).securityGroups.get('S::G')!.ingress);
    expect(mine.peerText).toBe('prefix list Pl');
    expect(text(mine.cidr)).toEqual(['172.16.20.0-172.16.23.255', '172.16.32.0-172.16.35.255']);
    const managed = only(ingressOf(rule({ SourcePrefixListId: 'pl-61a54008' })).securityGroups.get('S::G')!.ingress);
    expect(managed).toMatchObject({ cidr: [], peerText: 'AWS-managed prefix list pl-61a54008' });
    expect(unresolved(ingressOf(rule({ SourcePrefixListId: 'my-list' })))).toEqual(['G.SecurityGroupIngress.SourcePrefixListId:prefix-list-unresolvable']);
    expect(unresolved(ingressOf(rule({ SourcePrefixListId: { Ref: 'Vpc' } })))).toEqual(['G.SecurityGroupIngress.SourcePrefixListId:not-prefix-list']);
  });

  test('a rule with no peer at all is unresolved, not an allow from nowhere', () => {
    const m = ingressOf(rule({}));
    expect(unresolved(m)).toEqual(['G.SecurityGroupIngress:sg-no-peer']);
    expect(m.securityGroups.get('S::G')!.ingress).toEqual([]);
  });

  test("CDK's \"Disallow all traffic\" egress placeholder allows only the limited broadcast address", () => {
    const m = model(sg({ SecurityGroupEgress: [{ CidrIp: '255.255.255.255/32', IpProtocol: 'icmp', FromPort: 252, ToPort: 86, Description: 'Disallow all traffic' }] }));
    const r = only(m.securityGroups.get('S::G')!.egress);
    expect(r.protocol).toBe(1);
    expect(text(r.cidr)).toEqual(['255.255.255.255-255.255.255.255']);
    // The same shape with another address or code is an ordinary rule.
    const other = only(model(sg({ SecurityGroupEgress: [{ CidrIp: '10.0.0.0/8', IpProtocol: 'icmp', FromPort: 252, ToPort: 86 }] })).securityGroups.get('S::G')!.egress);
    expect(other.peerText).toBe('10.0.0.0/8');
    const code = only(model(sg({ SecurityGroupEgress: [{ CidrIp: '255.255.255.255/32', IpProtocol: 'icmp', FromPort: 252, ToPort: 85 }] })).securityGroups.get('S::G')!.egress);
    expect(code.peerText).toBe('255.255.255.255/32');
  });

  test("a free-text Description whose value the engine cannot read changes nothing; another property's does", () => {
    const described = ingressOf(rule({ CidrIp: '10.1.0.0/16', Description: { 'Fn::ImportValue': 'Elsewhere' } }));
    expect(unresolved(described)).toEqual([]);
    expect(described.securityGroups.get('S::G')!.ingress).toHaveLength(1);
    const cidr = ingressOf(rule({ CidrIp: { 'Fn::ImportValue': 'Elsewhere' } }));
    expect(unresolved(cidr).map((u) => u.split(':')[0])).toEqual(['G.SecurityGroupIngress']);
    expect(cidr.securityGroups.get('S::G')!.ingress).toEqual([]);
  });

  test('a group without VpcId is in the default VPC: unresolved', () => {
    const m = model({ G: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g' } } });
    expect(unresolved(m)).toEqual(['G.VpcId:sg-default-vpc']);
  });

  describe("CloudFormation's default egress (allow all) applies exactly when the group has no egress rule of its own", () => {
    const egressOf = (m: ReturnType<typeof model>) => m.securityGroups.get('S::G')!.egress.map((r) => r.peerText);
    const separate = (condition?: string): Resources => ({ Out: { Type: 'AWS::EC2::SecurityGroupEgress', ...(condition ? { Condition: condition } : {}), Properties: { GroupId: { Ref: 'G' }, ...rule({ CidrIp: '10.1.0.0/16' }) } } });
    test('no egress rule, or an empty list: the default', () => {
      expect(egressOf(model(sg({})))).toEqual(['everywhere (default egress)']);
      expect(egressOf(model(sg({ SecurityGroupEgress: [] })))).toEqual(['everywhere (default egress)']);
    });
    test('an inline rule or a separate egress resource replaces it', () => {
      expect(egressOf(model(sg({ SecurityGroupEgress: [rule({ CidrIp: '10.1.0.0/16' })] })))).toEqual(['10.1.0.0/16']);
      expect(egressOf(model({ ...sg({}), ...separate() }))).toEqual(['10.1.0.0/16']);
    });
    test('an egress rule that only may exist does not remove the default: both are there (the group allows everything when it is absent)', () => {
      // A separate egress resource under a condition over a free-text parameter (default "off"): deployed as
      // written, the group has no egress rule of its own and CloudFormation gives it allow-all.
      expect(egressOf(model({ ...sg({}), ...separate('Maybe') }))).toEqual(['10.1.0.0/16', 'everywhere (default egress)']);
      // An inline rule of a group that itself only may exist is certain whenever the group exists.
      expect(egressOf(model(sg({ SecurityGroupEgress: [rule({ CidrIp: '10.1.0.0/16' })] }, 'Maybe')))).toEqual(['10.1.0.0/16']);
    });
    test('an inline egress list that a condition may leave empty does not remove the default either', () => {
      const r = rule({ CidrIp: '10.1.0.0/16' });
      expect(egressOf(model(sg({ SecurityGroupEgress: [{ 'Fn::If': ['Maybe', r, { Ref: 'AWS::NoValue' }] }] })))).toEqual(['10.1.0.0/16', 'everywhere (default egress)']);
      expect(egressOf(model(sg({ SecurityGroupEgress: { 'Fn::If': ['Maybe', [r], []] } })))).toEqual(['10.1.0.0/16', 'everywhere (default egress)']);
      // One rule present in every reading is enough to replace it.
      expect(egressOf(model(sg({ SecurityGroupEgress: [{ 'Fn::If': ['Maybe', r, { Ref: 'AWS::NoValue' }] }, rule({ CidrIp: '10.2.0.0/16' })] })))).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
      expect(egressOf(model(sg({ SecurityGroupEgress: { 'Fn::If': ['Maybe', [r], [rule({ CidrIp: '10.2.0.0/16' })]] } })))).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
    });
    test("the VPC's default group keeps its allow-all egress when a rule is added to it", () => {
      const m = model({ Out: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: { 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] }, ...rule({ CidrIp: '10.1.0.0/16' }) } } });
      expect(m.securityGroups.get('S::Vpc#defaultSg')!.egress.map((r) => r.peerText)).toEqual(['10.1.0.0/16', 'everywhere (default egress)']);
    });
    test('a separate ingress resource adds to the ingress of its group; one naming no group of the templates is unresolved', () => {
      const m = model({ ...sg({}), In: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'G' }, ...rule({ CidrIp: '10.2.0.0/16' }) } } });
      expect(m.securityGroups.get('S::G')!.ingress.map((r) => r.peerText)).toEqual(['10.2.0.0/16']);
      expect(egressOf(m)).toEqual(['everywhere (default egress)']);
      const stray = model({ ...sg({}), In: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'Vpc' }, ...rule({ CidrIp: '10.2.0.0/16' }) } } });
      expect(unresolved(stray)).toEqual(['In.GroupId:not-security-group']);
    });
  });
});

test('the sets these facts carry are the ones the filter search compares (setOf of the parsed CIDR)', () => {
  const [e] = entries(entry({ CidrBlock: '10.9.0.0/16' }));
  expect(e.cidr).toEqual(setOf([parseCidr('10.9.0.0/16')!]));
});
