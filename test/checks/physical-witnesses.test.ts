/**
 * Witnesses that can happen, and values that are values: a packet from the internet carries a public source
 * address; CDK's "Disallow all traffic" egress placeholder allows nothing; a free-text Description is not a
 * network value; a tier tag that contradicts its VPC is a conflict whatever the resource's type; List
 * parameters pass through nested stacks.
 */
import { buildModel } from '../../lib/model/facts';
import { formatAddress, parseCidr, setOf, intersect, isEmpty } from '../../lib/cidr/address-sets';
import { PUBLIC_ADDRESSES, UNICAST_ADDRESSES } from '../../lib/cidr/public-addresses';
import { evaluateFilters } from '../../lib/model/reachability/filters';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { ref, rules, run, runTemplates } from './helpers';
import { said } from '../support/finding-words';

const PRIVATE = setOf(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c)!));

test('from the internet into a tier: the witness packet has a public source address', () => {
  const r = run((R) => {
    R.IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } };
    R.RtLgwanDefault = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
    R.SgLgwanAny = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' } };
    R.NaclLgwanAny = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 1, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' } };
  });
  const inbound = r.flows.filter((f) => f.fromClass === 'internet' && f.status === 'open');
  expect(inbound.length).toBeGreaterThan(0);
  for (const f of inbound) {
    const src = f.packet!.src;
    expect({ src: formatAddress(src), private: !isEmpty(intersect([[src, src]], PRIVATE)) }).toEqual({ src: formatAddress(src), private: false });
    expect(isEmpty(intersect([[src, src]], PUBLIC_ADDRESSES))).toBe(false);
  }
});

test('a tier whose groups admit only private sources is not reachable from the internet (no 10.x → 10.x witness)', () => {
  const r = run((R) => {
    R.IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } };
    R.RtLgwanDefault = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
  });
  const inbound = r.findings.filter((f) => f.rule === 'CLOSED-TIER-INTERNET' && f.from.kind === 'internet');
  // Routes connect, so the construct is still reported — but only as blocked by filters, never as an open path.
  expect(inbound.every((f) => f.severity === 'warning')).toBe(true);
});

const sgTemplate = (egress: unknown[]): LoadedTemplate[] => [{
  stack: 'S', file: 'S.json',
  template: { Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } },
    Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' }, SecurityGroupEgress: egress } },
  } },
}];

test("CDK's placeholder egress rule (ICMP 252/86 to 255.255.255.255/32) allows nothing and still removes the default egress", () => {
  const sg = buildModel(sgTemplate([{ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 }])).model.securityGroups.get('S::Sg')!;
  expect(sg.explicitEgress).toBe(true);
  expect(sg.egress).toHaveLength(1);
  expect(sg.egress[0].peerText).toMatch(/nothing/);
  // Kept as written (the live account lists it the same way), and no packet is ever addressed to it:
  // with only this rule, nothing leaves for a network of unknown ranges.
  const none = evaluateFilters({ srcAddrs: setOf([parseCidr('10.0.0.0/24')!]), dstAddrs: UNICAST_ADDRESSES, src: { sgs: [sg] } });
  expect(none.pass).toBe(false);
  expect(none.blockedBy).toContain('sg');
  expect(isEmpty(intersect(sg.egress[0].cidr!, UNICAST_ADDRESSES))).toBe(true);
});

test('a free-text Description with a parameter known only at deploy time is not a network value', () => {
  const r = run((R, t) => {
    t.Parameters = { Owner: { Type: 'String' } };
    R.SgNote = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.20.0.0/20', Description: { 'Fn::Sub': 'HTTPS for ${Owner}' } } };
  });
  expect(rules(r)).toEqual([]);
  // The same unknown value in a network field is still UNRESOLVED-VALUE.
  expect(rules(run((R, t) => {
    t.Parameters = { Owner: { Type: 'String' } };
    R.SgNote = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { Ref: 'Owner' } } };
  }))).toEqual(['UNRESOLVED-VALUE']);
});

test('a security group (or any resource) tagged with another tier than its VPC: TIER-TAG-CONFLICT', () => {
  const r = run((R) => {
    R.SgInet.Properties!.Tags = [{ Key: 'mic:tier', Value: 'lgwan' }];
  });
  expect(rules(r)).toEqual(['TIER-TAG-CONFLICT']);
  expect(r.findings[0].resource).toMatchObject({ logicalId: 'SgInet', type: 'AWS::EC2::SecurityGroup' });
  expect(said(r.findings[0]).message).toMatch(/tagged lgwan but sits in VpcInet, a internet VPC|tagged lgwan but sits in VpcInet/);
  const lb = run((R) => {
    R.Nlb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', Subnets: [ref('SubnetPnAppA')], Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } };
  });
  expect(rules(lb)).toEqual(['TIER-TAG-CONFLICT']);
  expect(rules(run((R) => { R.SgInet.Properties!.Tags = [{ Key: 'mic:tier', Value: 'internet' }]; }))).toEqual([]);
});

test('a List<AWS::EC2::Subnet::Id> nested-stack parameter given one subnet, or a Join of two, passes through', () => {
  const parent = (value: unknown): LoadedTemplate => ({
    stack: 'P', file: 'P.json',
    template: { Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } },
      A: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24' } },
      B: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' } },
      Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'child.json', Parameters: { Subnets: value } } },
    } },
  });
  const child: LoadedTemplate = {
    stack: 'P/Child', file: 'child.json', parent: { stack: 'P', logicalId: 'Child' },
    template: {
      Parameters: { Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' } },
      Resources: { Db: { Type: 'AWS::RDS::DBSubnetGroup', Properties: { DBSubnetGroupDescription: 'x', SubnetIds: { Ref: 'Subnets' } } },
        First: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', SubnetId: { 'Fn::Select': [0, { Ref: 'Subnets' }] } } } },
    },
  };
  for (const value of [{ Ref: 'A' }, { 'Fn::Join': [',', [{ Ref: 'A' }, { Ref: 'B' }]] }]) {
    const r = runTemplates([parent(value), child]);
    expect({ value, rules: rules(r), why: r.findings.map((f) => said(f).message) }).toEqual({ value, rules: [], why: [] });
    expect(r.model.compute.get('P/Child::Db')!.subnets.length).toBeGreaterThan(0);
    expect(r.model.compute.get('P/Child::First')!.subnets).toEqual(['P::A']);
  }
});

test('every route that opens a path is listed, one per route table (Availability Zone), qualified by stack', () => {
  const r = run((R) => {
    R.RtLgwanB = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('VpcLgwan') } };
    R.RtLgwanBAssoc = { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref('SubnetLgwanAppB'), RouteTableId: ref('RtLgwanB') } };
    R.IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } };
    R.RtLgwanDefaultA = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
    R.RtLgwanDefaultB = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwanB'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
  });
  const out = r.findings.find((f) => f.rule === 'CLOSED-TIER-INTERNET' && f.from.kind === 'tier')!;
  expect(said(out).message).toMatch(/Routes that open this path.*City\/RtLgwanDefaultA, City\/RtLgwanDefaultB/);
});
