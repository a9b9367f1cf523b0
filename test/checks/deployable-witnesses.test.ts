/**
 * Witness packets that can be sent, and branches that can be deployed (issue 18, point 6):
 * - a witness never reads "tcp port 0, 10.0.0.0 → 0.0.0.0": its port is one the allowing rule names (or a
 *   well-known service port inside an allow-all rule), its addresses are unicast host addresses;
 * - an AllowedValue CloudFormation itself would refuse (it breaks the parameter's Type, AllowedPattern,
 *   lengths or bounds), or one that is not a CIDR block where a CIDR block is required, is no branch —
 *   unless `--parameters` pins it, when the engine reports what would be deployed.
 */
import { formatAddress, contains, parseCidr, setOf } from '../../lib/cidr/address-sets';
import { UNICAST_ADDRESSES } from '../../lib/cidr/public-addresses';
import { evaluateFilters } from '../../lib/model/reachability/filters';
import { presentableAddress, presentablePort } from '../../lib/model/reachability/witness-packet';
import { parameterRefusal } from '../../lib/model/resolve/parameter-constraints';
import { applyParameterValues } from '../../lib/model/load/parameter-values';
import { InputError } from '../../lib/input-error';
import type { SgFact } from '../../lib/model/facts/types';
import { asLoaded, buildCity } from '../fixtures/city';
import { ref, rules, run, runTemplates, type Resources } from './helpers';
import { said } from '../support/finding-words';

const set = (...cs: string[]) => setOf(cs.map((c) => parseCidr(c)!));
const sg = (ingress: SgFact['ingress'], egress: SgFact['egress'] = [{ ref: R0, protocol: -1, cidr: set('0.0.0.0/0'), peerText: 'all' }]): SgFact => ({ key: 'S::Sg', ref: R0, presence: 'present', isDefault: false, ingress, egress });
const R0 = { stack: 'S', logicalId: 'Sg', type: 'AWS::EC2::SecurityGroup' };

describe('witness packets are packets someone can send', () => {
  test('an allow-all path prints a service port and host addresses, not port 0 and network addresses', () => {
    const r = evaluateFilters({ srcAddrs: set('10.0.0.0/24'), dstAddrs: set('0.0.0.0/0'), src: { sgs: [sg([])] }, dst: undefined });
    expect(r.pass).toBe(true);
    const p = r.packet!;
    expect({ protocol: p.protocol, port: p.port, src: formatAddress(p.src), dst: formatAddress(p.dst) }).toEqual({ protocol: 6, port: 443, src: '10.0.0.4', dst: '1.0.0.4' });
  });
  test('the port is the one the allowing rule names', () => {
    const r = evaluateFilters({ srcAddrs: set('203.0.113.0/24'), dstAddrs: set('10.0.1.0/24'), dst: { sgs: [sg([{ ref: R0, protocol: 6, ports: { from: 8443, to: 8443 }, cidr: set('0.0.0.0/0'), peerText: 'all' }])] } });
    expect(r.packet).toMatchObject({ protocol: 6, port: 8443 });
    expect(formatAddress(r.packet!.dst)).toBe('10.0.1.4');
    // A range: a well-known port inside it when there is one, else its first port.
    const range = evaluateFilters({ srcAddrs: set('203.0.113.0/24'), dstAddrs: set('10.0.1.0/24'), dst: { sgs: [sg([{ ref: R0, protocol: 17, ports: { from: 30000, to: 30100 }, cidr: set('0.0.0.0/0'), peerText: 'all' }])] } });
    expect(range.packet).toMatchObject({ protocol: 17, port: 30000 });
  });
  test('a one-address class (a /32 rule at a subnet edge) keeps its address: the witness stays exact', () => {
    const edge = evaluateFilters({ srcAddrs: set('10.0.0.0/24'), dstAddrs: set('10.0.1.0/24'), dst: { sgs: [sg([{ ref: R0, protocol: -1, cidr: set('10.0.0.255/32'), peerText: 'edge' }])] } });
    expect(formatAddress(edge.packet!.src)).toBe('10.0.0.255');
  });
  test('every witness of the good city and of a crossing mutation is unicast, with no port 0', () => {
    const r = run((R) => {
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcInet') } };
      R.PeerRoute = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.10.0.0/20', VpcPeeringConnectionId: ref('Peer') } };
    });
    expect(r.flows.filter((f) => f.packet).length).toBeGreaterThan(0);
    for (const f of r.flows) {
      if (!f.packet) continue;
      expect(f.packet.port).not.toBe(0);
      expect(contains(UNICAST_ADDRESSES, f.packet.src) && contains(UNICAST_ADDRESSES, f.packet.dst)).toBe(true);
      expect(f.destinations).not.toMatch(/(^|\s)(0\.0\.0\.0|10\.\d+\.\d+\.0)(\s|$)/);
    }
  });
  test('the chooser stays inside the class it is given', () => {
    const within = set('10.0.0.0/24');
    // Class [10.0.0.0, 10.0.0.2]: too narrow for +4, so its first unicast address.
    expect(formatAddress(presentableAddress(parseCidr('10.0.0.0/32')!.lo, [parseCidr('10.0.0.0/32')!.lo, parseCidr('10.0.0.3/32')!.lo], within))).toBe('10.0.0.0');
    expect(presentablePort(6, 0, [0, 22, 23])).toBe(1);
    expect(presentablePort(6, 22, [0, 22, 23])).toBe(22);
    expect(presentablePort(1, undefined, [])).toBeUndefined();
  });
});

describe('AllowedValues CloudFormation itself would refuse are not branches', () => {
  const peering = (param: Record<string, unknown>) => (R: Resources, t: { Parameters?: Record<string, unknown>; Conditions?: Record<string, unknown> }): void => {
    t.Parameters = { ...(t.Parameters ?? {}), Toggle: { Type: 'String', ...param } };
    t.Conditions = { ...(t.Conditions ?? {}), On: { 'Fn::Equals': [{ Ref: 'Toggle' }, 'on'] } };
    R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Condition: 'On', Properties: { VpcId: ref('VpcPn'), PeerVpcId: ref('VpcInet') } };
  };
  test('an allowed value that breaks the AllowedPattern cannot be deployed: the condition is decided', () => {
    expect(rules(run(peering({ Default: 'off', AllowedValues: ['off', 'on'], AllowedPattern: 'of+' }) as never))).toEqual([]);
    // Breach twin: the pattern admits "on".
    expect(rules(run(peering({ Default: 'off', AllowedValues: ['off', 'on'], AllowedPattern: '[a-z]+' }) as never))).toEqual(['TIER-JOIN-PEERING']);
  });
  test('lengths, Number and bounds are constraints too', () => {
    expect(parameterRefusal({ MaxLength: 2 }, 'off')).toMatch(/MaxLength 2/);
    expect(parameterRefusal({ MinLength: 3 }, 'on')).toMatch(/MinLength 3/);
    expect(parameterRefusal({ Type: 'Number' }, 'all')).toMatch(/not a number/);
    expect(parameterRefusal({ Type: 'Number', MaxValue: 10 }, '11')).toMatch(/MaxValue 10/);
    expect(parameterRefusal({ Type: 'List<Number>' }, '1, x')).toMatch(/"x" is not a number/);
    expect(parameterRefusal({ Type: 'AWS::EC2::VPC::Id' }, 'none')).toMatch(/not an id of type AWS::EC2::VPC::Id/);
    expect(parameterRefusal({ Type: 'AWS::EC2::VPC::Id' }, 'vpc-0123abcd')).toBeUndefined();
    expect(parameterRefusal({ Type: 'CommaDelimitedList', AllowedPattern: '[a-z]+' }, 'a,b')).toBeUndefined();
  });
  test('every allowed value refused: the parameter cannot be deployed, UNRESOLVED-VALUE (fail closed)', () => {
    const r = run((R, t) => {
      t.Parameters = { Dest: { Type: 'String', AllowedValues: ['x', 'y'], AllowedPattern: '[0-9./]+' } };
      R.Extra = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: { Ref: 'Dest' }, GatewayId: ref('VgwLgwan') } };
    });
    expect(rules(r)).toEqual(['UNRESOLVED-VALUE']);
    expect(said(r.findings[0]).message).toMatch(/would refuse every one of its AllowedValues/);
  });
  test('a value that is not a CIDR block where one is required is no branch; pinned with --parameters it is reported', () => {
    const template = () => {
      const t = buildCity();
      t.Parameters = { OnPrem: { Type: 'String', AllowedValues: ['172.16.20.0/22', 'none'] } };
      (t.Resources as Resources).Extra = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: { Ref: 'OnPrem' }, GatewayId: ref('VgwLgwan') } };
      return [asLoaded('City', t)];
    };
    expect(rules(runTemplates(template()))).toEqual([]);
    const pinned = template();
    applyParameterValues(pinned, { OnPrem: 'none' }, 'params.json');
    const r = runTemplates(pinned);
    expect(rules(r)).toEqual(['UNRESOLVED-VALUE']);
    expect(said(r.findings[0]).message).toMatch(/"none" is not a CIDR block/);
  });
  test('--parameters refuses a value that breaks the declaration (exit 2 in the CLI), naming the constraint', () => {
    const t = buildCity();
    t.Parameters = { Toggle: { Type: 'String', AllowedValues: ['off', 'on'], AllowedPattern: 'of+' } };
    expect(() => applyParameterValues([asLoaded('City', t)], { Toggle: 'on' }, 'params.json')).toThrow(InputError);
    expect(() => applyParameterValues([asLoaded('City', t)], { Toggle: 'on' }, 'params.json')).toThrow(/does not match AllowedPattern of\+; CloudFormation would refuse it/);
  });
});

describe('every alternative a parameter leaves, not the first (NACL entries, security-group ports)', () => {
  const naclTemplate = (action: string) => {
    const t = buildCity();
    t.Parameters = { Port: { Type: 'Number', AllowedValues: ['443', '3389'] } };
    (t.Resources as Resources).Extra = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: 6, RuleAction: action, Egress: false, CidrBlock: '10.10.0.0/20', PortRange: { From: { Ref: 'Port' }, To: { Ref: 'Port' } } } };
    return [asLoaded('City', t)];
  };
  test('an allow whose port a parameter chooses is modelled for each allowed port', () => {
    const r = runTemplates(naclTemplate('allow'));
    const extra = r.model.nacls.get('City::NaclLgwan')!.entries.filter((e) => e.ref.logicalId === 'Extra');
    // Both ports (the resolver also pairs the two references independently: an over-approximation, never less).
    expect(extra.map((e) => e.ports)).toEqual(expect.arrayContaining([{ from: 443, to: 443 }, { from: 3389, to: 3389 }]));
  });
  test('a deny whose port a parameter chooses is not certain, so it blocks nothing (fail closed)', () => {
    const r = runTemplates(naclTemplate('deny'));
    expect(r.model.nacls.get('City::NaclLgwan')!.entries.filter((e) => e.ref.logicalId === 'Extra')).toEqual([]);
  });
  test('a security-group port that is not a number is UNRESOLVED-VALUE and read as every port', () => {
    const r = run((R, t) => {
      t.Parameters = { Port: { Type: 'String', Default: 'https' } };
      R.SgOdd = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: { Ref: 'Port' }, ToPort: { Ref: 'Port' }, CidrIp: '10.20.0.0/20' } };
    });
    expect(rules(r)).toEqual(['UNRESOLVED-VALUE']);
    expect(r.model.securityGroups.get('City::SgLgwan')!.ingress.find((x) => x.ref.logicalId === 'SgOdd')?.ports).toBeUndefined();
  });
});

describe('parameter constraints, edge by edge (what CloudFormation accepts decides what is a branch)', () => {
  test.each([
    ['AWS::EC2::VPC::Id', 'vpc-0123abcd', 'subnet-0123abcd'],
    ['AWS::EC2::Subnet::Id', 'subnet-0123abcd', 'vpc-0123abcd'],
    ['AWS::EC2::SecurityGroup::Id', 'sg-0123456789abcdef0', 'sg-xyz'],
    ['AWS::EC2::Image::Id', 'ami-0123abcd', 'ami-01'],
    ['AWS::EC2::Instance::Id', 'i-0123456789abcdef0', 'i-0123abc'],
    ['AWS::EC2::Volume::Id', 'vol-0123abcd', 'vol-0123abcd0123abcd01'],
  ])('%s accepts %s and refuses %s', (type, ok, bad) => {
    expect(parameterRefusal({ Type: type }, ok)).toBeUndefined();
    expect(parameterRefusal({ Type: type }, bad)).toMatch(new RegExp(`not an id of type ${type.replace(/::/g, '::')}`));
  });
  test('numbers as CloudFormation reads them, bounds inclusive', () => {
    for (const ok of ['7', ' 7 ', '+3', '-2', '1.5', '.5', '1.', '1e3', '2E-2']) expect(parameterRefusal({ Type: 'Number' }, ok)).toBeUndefined();
    for (const bad of ['', 'x1', '1x', '1.2.3', 'e3', '--1']) expect(parameterRefusal({ Type: 'Number' }, bad)).toMatch(/not a number/);
    expect(parameterRefusal({ Type: 'Number', MinValue: 10, MaxValue: 20 }, '10')).toBeUndefined();
    expect(parameterRefusal({ Type: 'Number', MinValue: 10, MaxValue: 20 }, '20')).toBeUndefined();
    expect(parameterRefusal({ Type: 'Number', MinValue: '10' }, '9')).toMatch(/below MinValue 10/);
    expect(parameterRefusal({ Type: 'Number', MaxValue: '20' }, 21)).toMatch(/above MaxValue 20/);
  });
  test('lengths inclusive; a pattern JavaScript cannot read decides nothing; list elements one by one', () => {
    expect(parameterRefusal({ MinLength: 2, MaxLength: 3 }, 'ab')).toBeUndefined();
    expect(parameterRefusal({ MinLength: 2, MaxLength: 3 }, 'abc')).toBeUndefined();
    expect(parameterRefusal({ MinLength: 2, MaxLength: 3 }, 'a')).toMatch(/shorter than MinLength 2/);
    expect(parameterRefusal({ MinLength: 2, MaxLength: 3 }, 'abcd')).toMatch(/longer than MaxLength 3/);
    expect(parameterRefusal({ AllowedPattern: '(' }, 'anything')).toBeUndefined();
    expect(parameterRefusal({ AllowedPattern: 'a|b' }, 'ab')).toMatch(/does not match AllowedPattern/);
    expect(parameterRefusal({ Type: 'List<AWS::EC2::Subnet::Id>' }, 'subnet-0123abcd, subnet-4567abcd')).toBeUndefined();
    expect(parameterRefusal({ Type: 'List<AWS::EC2::Subnet::Id>' }, 'subnet-0123abcd,vpc-0123abcd')).toMatch(/not an id of type AWS::EC2::Subnet::Id/);
    expect(parameterRefusal({ Type: 'CommaDelimitedList', MaxLength: 2 }, 'ab,abc')).toMatch(/"abc" is longer than MaxLength 2/);
    expect(parameterRefusal({ Type: 'Number' }, null)).toBeUndefined();
  });
});

describe('the witness chooser at its edges', () => {
  const a = (text: string) => parseCidr(`${text}/32`)!.lo;
  const f = (v: bigint) => formatAddress(v);
  test('a class of five addresses is too narrow for "four above": its first address, never its last', () => {
    const within = set('10.0.0.0/24');
    expect(f(presentableAddress(a('10.0.0.0'), [a('10.0.0.0'), a('10.0.0.5')], within))).toBe('10.0.0.0');
    expect(f(presentableAddress(a('10.0.0.0'), [a('10.0.0.0'), a('10.0.0.6')], within))).toBe('10.0.0.4');
  });
  test('the class ends at the next representative, or at the end of its own interval', () => {
    const within = set('10.0.0.0/30', '10.0.1.0/24');
    // 10.0.0.0/30 is one interval of four addresses: no room for +4, so its first.
    expect(f(presentableAddress(a('10.0.0.0'), [a('10.0.0.0'), a('10.0.1.0')], within))).toBe('10.0.0.0');
    // An address outside `within` stays as it is.
    expect(f(presentableAddress(a('192.0.2.1'), [a('192.0.2.1')], within))).toBe('192.0.2.1');
  });
  test('a class never crosses from IPv6 into IPv4 (one number line holds both)', () => {
    const all = set('::/0', '0.0.0.0/0');
    const v = presentableAddress(0n, [0n], all);
    expect(f(v)).toBe('::6');
  });
  test('ports: the class start when it is a service port, the last port of a class, UDP services, port 1 below 22', () => {
    expect(presentablePort(6, 443, [0, 443, 444])).toBe(443);
    expect(presentablePort(6, 0, [0, 444])).toBe(443);
    expect(presentablePort(6, 80, [0, 80, 444])).toBe(443);
    expect(presentablePort(17, 0, [0])).toBe(53);
    expect(presentablePort(17, 124, [0, 124, 125])).toBe(124);
    expect(presentablePort(6, 0, [0, 1])).toBe(0);
    expect(presentablePort(6, 0, [0, 2])).toBe(1);
  });
});
