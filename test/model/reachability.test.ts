/** Packet semantics layer by layer, each on a one-change mutation of the good city. */
import { rules, run, ref } from '../checks/helpers';
import { describeHop } from '../../lib/report/describe';
import { en } from '../../lib/report/i18n/en';
import { pathWordsEn } from '../../lib/report/i18n/hops.en';

const V6TAG = (R: Record<string, { Type: string; Properties?: Record<string, unknown> }>) => {
  R.LgwanV6 = { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref('VpcLgwan'), AmazonProvidedIpv6CidrBlock: true } };
  R.SubnetLgwanAppA.Properties!.Ipv6CidrBlock = { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::Select': [0, { 'Fn::GetAtt': ['VpcLgwan', 'Ipv6CidrBlocks'] }] }, 4, 64] }] };
};

describe('routes', () => {
  test('longest prefix wins: a /24 blackhole-free peering route beats the /8 TGW route', () => {
    const r = run((R) => {
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcInet') } };
      R.More = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.10.0.0/24', VpcPeeringConnectionId: ref('Peer') } };
    });
    const f = r.flows.find((x) => x.fromClass === 'tier:lgwan' && x.toClass === 'tier:internet')!;
    expect(f.hops.find((h) => h.layer === 'route')!.resource.logicalId).toBe('More');
    expect(describeHop({ kind: 'arrive', at: f.to.name }, en)).toContain('10.10.0.0/24');
  });

  test('IPv6: an egress-only internet gateway route from the LGWAN tier is an internet path', () => {
    const r = run((R) => {
      V6TAG(R);
      R.Eigw = { Type: 'AWS::EC2::EgressOnlyInternetGateway', Properties: { VpcId: ref('VpcLgwan') } };
      R.V6Out = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: ref('Eigw') } };
      R.NaclV6 = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 90, Protocol: -1, RuleAction: 'allow', Egress: true, Ipv6CidrBlock: '::/0' } };
      R.SgV6 = { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: '-1', CidrIpv6: '::/0' } };
    });
    expect(rules(r)).toEqual(['CLOSED-TIER-INTERNET']);
    const f = r.findings.find((x) => x.severity === 'error')!;
    expect(f.path.some((h) => h.resource.logicalId === 'Eigw')).toBe(true);
  });

  test('an IPv4-only default route never carries IPv6 (families are separate)', () => {
    const r = run((R) => {
      V6TAG(R);
      R.Eigw = { Type: 'AWS::EC2::EgressOnlyInternetGateway', Properties: { VpcId: ref('VpcLgwan') } };
      R.V4Only = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', EgressOnlyInternetGatewayId: ref('Eigw') } };
    });
    expect(rules(r)).toEqual([]);
  });

  test('a customer-managed prefix list as route destination', () => {
    const r = run((R) => {
      R.Pl = { Type: 'AWS::EC2::PrefixList', Properties: { AddressFamily: 'IPv4', MaxEntries: 2, PrefixListName: 'x', Entries: [{ Cidr: '10.30.0.0/24' }] } };
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
      R.ViaPl = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationPrefixListId: ref('Pl'), VpcPeeringConnectionId: ref('Peer') } };
    });
    const f = r.flows.find((x) => x.fromClass === 'tier:lgwan' && x.toClass === 'tier:personal-number')!;
    expect(pathWordsEn.hop(f.hops.find((h) => h.layer === 'route')!.step)).toContain('prefix list Pl');
  });

  test('centralised egress: LGWAN → TGW → internet-tier attachment → NAT → internet is found across the TGW', () => {
    const r = run((R) => {
      // The LGWAN table sends the default route to the internet tier's attachment (an egress VPC pattern).
      R.LgwanDefault = { Type: 'AWS::EC2::TransitGatewayRoute', Properties: { TransitGatewayRouteTableId: ref('TgwRtLgwan'), DestinationCidrBlock: '0.0.0.0/0', TransitGatewayAttachmentId: ref('TgwAttInet') } };
      R.LgwanDefaultRoute = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: ref('Tgw') } };
      R.NaclOpen = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 90, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' } };
      R.SgOpen = { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: '-1', CidrIp: '0.0.0.0/0' } };
    });
    // The egress VPC's own route table also leads to the internet tier's on-premises network: a crossing too.
    expect(rules(r)).toEqual(['CLOSED-TIER-INTERNET', 'TIER-CROSSING', 'TIER-JOIN-TGW']);
    expect(r.findings.filter((x) => x.rule === 'TIER-CROSSING').map((x) => [x.from, x.to])).toEqual([[{ kind: 'tier', tier: 'lgwan', resource: expect.anything() }, { kind: 'on-prem', tier: 'internet' }]]);
    const f = r.findings.find((x) => x.rule === 'CLOSED-TIER-INTERNET' && x.severity === 'error')!;
    expect(f.path.map((h) => h.resource.logicalId)).toEqual(expect.arrayContaining(['LgwanDefault', 'TgwAttInet', 'Nat', 'Igw']));
  });
});

describe('filters', () => {
  const crossing = (extra: (R: Record<string, { Type: string; Properties?: Record<string, unknown> }>) => void) =>
    run((R) => {
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
      R.PeerR1 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.30.0.0/20', VpcPeeringConnectionId: ref('Peer') } };
      R.OutAll = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '10.30.0.0/20' } };
      R.InAll = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '10.20.0.0/20' } };
      R.SgIn = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgPn'), IpProtocol: 'udp', FromPort: 53, ToPort: 53, CidrIp: '10.20.0.0/20' } };
      R.SgOut = { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: '-1', CidrIp: '10.30.0.0/20' } };
      extra(R);
    }).flows.find((f) => f.fromClass === 'tier:lgwan' && f.toClass === 'tier:personal-number')!;

  test('open: the witness packet is the one the rules let through (udp 53)', () => {
    const f = crossing(() => undefined);
    expect(f.status).toBe('open');
    expect(f.protocol).toBe('udp');
    expect(f.ports).toEqual({ from: 53, to: 53 });
  });
  test('NACL entries are ordered: a lower-numbered deny wins over the allow', () => {
    const f = crossing((R) => {
      R.Deny = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 40, Protocol: -1, RuleAction: 'deny', Egress: false, CidrBlock: '10.20.0.0/16' } };
    });
    expect(f.status).toBe('filtered');
    expect(f.blockedBy).toEqual(['nacl']);
  });
  test('a deny numbered after the allow changes nothing', () => {
    const f = crossing((R) => {
      R.Deny = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 60, Protocol: -1, RuleAction: 'deny', Egress: false, CidrBlock: '10.20.0.0/16' } };
    });
    expect(f.status).toBe('open');
  });
  test('a conditional deny may not exist: it does not block (fail closed)', () => {
    const f = crossing((R) => {
      R.Deny = { Type: 'AWS::EC2::NetworkAclEntry', Condition: 'Maybe', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 40, Protocol: -1, RuleAction: 'deny', Egress: false, CidrBlock: '10.20.0.0/16' } } as never;
    });
    expect(f).toBeDefined();
  });
  test('security groups: removing the only admitting ingress rule leaves the path filtered by SG', () => {
    const f = crossing((R) => {
      delete R.SgIn;
    });
    expect(f.status).toBe('filtered');
    expect(f.blockedBy).toEqual(['sg']);
  });
  test('a group-to-group reference admits only members of the referenced group', () => {
    const f = crossing((R) => {
      R.SgIn.Properties = { GroupId: ref('SgPn'), IpProtocol: '-1', SourceSecurityGroupId: { 'Fn::GetAtt': ['SgLgwan', 'GroupId'] } };
    });
    expect(f.status).toBe('open');
  });
});

describe('on-premises links and telework', () => {
  test('a VPN through the TGW carries the tier of its tag into the route domain it is associated with (default table)', () => {
    const r = run((R) => {
      R.Tgw.Properties!.DefaultRouteTableAssociation = 'enable';
      R.VpnTgw = { Type: 'AWS::EC2::VPNConnection', Properties: { Type: 'ipsec.1', CustomerGatewayId: ref('CgwLgwan'), TransitGatewayId: ref('Tgw'), Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } };
    });
    // The VPN lands in the default route table, where nothing else is: no crossing, only the defaults warning.
    expect(rules(r)).toEqual(['TGW-DEFAULT-ROUTE-TABLE']);
    expect(r.model.tgwAttachments.get('City::VpnTgw#tgwAttachment')?.kind).toBe('vpn');
  });
  test('Client VPN routed to the internet through the LGWAN VPC is a closed-tier internet path', () => {
    const r = run((R) => {
      R.CvpnLgwanAuthDesktop.Properties!.TargetNetworkCidr = '0.0.0.0/0';
      R.CvpnRoute = { Type: 'AWS::EC2::ClientVpnRoute', Properties: { ClientVpnEndpointId: ref('CvpnLgwan'), DestinationCidrBlock: '0.0.0.0/0', TargetVpcSubnetId: ref('SubnetLgwanDesktopA') } };
      R.IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } };
      R.RtLgwanDefault = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
    });
    expect(r.flows.some((f) => f.fromClass === 'telework:lgwan' && f.toClass === 'internet')).toBe(true);
  });
  test('an untagged VPN link is reported and its on-premises network is kept out of the matrix', () => {
    const r = run((R) => {
      R.VpnInet.Properties!.Tags = [];
      R.VgwInet.Properties!.Tags = [];
    });
    expect(rules(r)).toEqual(['UNTAGGED-LINK']);
    expect(r.matrix.find((c) => c.from === 'tier:internet' && c.to === 'on-prem:internet')!.reachable).toBe(false);
  });
});

describe('security group defaults', () => {
  const lgwanToPn = (extra: (R: Record<string, { Type: string; Properties?: Record<string, unknown> }>) => void) =>
    run((R) => {
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
      R.PeerR1 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.30.0.0/20', VpcPeeringConnectionId: ref('Peer') } };
      R.OutAll = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '10.30.0.0/20' } };
      R.InAll = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '10.20.0.0/20' } };
      R.SgIn = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgPn'), IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.20.0.0/20' } };
      extra(R);
    }).flows.find((f) => f.fromClass === 'tier:lgwan' && f.toClass === 'tier:personal-number')!;

  test('every LGWAN group restricted and the default group revoked by CDK: security groups block egress', () => {
    const f = lgwanToPn((R) => {
      R.Restrict = { Type: 'Custom::VpcRestrictDefaultSG', Properties: { DefaultSecurityGroupId: { 'Fn::GetAtt': ['VpcLgwan', 'DefaultSecurityGroup'] } } };
      delete R.WsLgwan; // no desktops: no group created by WorkSpaces in the VPC
    });
    expect(f.status).toBe('filtered');
    expect(f.blockedBy).toEqual(['sg']);
    expect(pathWordsEn.hop(f.hops.find((h) => h.layer === 'sg' && h.blocks)!.step)).toMatch(/egress security groups: none allows it/);
  });
  test('with WorkSpaces desktops in the VPC, the group WorkSpaces creates (all outbound, in no template) keeps the path open', () => {
    const f = lgwanToPn((R) => {
      R.Restrict = { Type: 'Custom::VpcRestrictDefaultSG', Properties: { DefaultSecurityGroupId: { 'Fn::GetAtt': ['VpcLgwan', 'DefaultSecurityGroup'] } } };
    });
    expect(f.status).toBe('open');
    expect(f.hops.find((h) => h.layer === 'sg')?.resource.logicalId).toBe('VpcLgwan#workspacesMembers');
  });
  test('without that custom resource the default group (egress all) could be attached: the path is open', () => {
    expect(lgwanToPn(() => undefined).status).toBe('open');
  });
  test('an empty egress list keeps CloudFormation\'s default allow-all egress', () => {
    const f = lgwanToPn((R) => {
      R.Restrict = { Type: 'Custom::VpcRestrictDefaultSG', Properties: { DefaultSecurityGroupId: { 'Fn::GetAtt': ['VpcLgwan', 'DefaultSecurityGroup'] } } };
      R.SgLgwan.Properties!.SecurityGroupEgress = [];
    });
    expect(f.status).toBe('open');
  });
});

describe('protocols', () => {
  test('a path open only for ESP (protocol 50) is found, not reported as blocked', () => {
    const f = run((R) => {
      R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
      R.PeerR1 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.30.0.0/20', VpcPeeringConnectionId: ref('Peer') } };
      R.OutEsp = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: 50, RuleAction: 'allow', Egress: true, CidrBlock: '10.30.0.0/20' } };
      R.InEsp = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 50, Protocol: 50, RuleAction: 'allow', Egress: false, CidrBlock: '10.20.0.0/20' } };
      R.SgEsp = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgPn'), IpProtocol: '50', CidrIp: '10.20.0.0/20' } };
    }).flows.find((x) => x.fromClass === 'tier:lgwan' && x.toClass === 'tier:personal-number')!;
    expect(f.status).toBe('open');
    expect(f.protocol).toBe('50');
  });
});
