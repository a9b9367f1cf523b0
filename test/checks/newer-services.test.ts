/**
 * Newer connectivity services modelled with paths or as constructs, not refused: Transit Gateway peering,
 * EC2 Instance Connect Endpoints and Verified Access endpoints (managed entries from the internet), and VPC
 * Lattice service networks. Each with a breach and a clean twin on the good city.
 */
import type { Finding } from '../../lib/checks';
import { ref, rules, run, type Resources } from './helpers';
import { said } from '../support/finding-words';

const byRule = (fs: Finding[], id: string): Finding[] => fs.filter((f) => f.rule === id);

describe('Transit Gateway peering (another Region or account)', () => {
  const peering = (R: Resources, tags: unknown[], table: string): void => {
    R.TgwPeer = { Type: 'AWS::EC2::TransitGatewayPeeringAttachment', Properties: { TransitGatewayId: ref('Tgw'), PeerTransitGatewayId: 'tgw-0osaka000000000001', PeerRegion: 'ap-northeast-3', PeerAccountId: { Ref: 'AWS::AccountId' }, Tags: tags } };
    R.TgwPeerAssoc = { Type: 'AWS::EC2::TransitGatewayRouteTableAssociation', Properties: { TransitGatewayRouteTableId: ref(table), TransitGatewayAttachmentId: ref('TgwPeer') } };
    R.TgwPeerRoute = { Type: 'AWS::EC2::TransitGatewayRoute', Properties: { TransitGatewayRouteTableId: ref(table), DestinationCidrBlock: '10.120.0.0/16', TransitGatewayAttachmentId: ref('TgwPeer') } };
  };
  test('an LGWAN peering in the LGWAN route domain (Tokyo–Osaka disaster recovery): clean', () => {
    const r = run((R) => peering(R, [{ Key: 'mic:tier', Value: 'lgwan' }], 'TgwRtLgwan'));
    expect(rules(r)).toEqual([]);
    // The peered Region's LGWAN network is reachable from the LGWAN tier, through the peering.
    expect(r.flows.some((f) => f.fromClass === 'tier:lgwan' && f.toClass === 'on-prem:lgwan' && f.hops.some((h) => h.resource.logicalId === 'TgwPeer'))).toBe(true);
  });
  test('an LGWAN peering in the personal-number route domain: the route domain joins two tiers', () => {
    const r = run((R) => peering(R, [{ Key: 'mic:tier', Value: 'lgwan' }], 'TgwRtPn'));
    expect(rules(r)).toContain('TIER-JOIN-TGW');
    expect(rules(r)).toContain('TIER-CROSSING');
    expect(byRule(r.findings, 'TIER-CROSSING').some((f) => f.from.kind === 'tier' && f.from.tier === 'personal-number' && f.to.kind === 'on-prem' && f.to.tier === 'lgwan')).toBe(true);
  });
  test('an untagged peering to a transit gateway outside the templates: UNRESOLVED-VALUE (fail closed), not UNMODELLED-RESOURCE', () => {
    const r = run((R) => peering(R, [], 'TgwRtLgwan'));
    expect(rules(r)).toContain('UNRESOLVED-VALUE');
    expect(rules(r)).not.toContain('UNMODELLED-RESOURCE');
    expect(said(byRule(r.findings, 'UNRESOLVED-VALUE')[0]).message).toMatch(/mic:tier/);
  });
});

describe('REMOTE-ENTRY-INTO-TIER: EC2 Instance Connect Endpoint and Verified Access', () => {
  const eic = (subnet: string) => (R: Resources): void => {
    R.Eic = { Type: 'AWS::EC2::InstanceConnectEndpoint', Properties: { SubnetId: ref(subnet), SecurityGroupIds: [ref('SgPn')] } };
  };
  test('an Instance Connect Endpoint in the personal-number tier: exactly REMOTE-ENTRY-INTO-TIER, citing the ban on remote access', () => {
    const r = run(eic('SubnetPnAppA'));
    expect(rules(r)).toEqual(['REMOTE-ENTRY-INTO-TIER']);
    expect(r.findings[0]).toMatchObject({ severity: 'error', from: { kind: 'internet' }, to: { kind: 'tier', tier: 'personal-number' }, citation: 'personalNumberNoTelework' });
  });
  test('in the LGWAN tier: also an entry that is not a closed path', () => {
    expect(rules(run(eic('SubnetLgwanAppA')))).toEqual(['REMOTE-ENTRY-INTO-TIER']);
  });
  test('clean twin: in the internet tier it is an ordinary internet entry', () => {
    expect(rules(run(eic('SubnetInetAppA')))).toEqual([]);
  });
  test('a Verified Access endpoint in front of an LGWAN load balancer', () => {
    const r = run((R) => {
      R.Alb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', Scheme: 'internal', Subnets: [ref('SubnetLgwanAppA'), ref('SubnetLgwanAppB')] } };
      R.Vae = { Type: 'AWS::EC2::VerifiedAccessEndpoint', Properties: { AttachmentType: 'vpc', EndpointType: 'load-balancer', VerifiedAccessGroupId: 'vagr-1', ApplicationDomain: 'app.example.jp', DomainCertificateArn: 'arn:aws:acm:x', EndpointDomainPrefix: 'app', LoadBalancerOptions: { LoadBalancerArn: ref('Alb'), Port: 443, Protocol: 'https', SubnetIds: [ref('SubnetLgwanAppA')] } } };
    });
    expect(rules(r)).toEqual(['REMOTE-ENTRY-INTO-TIER']);
    expect(r.findings[0].to).toMatchObject({ kind: 'tier', tier: 'lgwan' });
  });
});

describe('TIER-JOIN-LATTICE: VPC Lattice service networks', () => {
  const latticeCity = (consumer: string, targetVpc: string, extra?: (R: Resources) => void) => (R: Resources): void => {
    R.Sn = { Type: 'AWS::VpcLattice::ServiceNetwork', Properties: { Name: 'sn', AuthType: 'AWS_IAM' } };
    R.SnVpc = { Type: 'AWS::VpcLattice::ServiceNetworkVpcAssociation', Properties: { ServiceNetworkIdentifier: ref('Sn'), VpcIdentifier: ref(consumer) } };
    R.Svc = { Type: 'AWS::VpcLattice::Service', Properties: { Name: 'svc' } };
    R.SnSvc = { Type: 'AWS::VpcLattice::ServiceNetworkServiceAssociation', Properties: { ServiceNetworkIdentifier: ref('Sn'), ServiceIdentifier: ref('Svc') } };
    R.Tg = { Type: 'AWS::VpcLattice::TargetGroup', Properties: { Type: 'IP', Config: { VpcIdentifier: ref(targetVpc), Port: 443, Protocol: 'HTTPS' }, Targets: [{ Id: '10.0.0.10' }] } };
    R.Listener = { Type: 'AWS::VpcLattice::Listener', Properties: { ServiceIdentifier: ref('Svc'), Protocol: 'HTTPS', DefaultAction: { Forward: { TargetGroups: [{ TargetGroupIdentifier: ref('Tg'), Weight: 100 }] } } } };
    extra?.(R);
  };
  test('consumers and targets in the LGWAN tier: clean (modelled, not refused)', () => {
    expect(rules(run(latticeCity('VpcLgwan', 'VpcLgwan')))).toEqual([]);
  });
  test('LGWAN consumers reaching a service whose targets are in the personal-number tier: exactly TIER-JOIN-LATTICE', () => {
    const r = run(latticeCity('VpcLgwan', 'VpcPn'));
    expect(rules(r)).toEqual(['TIER-JOIN-LATTICE']);
    expect(r.findings[0]).toMatchObject({ from: { kind: 'tier', tier: 'lgwan' }, to: { kind: 'tier', tier: 'personal-number' }, resource: { logicalId: 'Tg' } });
  });
  test('VPCs of two tiers on one service network: a join even before a service forwards across', () => {
    const r = run(latticeCity('VpcLgwan', 'VpcLgwan', (R) => {
      R.SnVpc2 = { Type: 'AWS::VpcLattice::ServiceNetworkVpcAssociation', Properties: { ServiceNetworkIdentifier: ref('Sn'), VpcIdentifier: ref('VpcInet') } };
    }));
    expect(rules(r)).toEqual(['TIER-JOIN-LATTICE']);
  });
  test('a Lambda target outside any VPC reached from the LGWAN tier: the internet', () => {
    const r = run(latticeCity('VpcLgwan', 'VpcLgwan', (R) => {
      R.Fn = { Type: 'AWS::Lambda::Function', Properties: { Handler: 'x', Runtime: 'nodejs22.x', Role: 'arn:aws:iam::1:role/x', Code: { ZipFile: 'x' } } };
      R.Tg = { Type: 'AWS::VpcLattice::TargetGroup', Properties: { Type: 'LAMBDA', Targets: [{ Id: { 'Fn::GetAtt': ['Fn', 'Arn'] } }] } };
    }));
    expect(rules(r)).toEqual(['TIER-JOIN-LATTICE']);
    expect(r.findings[0].to).toEqual({ kind: 'internet' });
  });
});

test('a Network Firewall attached to a transit gateway is UNMODELLED-RESOURCE (not an unresolved value asking for a literal)', () => {
  const r = run((R) => {
    R.TgwFw = { Type: 'AWS::NetworkFirewall::Firewall', Properties: { FirewallName: 'fw', FirewallPolicyArn: 'arn:aws:network-firewall:x', TransitGatewayId: ref('Tgw'), AvailabilityZoneMappings: [{ AvailabilityZone: 'ap-northeast-1a' }] } };
  });
  expect(rules(r)).toEqual(['UNMODELLED-RESOURCE']);
  expect(said(r.findings[0]).message).toMatch(/transit gateway/);
});
