import { TIER_TAG_KEY, TIERS, CLOSED_TIERS, Tier } from '../../lib/tiers/tier';
import { INTERNET_REPLY_PORTS } from '../../lib/network/tier-nacl';
import { ofType, resources, Synthesised, synthesise, taggableResources, tagsOf } from './helpers';

let s: Synthesised;
beforeAll(() => {
  s = synthesise();
});

const INTERNET_PATH_TYPES = [
  'AWS::EC2::InternetGateway',
  'AWS::EC2::NatGateway',
  'AWS::EC2::EgressOnlyInternetGateway',
  'AWS::EC2::EIP',
  'AWS::EC2::CarrierGateway',
  'AWS::EC2::VPCPeeringConnection',
  'AWS::EC2::TransitGatewayAttachment',
  'AWS::EC2::TransitGatewayVpcAttachment',
];

describe.each(CLOSED_TIERS.map((t) => [t]))('closed tier %s', (tier: Tier) => {
  it('has no internet-path resource', () => {
    const types = Object.values(resources(s.templates[tier])).map((r) => r.Type);
    for (const t of INTERNET_PATH_TYPES) expect(types).not.toContain(t);
  });

  it('has no default route (IPv4 or IPv6) and no route to an IGW/NAT/EIGW', () => {
    for (const [, route] of ofType(s.templates[tier], 'AWS::EC2::Route')) {
      expect(route.DestinationCidrBlock).not.toBe('0.0.0.0/0');
      expect(route.DestinationIpv6CidrBlock).toBeUndefined();
      expect(route.NatGatewayId).toBeUndefined();
      expect(route.EgressOnlyInternetGatewayId).toBeUndefined();
    }
  });

  it('gives no subnet a public IP and has no IPv6', () => {
    const subnets = ofType(s.templates[tier], 'AWS::EC2::Subnet');
    expect(subnets.length).toBeGreaterThan(0);
    for (const [, subnet] of subnets) {
      expect(subnet.MapPublicIpOnLaunch).toBe(false);
      expect(subnet.Ipv6CidrBlock).toBeUndefined();
      expect(subnet.AssignIpv6AddressOnCreation).toBeUndefined();
    }
    expect(ofType(s.templates[tier], 'AWS::EC2::VPCCidrBlock')).toHaveLength(0);
  });
});

describe('subnets per purpose', () => {
  it.each(TIERS.map((t) => [t]))('%s: desktops, directory and endpoints in two AZs, with the planned CIDRs', (tier: Tier) => {
    const network = s.stage.networks[tier];
    for (const purpose of ['desktops', 'directory', 'endpoints'] as const) {
      expect(network.subnets[purpose].map((x) => x.availabilityZone)).toEqual(['ap-northeast-1a', 'ap-northeast-1c']);
    }
    const rendered = ofType(s.templates[tier], 'AWS::EC2::Subnet').map(([, p]) => p.CidrBlock).sort();
    expect(rendered).toEqual(network.subnetPlan.subnets.map((p) => p.cidr).sort());
    const [, vpc] = ofType(s.templates[tier], 'AWS::EC2::VPC')[0];
    expect(vpc.CidrBlock).toBe(s.config.tiers[tier].vpcCidr);
  });

  it('exposes the tier ranges as literal CIDRs', () => {
    expect(s.stage.networks.lgwan.ranges).toEqual({
      vpc: '10.20.0.0/20',
      onPrem: ['172.16.20.0/22'],
      teleworkClients: ['10.200.0.0/22'],
      linkClients: [],
      all: ['10.20.0.0/20', '172.16.20.0/22', '10.200.0.0/22'],
    });
    expect(s.stage.networks['personal-number'].ranges.teleworkClients).toEqual([]);
  });
});

describe('internet tier: one inspected egress point', () => {
  it('has exactly one IGW, one NAT gateway, one Elastic IP and one firewall', () => {
    const t = s.templates.internet;
    expect(ofType(t, 'AWS::EC2::InternetGateway')).toHaveLength(1);
    expect(ofType(t, 'AWS::EC2::NatGateway')).toHaveLength(1);
    expect(ofType(t, 'AWS::EC2::EIP')).toHaveLength(1);
    expect(ofType(t, 'AWS::NetworkFirewall::Firewall')).toHaveLength(1);
    expect(ofType(t, 'AWS::EC2::EgressOnlyInternetGateway')).toHaveLength(0);
  });

  it('routes workload subnets out only through the firewall, the firewall to the NAT, and only the NAT subnet to the IGW', () => {
    const t = s.templates.internet;
    const defaults = ofType(t, 'AWS::EC2::Route').filter(([, r]) => r.DestinationCidrBlock === '0.0.0.0/0');
    const igwRoutes = defaults.filter(([, r]) => r.GatewayId !== undefined);
    const natRoutes = defaults.filter(([, r]) => r.NatGatewayId !== undefined);
    const firewallRoutes = defaults.filter(([, r]) => r.VpcEndpointId !== undefined);
    expect(igwRoutes).toHaveLength(1);
    expect(igwRoutes[0][0]).toMatch(/NatSubnetDefaultRoute/);
    expect(natRoutes).toHaveLength(1);
    expect(natRoutes[0][0]).toMatch(/FirewallSubnetDefaultRoute/);
    expect(firewallRoutes).toHaveLength(6); // 3 purposes × 2 AZs
    expect(defaults).toHaveLength(8);
  });

  it('sends replies from the NAT subnet back through the firewall for every workload subnet', () => {
    const returns = ofType(s.templates.internet, 'AWS::EC2::Route').filter(([id]) => /NatSubnetReturnRoute/.test(id));
    const workload = s.stage.networks.internet.subnetPlan.subnets.filter((x) => x.purpose !== 'nat' && x.purpose !== 'firewall');
    expect(returns.map(([, r]) => r.DestinationCidrBlock).sort()).toEqual(workload.map((x) => x.cidr).sort());
    for (const [, r] of returns) expect(r.VpcEndpointId).toBeDefined();
  });

  it('allows only the configured domains, drops non-TCP and drops established flows that no rule passed', () => {
    const t = s.templates.internet;
    const groups = ofType(t, 'AWS::NetworkFirewall::RuleGroup');
    const allow = groups.find(([, g]) => g.Type === 'STATEFUL')![1];
    expect(allow.RuleGroup.RulesSource.RulesSourceList).toEqual({
      GeneratedRulesType: 'ALLOWLIST',
      TargetTypes: ['TLS_SNI', 'HTTP_HOST'],
      Targets: s.config.internetEgress.kind === 'network-firewall' ? s.config.internetEgress.allowedDomains : [],
    });
    const [, policy] = ofType(t, 'AWS::NetworkFirewall::FirewallPolicy')[0];
    expect(policy.FirewallPolicy.StatelessDefaultActions).toEqual(['aws:drop']);
    expect(policy.FirewallPolicy.StatelessFragmentDefaultActions).toEqual(['aws:drop']);
    expect(policy.FirewallPolicy.StatefulDefaultActions).toContain('aws:drop_established');
    const stateless = groups.find(([, g]) => g.Type === 'STATELESS')![1];
    expect(stateless.RuleGroup.RulesSource.StatelessRulesAndCustomActions.StatelessRules).toEqual([
      { Priority: 10, RuleDefinition: { Actions: ['aws:forward_to_sfe'], MatchAttributes: { Protocols: [6] } } },
    ]);
  });

  it('gives no subnet a public IP (the NAT gateway\'s Elastic IP is the only public address)', () => {
    for (const [, subnet] of ofType(s.templates.internet, 'AWS::EC2::Subnet')) expect(subnet.MapPublicIpOnLaunch).toBe(false);
  });
});

describe('NACLs', () => {
  function entries(tier: Tier): any[] {
    return ofType(s.templates[tier], 'AWS::EC2::NetworkAclEntry').map(([, e]) => e);
  }

  it.each(TIERS.map((t) => [t]))('%s: one explicit NACL associated with every subnet', (tier: Tier) => {
    const t = s.templates[tier];
    expect(ofType(t, 'AWS::EC2::NetworkAcl')).toHaveLength(1);
    const subnets = ofType(t, 'AWS::EC2::Subnet').map(([id]) => id).sort();
    const associated = ofType(t, 'AWS::EC2::SubnetNetworkAclAssociation').map(([, a]) => a.SubnetId.Ref).sort();
    expect(associated).toEqual(subnets);
  });

  it.each(CLOSED_TIERS.map((t) => [t]))('%s: allows exactly its own ranges, both ways, and nothing else', (tier: Tier) => {
    const own = s.stage.networks[tier].ranges.all;
    const e = entries(tier);
    expect(e).toHaveLength(own.length * 2);
    for (const entry of e) {
      expect(entry.RuleAction).toBe('allow');
      expect(entry.Protocol).toBe(-1);
    }
    for (const egress of [true, false]) {
      expect(e.filter((x) => x.Egress === egress).map((x) => x.CidrBlock)).toEqual(own);
    }
  });

  it('internet tier: denies every other tier\'s ranges first, both ways', () => {
    const others = s.stage.networks.internet.otherTierRanges;
    expect(others).toEqual(['10.20.0.0/20', '172.16.20.0/22', '10.200.0.0/22', '10.30.0.0/20', '172.16.32.0/22']);
    const e = entries('internet');
    const lowestAllow = Math.min(...e.filter((x) => x.RuleAction === 'allow').map((x) => x.RuleNumber));
    for (const egress of [true, false]) {
      const denies = e.filter((x) => x.RuleAction === 'deny' && x.Egress === egress);
      expect(denies.map((x) => x.CidrBlock)).toEqual(others);
      for (const d of denies) {
        expect(d.Protocol).toBe(-1);
        expect(d.RuleNumber).toBeLessThan(lowestAllow);
      }
    }
  });

  it('internet tier: admits from the internet only TCP replies, never 22 or 3389', () => {
    const fromAnywhere = entries('internet').filter((x) => x.CidrBlock === '0.0.0.0/0' && x.Egress !== true);
    expect(fromAnywhere.map((x) => [x.Protocol, x.PortRange.From, x.PortRange.To])).toEqual(INTERNET_REPLY_PORTS.map(([a, b]) => [6, a, b]));
    for (const x of fromAnywhere) {
      for (const port of [22, 3389]) expect(port >= x.PortRange.From && port <= x.PortRange.To).toBe(false);
    }
    const out = entries('internet').filter((x) => x.CidrBlock === '0.0.0.0/0' && x.Egress === true);
    expect(out).toEqual([expect.objectContaining({ RuleAction: 'allow', Protocol: -1 })]);
  });
});

describe('flow logs', () => {
  it.each(TIERS.map((t) => [t]))('%s: ALL traffic of the VPC to a KMS-encrypted log group kept for the configured days', (tier: Tier) => {
    const t = s.templates[tier];
    const [vpcId] = ofType(t, 'AWS::EC2::VPC')[0];
    const flowLogs = ofType(t, 'AWS::EC2::FlowLog');
    expect(flowLogs).toHaveLength(1);
    const [, fl] = flowLogs[0];
    expect(fl).toMatchObject({ ResourceType: 'VPC', TrafficType: 'ALL', ResourceId: { Ref: vpcId }, LogDestinationType: 'cloud-watch-logs' });
    const [groupId, group] = ofType(t, 'AWS::Logs::LogGroup')[0];
    expect(fl.LogGroupName).toEqual({ Ref: groupId });
    expect(group.RetentionInDays).toBe(365);
    const [keyId, key] = ofType(t, 'AWS::KMS::Key')[0];
    expect(group.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(key.EnableKeyRotation).toBe(true);
  });

  it('uses the retention from configuration', () => {
    const other = synthesise((c) => (c.flowLogRetentionDays = 731));
    expect(ofType(other.templates.lgwan, 'AWS::Logs::LogGroup')[0][1].RetentionInDays).toBe(731);
  });

  it('delivers through a role with no inline policy', () => {
    const t = s.templates.lgwan;
    expect(ofType(t, 'AWS::IAM::Policy')).toHaveLength(0);
    const [, mp] = ofType(t, 'AWS::IAM::ManagedPolicy')[0];
    expect(mp.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Effect: 'Allow' }),
    ]);
  });
});

describe('default security groups and endpoint security groups', () => {
  it.each(TIERS.map((t) => [t]))('%s: the default SG is stripped of its rules', (tier: Tier) => {
    expect(ofType(s.templates[tier], 'Custom::VpcRestrictDefaultSG')).toHaveLength(1);
  });

  it.each(TIERS.map((t) => [t]))('%s: endpoint SG admits HTTPS only from the tier\'s VPC and on-prem ranges, with literal CIDRs', (tier: Tier) => {
    const sgs = ofType(s.templates[tier], 'AWS::EC2::SecurityGroup');
    expect(sgs).toHaveLength(1);
    const [, sg] = sgs[0];
    const network = s.stage.networks[tier];
    expect(sg.SecurityGroupIngress).toEqual([network.ranges.vpc, ...network.ranges.onPrem].map((cidr) => expect.objectContaining({ CidrIp: cidr, IpProtocol: 'tcp', FromPort: 443, ToPort: 443 })));
    // CDK's "disallow all" placeholder: no real egress.
    expect(sg.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32', IpProtocol: 'icmp' })]);
  });

  it('creates the configured interface endpoints with private DNS in the endpoints subnets', () => {
    const endpoints = ofType(s.templates['personal-number'], 'AWS::EC2::VPCEndpoint');
    expect(endpoints.map(([, e]) => e.ServiceName).sort()).toEqual(
      ['ec2messages', 'kms', 'logs', 'ssm', 'ssmmessages'].map((x) => `com.amazonaws.ap-northeast-1.${x}`),
    );
    const endpointSubnets = s.stage.networks['personal-number'].subnets.endpoints.map((x) => x.subnetId);
    for (const [, e] of endpoints) {
      expect(e.VpcEndpointType).toBe('Interface');
      expect(e.PrivateDnsEnabled).toBe(true);
      expect(e.SubnetIds).toHaveLength(endpointSubnets.length);
    }
  });
});

describe('mic:tier tag', () => {
  it.each(TIERS.map((t) => [t]))('%s: every taggable resource of the tier stack carries its mic:tier tag', (tier: Tier) => {
    const stack = s.stage.networkStacks[tier];
    const rendered = resources(s.templates[tier]);
    const taggable = taggableResources(stack);
    expect(taggable.length).toBeGreaterThan(20);
    const missing = taggable.filter((r) => tagsOf(rendered[r.logicalId])[TIER_TAG_KEY] !== tier).map((r) => `${r.type} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('tags the on-prem link resources with their tier', () => {
    for (const tier of TIERS) {
      for (const type of ['AWS::EC2::VPNGateway', 'AWS::EC2::CustomerGateway', 'AWS::EC2::VPNConnection']) {
        for (const [, r] of ofType(s.templates[tier], type)) expect(tagsOf({ Properties: r })[TIER_TAG_KEY]).toBe(tier);
      }
    }
  });
});

describe('on-prem links', () => {
  function vgwRoutes(tier: Tier): string[] {
    return ofType(s.templates[tier], 'AWS::EC2::Route')
      .filter(([, r]) => r.GatewayId?.Ref !== undefined && /VpnGateway/.test(r.GatewayId.Ref))
      .map(([, r]) => r.DestinationCidrBlock);
  }

  it.each(TIERS.map((t) => [t]))('%s: subnets route only the tier\'s own on-prem ranges to its VGW, from every workload subnet', (tier: Tier) => {
    const onPrem = s.config.tiers[tier].onPremCidrs;
    const routes = vgwRoutes(tier);
    expect(new Set(routes)).toEqual(new Set(onPrem));
    expect(routes).toHaveLength(onPrem.length * 6);
  });

  it('never enables route propagation from a VGW', () => {
    for (const tier of TIERS) expect(ofType(s.templates[tier], 'AWS::EC2::VPNGatewayRoutePropagation')).toHaveLength(0);
  });

  it('site-to-site VPN: static routes only, for exactly the tier\'s on-prem ranges', () => {
    const [, vpn] = ofType(s.templates.lgwan, 'AWS::EC2::VPNConnection')[0];
    expect(vpn.StaticRoutesOnly).toBe(true);
    expect(ofType(s.templates.lgwan, 'AWS::EC2::VPNConnectionRoute').map(([, r]) => r.DestinationCidrBlock)).toEqual(['172.16.20.0/22']);
    const [, cgw] = ofType(s.templates.lgwan, 'AWS::EC2::CustomerGateway')[0];
    expect(cgw).toMatchObject({ IpAddress: '203.0.113.20', BgpAsn: 65020, Type: 'ipsec.1' });
  });

  it('Direct Connect: associates the tier\'s own VGW, advertising only the tier VPC', () => {
    const t = s.templates['personal-number'];
    const [, assoc] = ofType(t, 'AWS::DirectConnect::DirectConnectGatewayAssociation')[0];
    const [vgwId] = ofType(t, 'AWS::EC2::VPNGateway')[0];
    expect(assoc).toMatchObject({
      DirectConnectGatewayId: '5f294f92-bafb-4011-916d-9b0b12345678',
      AssociatedGatewayId: { Ref: vgwId },
      AllowedPrefixesToDirectConnectGateway: ['10.30.0.0/20'],
    });
    expect(ofType(t, 'AWS::EC2::VPNConnection')).toHaveLength(0);
  });

  it('a tier without an on-prem link has no VGW at all', () => {
    const other = synthesise((c) => {
      delete c.tiers.lgwan.onPremLink;
    });
    expect(ofType(other.templates.lgwan, 'AWS::EC2::VPNGateway')).toHaveLength(0);
    expect(ofType(other.templates.lgwan, 'AWS::EC2::Route')).toHaveLength(0);
  });
});
