/** Good topologies pass with no finding, and their reachability matrix says exactly what is allowed. */
import { verify } from '../../lib/checks';
import { buildCity, splitStacks } from '../fixtures/city';
import { AS_OF, DEFAULT_POLICY, policyWith, ref, run, runTemplates } from './helpers';

describe('good topologies', () => {
  test('α model city with a shared TGW of isolated route domains: no finding', () => {
    const r = run();
    expect(r.findings).toEqual([]);
    const reachable = r.matrix.filter((c) => c.reachable).map((c) => `${c.from}>${c.to}`).sort();
    // internet → tier:internet is not reachable: the internet tier's groups admit 443 only from the VPC and
    // on-premises (private ranges), and a packet from the internet carries a public source address.
    expect(reachable).toEqual([
      'on-prem:internet>tier:internet',
      'on-prem:lgwan>tier:lgwan',
      'on-prem:personal-number>tier:personal-number',
      'telework:lgwan>tier:lgwan',
      'tier:internet>internet',
      'tier:internet>on-prem:internet',
      'tier:lgwan>on-prem:lgwan',
      'tier:personal-number>on-prem:personal-number',
    ]);
    expect(r.matrix).toHaveLength(90);
  });

  test('a second VPN of the same tier on that tier\'s own gateway is no finding (TIER-JOIN-LINK and TIER-JOIN-EDGE need two tiers)', () => {
    const r = run((R) => {
      R.VpnLgwan2 = { Type: 'AWS::EC2::VPNConnection', Properties: { Type: 'ipsec.1', CustomerGatewayId: ref('CgwLgwan'), VpnGatewayId: ref('VgwLgwan'), StaticRoutesOnly: true, Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } };
    });
    expect(r.findings).toEqual([]);
  });

  test('a second Direct Connect association of the same tier to the same gateway id is no finding', () => {
    const r = run((R) => {
      R.DxPn2 = { Type: 'AWS::DirectConnect::DirectConnectGatewayAssociation', Properties: { DirectConnectGatewayId: '5f294f92-bafb-4011-916d-9b0b12345678', AssociatedGatewayId: ref('VgwPn') } };
    });
    expect(r.findings).toEqual([]);
  });

  test('the matrix says why a blocked pair is blocked: no route', () => {
    const r = run();
    const cell = r.matrix.find((c) => c.from === 'tier:lgwan' && c.to === 'tier:personal-number')!;
    expect(cell.reachable).toBe(false);
    expect(cell.routeConnected).toBe(false);
    expect(cell.blockedBy).toEqual(['route']);
  });

  test('an allowed pair carries a witness path with hops from the templates', () => {
    const r = run();
    const cell = r.matrix.find((c) => c.from === 'tier:internet' && c.to === 'internet')!;
    expect(cell.witness[0].layer).toBe('entry');
    expect(cell.witness.map((h) => h.resource.logicalId)).toEqual(expect.arrayContaining(['Nat', 'RtPublicDefault']));
    expect(cell.witness.some((h) => h.layer === 'exit' && h.resource.logicalId === 'Igw')).toBe(true);
  });

  test('telework clients reach the LGWAN desktops through Client VPN (packets), never other tiers', () => {
    const r = run();
    const cell = r.matrix.find((c) => c.from === 'telework:lgwan' && c.to === 'tier:lgwan')!;
    expect(cell.via).toBe('packets');
    expect(cell.witness.some((h) => h.layer === 'client-vpn')).toBe(true);
    expect(r.matrix.filter((c) => c.from === 'telework:lgwan' && c.reachable).map((c) => c.to)).toEqual(['tier:lgwan']);
  });

  test('β model city (telework desktops in the internet tier too) passes under a β policy', () => {
    const r = run(undefined, { city: { beta: true }, policy: policyWith({ model: 'beta' }) });
    expect(r.findings).toEqual([]);
    const cell = r.matrix.find((c) => c.from === 'telework:internet' && c.to === 'tier:internet')!;
    expect(cell).toMatchObject({ reachable: true, via: 'desktop-streaming' });
  });

  test('same-tier peering (two LGWAN VPCs) is not a crossing', () => {
    const r = run((R) => {
      R.VpcLgwan2 = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.21.0.0/20', Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } };
      R.SubnetLgwan2 = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('VpcLgwan2'), CidrBlock: '10.21.0.0/24' } };
      R.RtLgwan2 = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('VpcLgwan2') } };
      R.RtaLgwan2 = { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref('SubnetLgwan2'), RouteTableId: ref('RtLgwan2') } };
      R.PeerLgwan = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcLgwan2') } };
      R.PeerR1 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.21.0.0/20', VpcPeeringConnectionId: ref('PeerLgwan') } };
      R.PeerR2 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan2'), DestinationCidrBlock: '0.0.0.0/0', VpcPeeringConnectionId: ref('PeerLgwan') } };
    });
    expect(r.findings).toEqual([]);
    // Peering is not transitive: the second VPC's default route into the peering reaches only the peer VPC.
    expect(r.flows.filter((f) => f.from.vpc === 'City::VpcLgwan2')).toEqual([]);
  });

  test('multi-stack app with cross-stack exports (Fn::ImportValue) passes and resolves across stacks', () => {
    const [network, telework] = splitStacks(buildCity(), (id) => /^(AdLgwan|WsLgwan|CvpnLgwan|StreamLgwan|CvpnSgLgwan)/.test(id));
    expect(JSON.stringify(telework.template)).toContain('Fn::ImportValue');
    const r = runTemplates([network, telework]);
    expect(r.findings).toEqual([]);
    expect(r.model.clientVpns.get('Telework::CvpnLgwan')?.associations[0].subnet).toBe('Network::SubnetLgwanDesktopA');
    expect(r.matrix.find((c) => c.from === 'telework:lgwan' && c.to === 'tier:lgwan')?.reachable).toBe(true);
  });

  test('verify builds the model once and reports its size', () => {
    const r = verify([{ stack: 'City', file: 'x', template: buildCity() }], DEFAULT_POLICY, { asOf: AS_OF });
    expect(r.stats.resources).toBeGreaterThan(100);
    expect(r.coverage.length).toBeGreaterThan(3);
  });
});
