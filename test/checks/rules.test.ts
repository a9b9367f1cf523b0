/**
 * For every rule: a one-line (or few-line) mutation of the good city that triggers exactly that rule
 * (or exactly the set of rules the mutation must trigger), with the finding's key fields asserted.
 */
import type { Finding, VerifyResult } from '../../lib/checks';
import { AS_OF, DEFAULT_POLICY, policyWith, ref, rules, run } from './helpers';
import { citationText } from '../../lib/checks/citations';
import { coverageEn } from '../../lib/report/i18n/coverage.en';
import { said } from '../support/finding-words';
import { findingWords } from '../../lib/report/describe';
import { ja } from '../../lib/report/i18n/ja';

const PN_TAG = [{ Key: 'mic:tier', Value: 'personal-number' }];
const byRule = (fs: Finding[], id: string): Finding[] => fs.filter((f) => f.rule === id);

describe('TIER-CROSSING and TIER-JOIN-PEERING', () => {
  // Verified inside each test (beforeEach), not while jest collects the tests: the mutation run
  // (tools/mutation) then knows which tests run which engine code and tests each mutant only against those.
  let r: VerifyResult;
  beforeEach(() => (r = run((R) => {
    R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
    R.PeerR1 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.30.0.0/20', VpcPeeringConnectionId: ref('Peer') } };
    R.PeerR2 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtPn'), DestinationCidrBlock: '10.20.0.0/20', VpcPeeringConnectionId: ref('Peer') } };
    // Open the filters so packets really cross.
    R.NaclLgwanOutAll = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '10.30.0.0/20' } };
    R.NaclPnInAll = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '10.20.0.0/20' } };
    R.SgPnIn = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgPn'), IpProtocol: 'tcp', FromPort: 445, ToPort: 445, CidrIp: '10.20.0.0/20' } };
  })));

  test('peering with routes both ways and open filters: exactly TIER-CROSSING + TIER-JOIN-PEERING', () => {
    expect(rules(r)).toEqual(['TIER-CROSSING', 'TIER-JOIN-PEERING']);
  });

  test('the open crossing is an error naming tiers, protocol/port and the hop-by-hop witness', () => {
    const open = byRule(r.findings, 'TIER-CROSSING').filter((f) => f.severity === 'error');
    expect(open).toHaveLength(1);
    const f = open[0];
    expect(f.from).toMatchObject({ kind: 'tier', tier: 'lgwan' });
    expect(f.to).toMatchObject({ kind: 'tier', tier: 'personal-number' });
    expect(f.protocol).toBe('tcp');
    expect(f.ports).toEqual({ from: 445, to: 445 });
    expect(f.path.map((h) => h.layer)).toEqual(['entry', 'route', 'peering', 'nacl', 'sg', 'nacl', 'sg', 'exit']);
    expect(f.path[1].resource).toMatchObject({ stack: 'City', logicalId: 'PeerR1', type: 'AWS::EC2::Route' });
    expect(f.stillBlockedBy).toEqual([]);
    expect(f.citation).toBe('threeTierSeparation');
    expect(citationText(f.citation, 'ja')).toMatch(/三層/);
    expect(f.resource?.logicalId).toBe('Peer');
  });

  test('the reverse direction is blocked by filters and reported as a warning with the blocking layers', () => {
    const back = byRule(r.findings, 'TIER-CROSSING').find((f) => f.from.kind === 'tier' && f.from.tier === 'personal-number')!;
    expect(back.severity).toBe('warning');
    expect(back.stillBlockedBy.length).toBeGreaterThan(0);
    expect(back.path.some((h) => h.blocks)).toBe(true);
  });

  test('peering without routes: only TIER-JOIN-PEERING (defence in depth)', () => {
    const r2 = run((R) => {
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
    });
    expect(rules(r2)).toEqual(['TIER-JOIN-PEERING']);
    expect(r2.findings[0]).toMatchObject({ severity: 'error', direction: 'both', from: { kind: 'tier', tier: 'lgwan' }, to: { kind: 'tier', tier: 'personal-number' } });
  });
});

describe('CLOSED-TIER-INTERNET', () => {
  let r: VerifyResult; // built per test, as above
  beforeEach(() => (r = run((R) => {
    R.IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } };
    R.RtLgwanDefault = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
  })));
  test('an internet gateway and default route in the LGWAN VPC: exactly CLOSED-TIER-INTERNET', () => {
    expect(rules(r)).toEqual(['CLOSED-TIER-INTERNET']);
  });
  test('both directions are found', () => {
    const fs = byRule(r.findings, 'CLOSED-TIER-INTERNET');
    expect(fs.some((f) => f.from.kind === 'internet' && f.to.kind === 'tier' && f.to.tier === 'lgwan')).toBe(true);
    expect(fs.some((f) => f.to.kind === 'internet' && f.from.kind === 'tier' && f.from.tier === 'lgwan')).toBe(true);
  });
  test('a route to the internet gateway alone (not attached) carries nothing', () => {
    const r2 = run((R) => {
      R.RtLgwanDefault = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
    });
    expect(rules(r2)).toEqual([]);
  });
});

describe('TELEWORK-ENTRY-PERSONAL-NUMBER', () => {
  test('WorkSpaces whose directory sits in personal-number subnets', () => {
    const r = run((R) => {
      R.AdPn = { Type: 'AWS::DirectoryService::MicrosoftAD', Properties: { Name: 'pn.local', Password: 'x', VpcSettings: { VpcId: ref('VpcPn'), SubnetIds: [ref('SubnetPnAppA'), ref('SubnetPnAppB')] } } };
      R.WsPn = { Type: 'AWS::WorkSpaces::Workspace', Properties: { DirectoryId: ref('AdPn'), BundleId: 'b', UserName: 'u' } };
    });
    expect(rules(r)).toEqual(['TELEWORK-ENTRY-PERSONAL-NUMBER']);
    expect(r.findings.map((f) => f.resource?.logicalId).sort()).toEqual(['AdPn', 'WsPn']);
    expect(r.findings[0].to).toMatchObject({ kind: 'tier', tier: 'personal-number' });
  });
  test('a personal-number Active Directory alone is not a telework entry', () => {
    const r = run((R) => {
      R.AdPn = { Type: 'AWS::DirectoryService::MicrosoftAD', Properties: { Name: 'pn.local', Password: 'x', VpcSettings: { VpcId: ref('VpcPn'), SubnetIds: [ref('SubnetPnAppA'), ref('SubnetPnAppB')] } } };
    });
    expect(rules(r)).toEqual([]);
  });
  test('the DCV streaming endpoint (…highlander) in the personal-number tier', () => {
    const r = run((R) => {
      R.StreamPn = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcPn'), VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.ap-northeast-1.highlander', SubnetIds: [ref('SubnetPnAppA')] } };
    });
    expect(rules(r)).toEqual(['TELEWORK-ENTRY-PERSONAL-NUMBER']);
  });
});

describe('TELEWORK-BEYOND-DESKTOP and CLIENT-VPN-WHOLE-VPC', () => {
  test('an authorization rule (and open SG) for an application subnet: exactly TELEWORK-BEYOND-DESKTOP', () => {
    const r = run((R) => {
      R.CvpnLgwanAuthApp = { Type: 'AWS::EC2::ClientVpnAuthorizationRule', Properties: { ClientVpnEndpointId: ref('CvpnLgwan'), TargetNetworkCidr: '10.20.0.0/24', AuthorizeAllGroups: true } };
      (R.CvpnSgLgwan.Properties!.SecurityGroupEgress as unknown[]).push({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.20.0.0/24' });
    });
    expect(rules(r)).toEqual(['TELEWORK-BEYOND-DESKTOP']);
    const f = r.findings[0];
    expect(f.from).toMatchObject({ kind: 'telework-clients', tier: 'lgwan' });
    expect(f.path.map((h) => h.layer)).toContain('client-vpn');
    expect(f.path[f.path.length - 1].resource.logicalId).toBe('SubnetLgwanAppA');
  });
  test('telework clients routed to the LGWAN office network through the VPN: TELEWORK-BEYOND-DESKTOP', () => {
    const r = run((R) => {
      R.CvpnRouteOffice = { Type: 'AWS::EC2::ClientVpnRoute', Properties: { ClientVpnEndpointId: ref('CvpnLgwan'), DestinationCidrBlock: '172.16.20.0/22', TargetVpcSubnetId: ref('SubnetLgwanDesktopA') } };
      R.CvpnAuthOffice = { Type: 'AWS::EC2::ClientVpnAuthorizationRule', Properties: { ClientVpnEndpointId: ref('CvpnLgwan'), TargetNetworkCidr: '172.16.20.0/22', AuthorizeAllGroups: true } };
      (R.CvpnSgLgwan.Properties!.SecurityGroupEgress as unknown[]).push({ IpProtocol: 'tcp', FromPort: 445, ToPort: 445, CidrIp: '172.16.20.0/22' });
    });
    expect(rules(r)).toEqual(['TELEWORK-BEYOND-DESKTOP']);
    expect(r.findings[0].to).toEqual({ kind: 'on-prem', tier: 'lgwan' });
    expect(r.findings[0].path.some((h) => h.layer === 'vpn' && h.resource.logicalId === 'VgwLgwan')).toBe(true);
  });
  test('authorising the whole VPC while the endpoint SG still limits clients to desktops: exactly CLIENT-VPN-WHOLE-VPC', () => {
    const r = run((R) => {
      R.CvpnLgwanAuthDesktop.Properties!.TargetNetworkCidr = '10.20.0.0/20';
    });
    expect(rules(r)).toEqual(['CLIENT-VPN-WHOLE-VPC']);
    expect(r.findings[0].resource?.logicalId).toBe('CvpnLgwanAuthDesktop');
  });
});

describe('TIER-JOIN-TGW', () => {
  test('propagating the personal-number attachment into the LGWAN route table (blackhole still wins): exactly TIER-JOIN-TGW', () => {
    const r = run((R) => {
      R.TgwRtLgwanPropPn = { Type: 'AWS::EC2::TransitGatewayRouteTablePropagation', Properties: { TransitGatewayRouteTableId: ref('TgwRtLgwan'), TransitGatewayAttachmentId: ref('TgwAttPn') } };
    });
    expect(rules(r)).toEqual(['TIER-JOIN-TGW']);
    expect(r.findings[0].resource?.logicalId).toBe('TgwRtLgwan');
    expect(said(r.findings[0]).message).toMatch(/TgwAttPn \(personal-number\) via propagation/);
  });
  test('a static route to another tier\'s attachment instead of the blackhole: TIER-JOIN-TGW and the crossing it opens', () => {
    const r = run((R) => {
      R.TgwRtLgwanBlackholePn.Properties = { TransitGatewayRouteTableId: ref('TgwRtLgwan'), DestinationCidrBlock: '10.30.0.0/20', TransitGatewayAttachmentId: ref('TgwAttPn') };
    });
    expect(rules(r)).toEqual(['TIER-CROSSING', 'TIER-JOIN-TGW']);
    const crossing = byRule(r.findings, 'TIER-CROSSING')[0];
    expect(crossing.path.filter((h) => h.layer === 'tgw').length).toBeGreaterThanOrEqual(2);
  });
});

describe('TGW-DEFAULT-ROUTE-TABLE', () => {
  test('leaving DefaultRouteTablePropagation at its default (enable): exactly TGW-DEFAULT-ROUTE-TABLE', () => {
    const r = run((R) => {
      delete R.Tgw.Properties!.DefaultRouteTablePropagation;
    });
    expect(rules(r)).toEqual(['TGW-DEFAULT-ROUTE-TABLE']);
    expect(r.findings[0].severity).toBe('warning');
  });
  test('defaults left on and an attachment without explicit association: the default table joins tiers', () => {
    const r = run((R) => {
      delete R.Tgw.Properties!.DefaultRouteTablePropagation;
      delete R.Tgw.Properties!.DefaultRouteTableAssociation;
      delete R.TgwRtPnAssoc;
    });
    expect(rules(r)).toEqual(['TGW-DEFAULT-ROUTE-TABLE', 'TIER-CROSSING', 'TIER-JOIN-TGW']);
  });
});

describe('TIER-JOIN-MULTIHOMED', () => {
  test('an instance with interfaces in the LGWAN and personal-number tiers', () => {
    const r = run((R) => {
      R.Bridge = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: ref('SubnetLgwanAppA') }, { DeviceIndex: '1', SubnetId: ref('SubnetPnAppA') }] } };
    });
    expect(rules(r)).toEqual(['TIER-JOIN-MULTIHOMED']);
  });
  test('a Lambda function in subnets of two tiers', () => {
    const r = run((R) => {
      R.Fn = { Type: 'AWS::Lambda::Function', Properties: { Code: {}, Role: 'r', VpcConfig: { SubnetIds: [ref('SubnetInetAppA'), ref('SubnetLgwanAppA')], SecurityGroupIds: [] } } };
    });
    expect(rules(r)).toEqual(['TIER-JOIN-MULTIHOMED']);
  });
});

describe('TIER-JOIN-PRIVATELINK', () => {
  test('an LGWAN interface endpoint to a service whose NLB is in the personal-number tier', () => {
    const r = run((R) => {
      R.Nlb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', Subnets: [ref('SubnetPnAppA')] } };
      R.Svc = { Type: 'AWS::EC2::VPCEndpointService', Properties: { NetworkLoadBalancerArns: [ref('Nlb')], AcceptanceRequired: false } };
      R.Ep = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcLgwan'), VpcEndpointType: 'Interface', ServiceName: { 'Fn::Join': ['', ['com.amazonaws.vpce.', { Ref: 'AWS::Region' }, '.', ref('Svc')]] }, SubnetIds: [ref('SubnetLgwanAppA')] } };
    });
    expect(rules(r)).toEqual(['TIER-JOIN-PRIVATELINK']);
    expect(r.findings[0]).toMatchObject({ from: { kind: 'tier', tier: 'lgwan' }, to: { kind: 'tier', tier: 'personal-number' } });
  });
});

describe('TIER-JOIN-LINK', () => {
  test('the LGWAN VPN pointed at the internet tier\'s virtual private gateway: the link is a fatal join, not just a tag conflict', () => {
    const r = run((R) => {
      R.VpnLgwan.Properties!.VpnGatewayId = ref('VgwInet');
    });
    // TIER-TAG-CONFLICT stays: the VPN's tag contradicting its gateway's tag is a separate (declaration) fact.
    // TIER-CROSSING is only a warning here (the internet tier's security group still blocks).
    expect(rules(r)).toEqual(['TIER-CROSSING', 'TIER-JOIN-LINK', 'TIER-TAG-CONFLICT']);
    expect(byRule(r.findings, 'TIER-CROSSING').every((f) => f.severity === 'warning')).toBe(true);
    const [f] = byRule(r.findings, 'TIER-JOIN-LINK');
    expect(f).toMatchObject({ severity: 'error', direction: 'both', from: { kind: 'on-prem', tier: 'lgwan' }, to: { kind: 'tier', tier: 'internet' } });
    expect(f.resource).toMatchObject({ logicalId: 'VpnLgwan', type: 'AWS::EC2::VPNConnection' });
    expect(f.path.map((h) => `${h.layer}:${h.resource.logicalId}`)).toEqual(['vpn:VpnLgwan', 'vpn:VgwInet', 'exit:VpcInet']);
    expect(f.citation).toBe('defenceInDepth');
    expect(citationText(f.citation, 'ja')).toMatch(/多層防御/);
    expect(said(f).message).toMatch(/Fix: /);
  });
  test('a customer gateway of another tier behind a VPN tagged like its gateway: exactly TIER-JOIN-LINK and TIER-TAG-CONFLICT', () => {
    const r = run((R) => {
      R.CgwInet.Properties!.Tags = [{ Key: 'mic:tier', Value: 'lgwan' }];
    });
    expect(rules(r)).toEqual(['TIER-JOIN-LINK', 'TIER-TAG-CONFLICT']);
    expect(said(byRule(r.findings, 'TIER-JOIN-LINK')[0]).message).toContain('customer gateway CgwInet is tagged lgwan');
  });
  test('a personal-number Direct Connect gateway associated with the LGWAN virtual private gateway', () => {
    const r = run((R) => {
      R.DxGwPn = { Type: 'AWS::DirectConnect::DirectConnectGateway', Properties: { Tags: PN_TAG } };
      R.DxPn.Properties = { DirectConnectGatewayId: ref('DxGwPn'), AssociatedGatewayId: ref('VgwLgwan') };
    });
    expect(rules(r)).toEqual(['TIER-CROSSING', 'TIER-JOIN-LINK', 'TIER-TAG-CONFLICT']);
    const [f] = byRule(r.findings, 'TIER-JOIN-LINK');
    expect(f).toMatchObject({ from: { kind: 'on-prem', tier: 'personal-number' }, to: { kind: 'tier', tier: 'lgwan' } });
    expect(f.path.map((h) => h.resource.logicalId)).toEqual(['DxPn', 'VgwLgwan', 'VpcLgwan']);
  });
  test('a VPN on the TGW whose customer gateway is of another tier than its route domain (the tag alone agrees)', () => {
    const r = run((R) => {
      R.VpnInet.Properties = { Type: 'ipsec.1', CustomerGatewayId: ref('CgwInet'), TransitGatewayId: ref('Tgw'), Tags: [{ Key: 'mic:tier', Value: 'internet' }] };
      R.CgwInet.Properties!.Tags = [{ Key: 'mic:tier', Value: 'lgwan' }];
      delete R.Tgw.Properties!.DefaultRouteTableAssociation;
      delete R.TgwRtInetAssoc;
    });
    expect(rules(r)).toEqual(['TGW-DEFAULT-ROUTE-TABLE', 'TIER-JOIN-LINK', 'TIER-TAG-CONFLICT']);
    const [f] = byRule(r.findings, 'TIER-JOIN-LINK');
    expect(f.path.map((h) => `${h.layer}:${h.resource.logicalId}`)).toEqual(['vpn:VpnInet', 'tgw:VpnInet#tgwAttachment', 'tgw:Tgw#defaultRouteTable', 'exit:TgwAttInet']);
  });
  test('a VPN whose own tag differs from its TGW route domain is TIER-JOIN-TGW\'s finding, not reported twice', () => {
    const r = run((R) => {
      R.VpnLgwan.Properties = { Type: 'ipsec.1', CustomerGatewayId: ref('CgwLgwan'), TransitGatewayId: ref('Tgw'), Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] };
      delete R.Tgw.Properties!.DefaultRouteTableAssociation;
      delete R.TgwRtInetAssoc;
    });
    expect(rules(r)).toContain('TIER-JOIN-TGW');
    expect(rules(r)).not.toContain('TIER-JOIN-LINK');
  });
});

describe('TIER-JOIN-EDGE', () => {
  test('the internet and LGWAN tiers\' customer gateways at one address (one device, both tunnels): exactly TIER-JOIN-EDGE', () => {
    const r = run((R) => {
      R.CgwLgwan.Properties!.IpAddress = '203.0.113.10';
    });
    expect(rules(r)).toEqual(['TIER-JOIN-EDGE']);
    const [f, ...more] = byRule(r.findings, 'TIER-JOIN-EDGE');
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', direction: 'both', from: { kind: 'on-prem', tier: 'internet' }, to: { kind: 'tier', tier: 'lgwan' } });
    expect(f.resource).toMatchObject({ logicalId: 'VpnLgwan', type: 'AWS::EC2::VPNConnection' });
    expect(f.path.map((h) => `${h.layer}:${h.resource.logicalId}`)).toEqual(['vpn:VpnInet', 'vpn:VpnLgwan', 'exit:VpcLgwan']);
    expect(said(f).message).toContain('a customer gateway at the same address (203.0.113.10)');
    expect(said(f).message).toMatch(/Fix: /);
    expect(f.citation).toBe('defenceInDepth');
  });

  test('an LGWAN Direct Connect association to the personal-number tier\'s gateway id (each landing on its own tier): exactly TIER-JOIN-EDGE', () => {
    const r = run((R) => {
      R.DxLgwan = { Type: 'AWS::DirectConnect::DirectConnectGatewayAssociation', Properties: { DirectConnectGatewayId: '5f294f92-bafb-4011-916d-9b0b12345678', AssociatedGatewayId: ref('VgwLgwan') } };
    });
    expect(rules(r)).toEqual(['TIER-JOIN-EDGE']);
    const [f] = byRule(r.findings, 'TIER-JOIN-EDGE');
    expect(f).toMatchObject({ from: { kind: 'on-prem', tier: 'lgwan' }, to: { kind: 'tier', tier: 'personal-number' } });
    expect(f.path.map((h) => h.resource.logicalId)).toEqual(['DxLgwan', 'DxPn', 'VpcPn']);
    expect(said(f).message).toContain('the same Direct Connect gateway (5f294f92-bafb-4011-916d-9b0b12345678)');
  });

  test('the same Direct Connect gateway resource associated with two tiers\' gateways', () => {
    const r = run((R) => {
      R.DxGw = { Type: 'AWS::DirectConnect::DirectConnectGateway', Properties: { AmazonSideAsn: 64512 } };
      R.DxPn.Properties = { DirectConnectGatewayId: ref('DxGw'), AssociatedGatewayId: ref('VgwPn') };
      R.DxLgwan = { Type: 'AWS::DirectConnect::DirectConnectGatewayAssociation', Properties: { DirectConnectGatewayId: ref('DxGw'), AssociatedGatewayId: ref('VgwLgwan') } };
    });
    expect(rules(r)).toContain('TIER-JOIN-EDGE');
    expect(said(byRule(r.findings, 'TIER-JOIN-EDGE')[0]).message).toContain('the same Direct Connect gateway (DxGw)');
  });

  test('fail closed: a Direct Connect gateway id that cannot be resolved is reported, not assumed unshared', () => {
    const r = run((R, t) => {
      t.Parameters = { ...(t.Parameters ?? {}), DxId: { Type: 'String' } };
      R.DxPn.Properties!.DirectConnectGatewayId = ref('DxId');
    });
    expect(rules(r)).toEqual(['UNRESOLVED-VALUE']);
    expect(said(r.findings[0]).message).toContain('DirectConnectGatewayId');
  });
});

describe('UNDECLARED-ONPREM-ROUTE', () => {
  test('the personal-number tier\'s on-prem route widened past its declared office range: exactly UNDECLARED-ONPREM-ROUTE', () => {
    const r = run((R) => {
      R.RtPnOnPrem.Properties!.DestinationCidrBlock = '172.16.0.0/16';
    });
    expect(rules(r)).toEqual(['UNDECLARED-ONPREM-ROUTE']);
    const [f, ...more] = r.findings;
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', citation: 'personalNumberIsolation' });
    expect(f.resource).toMatchObject({ logicalId: 'RtPnOnPrem', type: 'AWS::EC2::Route' });
    expect(said(f).message).toContain('sends 172.16.0.0/16');
    expect(said(f).message).toContain('the policy declares 172.16.32.0/22 behind');
    expect(said(f).message).toContain('declared on-premises networks of LGWAN tier');
    expect(said(f).message).toMatch(/Fix: /);
  });

  test('route propagation into an LGWAN route table (on-premises decides the routes): exactly UNDECLARED-ONPREM-ROUTE', () => {
    const r = run((R) => {
      R.PropLgwan = { Type: 'AWS::EC2::VPNGatewayRoutePropagation', Properties: { RouteTableIds: [ref('RtLgwan')], VpnGatewayId: ref('VgwLgwan') } };
    });
    expect(rules(r)).toEqual(['UNDECLARED-ONPREM-ROUTE']);
    expect(r.findings[0]).toMatchObject({ citation: 'lgwanSeparation', resource: { logicalId: 'PropLgwan' } });
    expect(said(r.findings[0]).message).toContain('route propagation');
  });

  test('a route to the tier\'s closed-SIM clients over its link is declared by their pool; undeclared, it is reported', () => {
    const toSim = (R: Parameters<NonNullable<Parameters<typeof run>[0]>>[0]): void => {
      R.RtLgwanSim = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.210.0.0/24', GatewayId: ref('VgwLgwan') } };
    };
    const policy = policyWith({ teleworkClients: [...DEFAULT_POLICY.teleworkClients, { name: 'sim', tier: 'lgwan', cidrs: ['10.210.0.0/24'], via: 'closed-sim' }] });
    expect(rules(run(toSim, { policy }))).not.toContain('UNDECLARED-ONPREM-ROUTE');
    expect(rules(run(toSim))).toEqual(['UNDECLARED-ONPREM-ROUTE']);
  });

  test('the internet tier may send more over its link (its default route to the security cloud is by design)', () => {
    const r = run((R) => {
      R.RtInetOnPrem.Properties!.DestinationCidrBlock = '172.16.0.0/12';
    });
    expect(rules(r)).not.toContain('UNDECLARED-ONPREM-ROUTE');
  });
});

describe('tags', () => {
  test('UNTAGGED-VPC', () => {
    const r = run((R) => {
      R.VpcLgwan.Properties!.Tags = [];
    });
    expect(rules(r)).toEqual(['UNTAGGED-VPC']);
  });
  test('UNTAGGED-VPC for an invalid tier word', () => {
    const r = run((R) => {
      R.VpcLgwan.Properties!.Tags = [{ Key: 'mic:tier', Value: 'LGWAN' }];
    });
    expect(rules(r)).toEqual(['UNTAGGED-VPC']);
    expect(said(r.findings[0]).message).toContain('"LGWAN"');
  });
  test('UNTAGGED-LINK', () => {
    const r = run((R) => {
      R.VgwLgwan.Properties!.Tags = [];
      R.VpnLgwan.Properties!.Tags = [];
    });
    expect(rules(r)).toEqual(['UNTAGGED-LINK']);
  });
  test('TIER-TAG-CONFLICT: a subnet tagged with another tier than its VPC', () => {
    const r = run((R) => {
      R.SubnetLgwanAppA.Properties!.Tags = [{ Key: 'mic:tier', Value: 'internet' }];
    });
    expect(rules(r)).toEqual(['TIER-TAG-CONFLICT']);
  });
  test('TIER-TAG-CONFLICT: a VPN tagged personal-number on the LGWAN gateway (the engine then treats it as a personal-number link into the LGWAN VPC)', () => {
    const r = run((R) => {
      R.VpnLgwan.Properties!.Tags = PN_TAG;
    });
    expect(rules(r)).toEqual(['TIER-CROSSING', 'TIER-JOIN-LINK', 'TIER-TAG-CONFLICT']);
  });
});

describe('fail closed', () => {
  test('UNRESOLVED-VALUE: a route CIDR from a parameter without default', () => {
    const r = run((R, t) => {
      t.Parameters = { OnPremCidr: { Type: 'String' } };
      R.RtLgwanOnPrem.Properties!.DestinationCidrBlock = ref('OnPremCidr');
    });
    expect(rules(r)).toEqual(['UNRESOLVED-VALUE']);
    expect(said(r.findings[0]).title).toContain('RtLgwanOnPrem.DestinationCidrBlock');
  });
  test('UNRESOLVED-VALUE: a literal VPC id outside the templates', () => {
    const r = run((R) => {
      R.SubnetLgwanAppA.Properties!.VpcId = 'vpc-0123456789abcdef0';
    });
    expect(rules(r)).toEqual(['UNRESOLVED-VALUE']);
  });
  test('UNMODELLED-RESOURCE: a local gateway route table association (AWS::EC2::* not modelled)', () => {
    const r = run((R) => {
      R.Local = { Type: 'AWS::EC2::LocalGatewayRouteTableVPCAssociation', Properties: { LocalGatewayRouteTableId: 'lgw-rtb-0123456789abcdef0', VpcId: ref('VpcLgwan') } };
    });
    expect(rules(r)).toEqual(['UNMODELLED-RESOURCE']);
  });
  test('a carrier gateway is modelled (an internet-like edge): attached to the LGWAN VPC it is CLOSED-TIER-INTERNET, not UNMODELLED-RESOURCE', () => {
    const r = run((R) => {
      R.Carrier = { Type: 'AWS::EC2::CarrierGateway', Properties: { VpcId: ref('VpcLgwan') } };
    });
    expect(rules(r)).toEqual(['CLOSED-TIER-INTERNET']);
  });
  test('UNMODELLED-RESOURCE: a Route 53 Resolver endpoint', () => {
    const r = run((R) => {
      R.Resolver = { Type: 'AWS::Route53Resolver::ResolverEndpoint', Properties: { Direction: 'OUTBOUND', IpAddresses: [], SecurityGroupIds: [] } };
    });
    expect(rules(r)).toEqual(['UNMODELLED-RESOURCE']);
  });
  test.each(['Custom::PeerMyVpcs', 'AWS::CloudFormation::CustomResource'])('UNMODELLED-RESOURCE: a custom resource of a type the engine does not know (%s)', (type) => {
    const r = run((R) => {
      R.Handler = { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:aws:iam::111111111111:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: 'x' } } };
      R.Deploys = { Type: type, Properties: { ServiceToken: { 'Fn::GetAtt': ['Handler', 'Arn'] } } };
    });
    expect(rules(r)).toEqual(['UNMODELLED-RESOURCE']);
    expect(r.findings[0]?.resource).toMatchObject({ logicalId: 'Deploys', type });
    // Each language has the whole advice (the English in the JSON and English reports, the Japanese in the Japanese report).
    expect(said(r.findings[0]).message).toMatch(/runs at deploy time[^]*acknowledge UNMODELLED-RESOURCE on it with that reason/);
    expect(findingWords(r.findings[0], ja).message).toMatch(/カスタムリソース[^]*UNMODELLED-RESOURCE を適用除外/);
  });
  test.each(['Custom::VpcRestrictDefaultSG', 'Custom::WorkSpacesDirectoryHardening', 'Custom::AdConnector'])('a custom resource whose effect is known (%s) is not a finding', (type) => {
    const r = run((R) => {
      R.Known = { Type: type, Properties: { ServiceToken: 'arn:aws:lambda:ap-northeast-1:111111111111:function:f' } };
    });
    expect(rules(r)).toEqual([]);
  });
  test("this package's custom resources are named in the coverage notes", () => {
    const r = run((R) => {
      R.Hardening = { Type: 'Custom::WorkSpacesDirectoryHardening', Properties: { ServiceToken: 'arn:aws:lambda:ap-northeast-1:111111111111:function:f' } };
    });
    expect(r.coverage.map(coverageEn).filter((note) => note.includes('Custom::WorkSpacesDirectoryHardening'))).toHaveLength(1);
  });
  test('an inert EC2 type (flow log) is not a finding', () => {
    const r = run((R) => {
      R.Flow = { Type: 'AWS::EC2::FlowLog', Properties: { ResourceId: ref('VpcLgwan'), ResourceType: 'VPC', TrafficType: 'ALL' } };
    });
    expect(rules(r)).toEqual([]);
  });
});

describe('policy-driven rules', () => {
  test('SANCTIONED-CHANNEL-EXPIRED', () => {
    const r = run(undefined, {
      policy: policyWith({ sanctionedChannels: [{ id: 'mail', from: 'tier:internet', to: 'tier:lgwan', protocol: 'tcp', ports: { from: 25, to: 25 }, owner: '情報政策課', reason: '無害化 mail', expires: '2026-01-31' }] }),
    });
    expect(rules(r)).toEqual(['SANCTIONED-CHANNEL-EXPIRED']);
    expect(said(r.findings[0]).message).toContain('2026-01-31');
    expect(AS_OF > '2026-01-31').toBe(true);
  });
  test('TELEWORK-ENTRY-MODEL: β-style desktops in an α city', () => {
    const r = run(undefined, { city: { beta: true } });
    expect(rules(r)).toEqual(['TELEWORK-ENTRY-MODEL']);
  });
});

describe('conditions: both branches of Fn::If count', () => {
  test('a route whose target is chosen by an undecidable condition: the crossing branch is found', () => {
    const r = run((R, t) => {
      t.Parameters = { Mode: { Type: 'String', AllowedValues: ['a', 'b'] } };
      t.Conditions = { IsA: { 'Fn::Equals': [{ Ref: 'Mode' }, 'a'] } };
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: { 'Fn::If': ['IsA', ref('VpcLgwan'), ref('VpcPn')] } } };
    });
    expect(rules(r)).toEqual(['TIER-JOIN-PEERING']);
  });
  test('a resource whose condition is statically false is ignored', () => {
    const r = run((R, t) => {
      t.Conditions = { Never: { 'Fn::Equals': ['a', 'b'] } };
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Condition: 'Never', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
    });
    expect(rules(r)).toEqual([]);
  });
});

describe('sanctioned exchange channels', () => {
  // The internet tier may send mail (tcp 25) to a sanitising relay in the LGWAN tier, nothing else.
  const mutate = (R: Parameters<Parameters<typeof run>[0] & object>[0]): void => {
    R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcInet'), PeerVpcId: ref('VpcLgwan') } };
    R.ToRelay = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtInet'), DestinationCidrBlock: '10.20.0.0/24', VpcPeeringConnectionId: ref('Peer') } };
    R.NaclIn = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: 6, PortRange: { From: 25, To: 25 }, RuleAction: 'allow', Egress: false, CidrBlock: '10.10.0.0/20' } };
    R.SgIn = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 25, ToPort: 25, CidrIp: '10.10.0.0/20' } };
  };
  const channel = (expires: string) => ({ id: 'mail-relay', from: 'tier:internet', to: 'tier:lgwan', protocol: 'tcp' as const, ports: { from: 25, to: 25 }, owner: '情報政策課', reason: '無害化 mail relay', expires });

  test('without a channel the mail path is a crossing (tcp 25)', () => {
    const r = run(mutate);
    const f = r.findings.find((x) => x.rule === 'TIER-CROSSING')!;
    expect(f).toMatchObject({ severity: 'error', protocol: 'tcp', ports: { from: 25, to: 25 } });
  });
  test('an active channel covering exactly that traffic: no crossing, the path is listed as sanctioned', () => {
    const r = run(mutate, { policy: policyWith({ sanctionedChannels: [channel('2027-03-31')] }) });
    expect(rules(r)).toEqual(['TIER-JOIN-PEERING']);
    expect(r.sanctionedFlows.map((f) => `${f.fromClass}>${f.toClass}`)).toEqual(['tier:internet>tier:lgwan']);
  });
  test('a channel for another port does not hide the crossing', () => {
    const r = run(mutate, { policy: policyWith({ sanctionedChannels: [{ ...channel('2027-03-31'), ports: { from: 587, to: 587 } }] }) });
    expect(rules(r)).toEqual(['TIER-CROSSING', 'TIER-JOIN-PEERING']);
  });
  test('an α′ local breakout: a channel to one cloud service range exempts only traffic to that range', () => {
    const breakout = (R: Parameters<typeof mutate>[0]): void => {
      R.IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } };
      R.ToSaas = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '203.0.113.0/24', GatewayId: ref('Igw') } };
      R.NaclSaas = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 60, Protocol: 6, PortRange: { From: 443, To: 443 }, RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' } };
      R.SgSaas = { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' } };
    };
    const saas = { id: 'saas', from: 'tier:lgwan', to: 'internet', protocol: 'tcp' as const, ports: { from: 443, to: 443 }, owner: '情報政策課', reason: "α' breakout to the groupware SaaS", expires: '2027-03-31' };
    const narrow = run(breakout, { policy: policyWith({ model: 'alpha-prime', sanctionedChannels: [{ ...saas, toCidrs: ['203.0.113.0/24'] }] }) });
    // Outbound to the SaaS range is sanctioned; inbound from the internet through the attached IGW is not.
    expect(narrow.findings.filter((f) => f.from.kind === 'tier')).toEqual([]);
    expect(narrow.sanctionedFlows.map((f) => `${f.fromClass}>${f.toClass}`)).toContain('tier:lgwan>internet');
    const tooNarrow = run(breakout, { policy: policyWith({ model: 'alpha-prime', sanctionedChannels: [{ ...saas, toCidrs: ['198.51.100.0/24'] }] }) });
    expect(tooNarrow.findings.some((f) => f.rule === 'CLOSED-TIER-INTERNET' && f.from.kind === 'tier' && f.severity === 'error')).toBe(true);
  });
  test('an expired channel: the crossing is reported again, plus the expiry', () => {
    const r = run(mutate, { policy: policyWith({ sanctionedChannels: [channel('2026-06-30')] }) });
    expect(rules(r)).toEqual(['SANCTIONED-CHANNEL-EXPIRED', 'TIER-CROSSING', 'TIER-JOIN-PEERING']);
  });
});

describe('templates rewritten at deploy time', () => {
  test('a top-level Transform (macro) is UNMODELLED-RESOURCE: verify the processed template instead', () => {
    const r = run((_R, t) => {
      (t as { Transform?: unknown }).Transform = 'AWS::Serverless-2016-10-31';
    });
    expect(rules(r)).toEqual(['UNMODELLED-RESOURCE']);
    expect(said(r.findings[0]).message).toMatch(/--template-stage Processed/);
  });
});
