/**
 * Facts never depend on the order resources are declared in: an instance whose second interface is an
 * ENI declared after it is still multi-homed, an attachment declared before both still counts, and a
 * property-style test shuffles the resources of many breach fixtures (seeded) and asserts the same findings.
 */
import type { Finding } from '../../lib/checks';
import { verify } from '../../lib/checks';
import type { CfnTemplate } from '../../lib/model/load/template';
import { asLoaded, buildCity } from '../fixtures/city';
import { AS_OF, DEFAULT_POLICY, ref, rules, type Resources } from './helpers';
import { said } from '../support/finding-words';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same template with its resources in another order (Fisher–Yates, seeded). */
function shuffled(t: CfnTemplate, seed: number): CfnTemplate {
  const rnd = mulberry32(seed);
  const entries = Object.entries(t.Resources);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return { ...t, Resources: Object.fromEntries(entries) };
}

/** A city with extra resources appended in the given order (after every city resource). */
function cityWith(extra: Resources): CfnTemplate {
  const t = buildCity();
  Object.assign(t.Resources, extra);
  return t;
}

const verdict = (t: CfnTemplate) => verify([asLoaded('City', t)], DEFAULT_POLICY, { asOf: AS_OF });
const signature = (fs: Finding[]): string[] =>
  fs.map((f) => JSON.stringify([f.rule, f.severity, said(f).title, f.from, f.to, f.resource?.logicalId, f.protocol, f.ports])).sort();

const instance = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: ref('SubnetLgwanAppA') }, { DeviceIndex: '1', NetworkInterfaceId: ref('EniPn') }] } };
const eniPn = { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: ref('SubnetPnAppA') } };

test('an instance whose second interface is an ENI declared after it is multi-homed', () => {
  expect(rules(verdict(cityWith({ Box: instance, EniPn: eniPn })))).toEqual(['TIER-JOIN-MULTIHOMED']);
  expect(rules(verdict(cityWith({ EniPn: eniPn, Box: instance })))).toEqual(['TIER-JOIN-MULTIHOMED']);
});

test('a secondary-interface attachment declared before the instance and the ENI still joins them', () => {
  const box = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', SubnetId: ref('SubnetLgwanAppA') } };
  const attach = { Type: 'AWS::EC2::NetworkInterfaceAttachment', Properties: { InstanceId: ref('Box'), NetworkInterfaceId: ref('EniPn'), DeviceIndex: '1' } };
  expect(rules(verdict(cityWith({ Attach: attach, Box: box, EniPn: eniPn })))).toEqual(['TIER-JOIN-MULTIHOMED']);
  expect(rules(verdict(cityWith({ EniPn: eniPn, Box: box, Attach: attach })))).toEqual(['TIER-JOIN-MULTIHOMED']);
});

/** Breach fixtures of many families (routing, filters, links, services, tags): each must be order-independent. */
const FIXTURES: Record<string, Resources> = {
  good: {},
  multihomed: { Box: instance, EniPn: eniPn },
  peeringWithRoutes: {
    Peer: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } },
    PeerR1: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.30.0.0/20', VpcPeeringConnectionId: ref('Peer') } },
    PeerR2: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtPn'), DestinationCidrBlock: '10.20.0.0/20', VpcPeeringConnectionId: ref('Peer') } },
    NaclOut: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '10.30.0.0/20' } },
    NaclIn: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '10.20.0.0/20' } },
    SgIn: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgPn'), IpProtocol: 'tcp', FromPort: 445, ToPort: 445, CidrIp: '10.20.0.0/20' } },
  },
  igwInLgwan: {
    IgwLgwanAtt: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } },
    RtLgwanDefault: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } },
  },
  publicUrl: {
    Fn: { Type: 'AWS::Lambda::Function', Properties: { VpcConfig: { SubnetIds: [ref('SubnetLgwanAppA')] } } },
    FnUrl: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] }, AuthType: 'NONE' } },
  },
  relay: {
    Ep: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcLgwan'), VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.ap-northeast-1.lambda', SubnetIds: [ref('SubnetLgwanAppA')] } },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { VpcConfig: { SubnetIds: [ref('SubnetPnAppA')] } } },
  },
  endpointServiceOpen: {
    Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', Subnets: [ref('SubnetPnAppA')] } },
    Svc: { Type: 'AWS::EC2::VPCEndpointService', Properties: { NetworkLoadBalancerArns: [ref('Nlb')] } },
    Perm: { Type: 'AWS::EC2::VPCEndpointServicePermissions', Properties: { ServiceId: ref('Svc'), AllowedPrincipals: ['*'] } },
    Consumer: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcLgwan'), VpcEndpointType: 'Interface', ServiceName: { 'Fn::Sub': 'com.amazonaws.vpce.${AWS::Region}.${Svc}' }, SubnetIds: [ref('SubnetLgwanAppA')] } },
  },
  tgwDefaults: {
    TgwRtInetAssoc2: { Type: 'AWS::EC2::TransitGatewayRouteTablePropagation', Properties: { TransitGatewayRouteTableId: ref('TgwRtLgwan'), TransitGatewayAttachmentId: ref('TgwAttPn') } },
  },
  sgAndNaclRules: {
    SgOut: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.30.0.0/20' } },
    NaclDeny: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 10, Protocol: 6, RuleAction: 'deny', Egress: true, CidrBlock: '10.30.0.0/24', PortRange: { From: 22, To: 22 } } },
  },
};

describe.each(Object.entries(FIXTURES))('declaration order does not change the findings: %s', (_name, extra) => {
  const base = cityWith(extra);
  // Verified in the first test that needs it, not while jest collects the tests (tools/mutation: per-test coverage).
  let memo: string[] | undefined;
  const expected = (): string[] => (memo ??= signature(verdict(base).findings));
  test.each([1, 2, 3, 4, 5, 6])('seed %i', (seed) => {
    expect(signature(verdict(shuffled(base, seed * 7919)).findings)).toEqual(expected());
  });
});
