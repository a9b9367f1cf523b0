/**
 * Every route that opens a path (lib/checks/opening-routes.ts): a witness names one route, but an engineer must
 * delete every route of the same VPC that sends overlapping destinations to the same next hop — the other
 * Availability Zone's table included — and nothing else: not a route of another VPC, not one to another next
 * hop, not one to destinations the path does not use. Routes are named with their stack, because two stacks may
 * use the same logical id.
 */
import { verify, type Finding } from '../../lib/checks';
import { asLoaded, buildCity } from '../fixtures/city';
import type { CfnTemplate } from '../../lib/model/load/template';
import { AS_OF, DEFAULT_POLICY, ref, type Resources } from './helpers';

const route = (table: string, dest: string, target: Record<string, unknown>): Resources[string] => ({ Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref(table), DestinationCidrBlock: dest, ...target } });

/** The example city with an internet → LGWAN peering open on tcp 445, and the internet VPC's second AZ on a table of its own. */
function crossingCity(extra: (R: Resources) => void = () => undefined): CfnTemplate {
  const t = buildCity();
  const R = t.Resources as Resources;
  R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcInet'), PeerVpcId: ref('VpcLgwan') } };
  R.NaclIn = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: 6, PortRange: { From: 445, To: 445 }, RuleAction: 'allow', Egress: false, CidrBlock: '10.10.0.0/20' } };
  R.SgIn = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 445, ToPort: 445, CidrIp: '10.10.0.0/20' } };
  // AZ a uses RtInet; AZ b gets its own table (as CDK makes one per AZ), with its own copy of the route.
  R.RtInetB = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('VpcInet') } };
  R.SubnetInetAppBRta = { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref('SubnetInetAppB'), RouteTableId: ref('RtInetB') } };
  R.ToLgwan2 = route('RtInet', '10.20.0.0/20', { VpcPeeringConnectionId: ref('Peer') });
  R.ToLgwan1 = route('RtInetB', '10.20.0.0/24', { VpcPeeringConnectionId: ref('Peer') });
  extra(R);
  return t;
}
const crossing = (fs: Finding[]): Finding => {
  const f = fs.filter((x) => x.rule === 'TIER-CROSSING' && x.from.kind === 'tier' && x.from.tier === 'internet');
  expect(f).toHaveLength(1);
  return f[0];
};

test('both AZs\' routes to the peering are listed, qualified by stack, sorted', () => {
  const r = verify([asLoaded('City', crossingCity())], DEFAULT_POLICY, { asOf: AS_OF });
  expect(crossing(r.findings).openingRoutes).toEqual(['City/ToLgwan1', 'City/ToLgwan2']);
});

test('only the same VPC, the same next hop and overlapping destinations', () => {
  const r = verify([asLoaded('City', crossingCity((R) => {
    R.ToOtherRange = route('RtInetB', '10.99.0.0/16', { VpcPeeringConnectionId: ref('Peer') }); // same hop, no overlap
    R.ToLgwanViaTgw = route('RtInetB', '10.20.8.0/24', { TransitGatewayId: ref('Tgw') }); // overlap, another hop
    // Same hop, overlapping destinations, but in the other VPC (less specific than that VPC's local route, so inert).
    R.FromLgwanSide = route('RtLgwan', '10.20.0.0/16', { VpcPeeringConnectionId: ref('Peer') });
  }))], DEFAULT_POLICY, { asOf: AS_OF });
  expect(crossing(r.findings).openingRoutes).toEqual(['City/ToLgwan1', 'City/ToLgwan2']);
});

test('one route alone is the witness itself: no list', () => {
  const r = verify([asLoaded('City', crossingCity((R) => {
    delete R.ToLgwan1;
    delete R.RtInetB;
    delete R.SubnetInetAppBRta;
  }))], DEFAULT_POLICY, { asOf: AS_OF });
  expect(crossing(r.findings).openingRoutes).toBeUndefined();
});

test('a route with the same logical id in another stack is not taken for the witness', () => {
  // Stack "Annex" (read before "City") is another city with routes also called ToLgwan1 and ToLgwan2, to another hop.
  const other = buildCity({ index: 7 });
  (other.Resources as Resources).ToLgwan1 = route('RtInet', '10.99.0.0/16', { TransitGatewayId: ref('Tgw') });
  (other.Resources as Resources).ToLgwan2 = route('RtInet', '10.99.0.0/17', { TransitGatewayId: ref('Tgw') });
  const r = verify([asLoaded('Annex', other), asLoaded('City', crossingCity())], DEFAULT_POLICY, { asOf: AS_OF });
  expect(crossing(r.findings).openingRoutes).toEqual(['City/ToLgwan1', 'City/ToLgwan2']);
});
