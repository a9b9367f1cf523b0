import { TIER_TAG_KEY, TIERS } from '../../lib/tiers/tier';
import { ofType, Synthesised, synthesise, tagsOf } from './helpers';

describe('Transit Gateway (when configured): isolated per-tier route domains', () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthesise((c) => (c.transitGateway = { amazonSideAsn: 64600 }));
  });

  it('lives in its own stack, with default association and propagation disabled', () => {
    expect(s.tgw).toBeDefined();
    const [, tgw] = ofType(s.tgw!, 'AWS::EC2::TransitGateway')[0];
    expect(tgw).toMatchObject({
      AmazonSideAsn: 64600,
      DefaultRouteTableAssociation: 'disable',
      DefaultRouteTablePropagation: 'disable',
      AutoAcceptSharedAttachments: 'disable',
    });
  });

  it('has one route table per tier, each associated with and propagated from only its own tier\'s attachment', () => {
    const t = s.tgw!;
    const tables = ofType(t, 'AWS::EC2::TransitGatewayRouteTable');
    const attachments = ofType(t, 'AWS::EC2::TransitGatewayVpcAttachment');
    expect(tables).toHaveLength(3);
    expect(attachments).toHaveLength(3);
    const tierOfTable = Object.fromEntries(tables.map(([id, r]) => [id, tagsOf({ Properties: r })[TIER_TAG_KEY]]));
    const tierOfAttachment = Object.fromEntries(attachments.map(([id, r]) => [id, tagsOf({ Properties: r })[TIER_TAG_KEY]]));
    expect(new Set(Object.values(tierOfTable))).toEqual(new Set(TIERS));
    for (const type of ['AWS::EC2::TransitGatewayRouteTableAssociation', 'AWS::EC2::TransitGatewayRouteTablePropagation']) {
      const links = ofType(t, type);
      expect(links).toHaveLength(3);
      for (const [, l] of links) {
        expect(tierOfTable[l.TransitGatewayRouteTableId.Ref]).toBe(tierOfAttachment[l.TransitGatewayAttachmentId.Ref]);
      }
    }
  });

  it('blackholes every other tier\'s ranges in each tier\'s table, and routes nothing else statically', () => {
    const t = s.tgw!;
    const tables = Object.fromEntries(ofType(t, 'AWS::EC2::TransitGatewayRouteTable').map(([id, r]) => [id, tagsOf({ Properties: r })[TIER_TAG_KEY]]));
    const routes = ofType(t, 'AWS::EC2::TransitGatewayRoute');
    for (const tier of TIERS) {
      const mine = routes.filter(([, r]) => tables[r.TransitGatewayRouteTableId.Ref] === tier).map(([, r]) => r);
      expect(mine.every((r) => r.Blackhole === true && r.TransitGatewayAttachmentId === undefined)).toBe(true);
      expect(mine.map((r) => r.DestinationCidrBlock)).toEqual(s.stage.networks[tier].otherTierRanges);
    }
  });

  it('attaches each tier VPC through its endpoints subnets', () => {
    const attachments = ofType(s.tgw!, 'AWS::EC2::TransitGatewayVpcAttachment');
    for (const [, a] of attachments) expect(a.SubnetIds).toHaveLength(2);
  });
});

describe('security-cloud egress', () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthesise((c) => (c.internetEgress = { kind: 'security-cloud' }));
  });

  it('creates no IGW, NAT, EIP or firewall anywhere', () => {
    for (const tier of TIERS) {
      for (const type of ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::EIP', 'AWS::NetworkFirewall::Firewall']) {
        expect(ofType(s.templates[tier], type)).toHaveLength(0);
      }
    }
  });

  it('sends the internet tier\'s default route to its own VGW from every subnet, and into the VPN tunnel', () => {
    const t = s.templates.internet;
    const [vgwId] = ofType(t, 'AWS::EC2::VPNGateway')[0];
    const defaults = ofType(t, 'AWS::EC2::Route').filter(([, r]) => r.DestinationCidrBlock === '0.0.0.0/0');
    expect(defaults).toHaveLength(6);
    for (const [, r] of defaults) expect(r.GatewayId).toEqual({ Ref: vgwId });
    expect(ofType(t, 'AWS::EC2::VPNConnectionRoute').map(([, r]) => r.DestinationCidrBlock).sort()).toEqual(['0.0.0.0/0', '192.168.10.0/24']);
  });

  it('keeps the closed tiers free of default routes', () => {
    for (const tier of ['lgwan', 'personal-number'] as const) {
      expect(ofType(s.templates[tier], 'AWS::EC2::Route').filter(([, r]) => r.DestinationCidrBlock === '0.0.0.0/0')).toHaveLength(0);
    }
  });
});

describe('clients over the on-prem link (closed SIM / Direct Connect)', () => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthesise((c) => (c.telework.linkClientCidrs = { lgwan: ['10.210.0.0/24'] }));
  });

  it('routes the link-client range to the tier\'s own VGW and into the VPN tunnel', () => {
    const t = s.templates.lgwan;
    const [vgwId] = ofType(t, 'AWS::EC2::VPNGateway')[0];
    const routes = ofType(t, 'AWS::EC2::Route').filter(([, r]) => r.DestinationCidrBlock === '10.210.0.0/24');
    expect(routes).toHaveLength(6);
    for (const [, r] of routes) expect(r.GatewayId).toEqual({ Ref: vgwId });
    expect(ofType(t, 'AWS::EC2::VPNConnectionRoute').map(([, r]) => r.DestinationCidrBlock)).toEqual(['172.16.20.0/22', '10.210.0.0/24']);
  });

  it('does not admit link clients wholesale in the tier NACL (the telework part admits streaming only)', () => {
    const entries = ofType(s.templates.lgwan, 'AWS::EC2::NetworkAclEntry').map(([, e]) => e.CidrBlock);
    expect(entries).not.toContain('10.210.0.0/24');
  });

  it('denies the link-client range in the internet tier and blackholes nothing else new', () => {
    const denies = ofType(s.templates.internet, 'AWS::EC2::NetworkAclEntry').filter(([, e]) => e.RuleAction === 'deny').map(([, e]) => e.CidrBlock);
    expect(denies.filter((c) => c === '10.210.0.0/24')).toHaveLength(2);
    expect(s.stage.networks.internet.otherTierRanges).toContain('10.210.0.0/24');
  });
});

describe('three availability zones', () => {
  it('puts every purpose in all three zones and keeps the egress pair in the first', () => {
    const s = synthesise((c) => (c.availabilityZones = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d']));
    for (const tier of TIERS) {
      for (const purpose of ['desktops', 'directory', 'endpoints'] as const) {
        expect(s.stage.networks[tier].subnets[purpose].map((x) => x.availabilityZone)).toEqual(['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d']);
      }
    }
    const egress = s.stage.networks.internet.subnetPlan.subnets.filter((x) => x.purpose === 'nat' || x.purpose === 'firewall');
    expect(egress.map((x) => x.az)).toEqual(['ap-northeast-1a', 'ap-northeast-1a']);
    expect(ofType(s.templates.internet, 'AWS::EC2::Route').filter(([, r]) => r.DestinationCidrBlock === '0.0.0.0/0' && r.VpcEndpointId)).toHaveLength(9);
  });
});
