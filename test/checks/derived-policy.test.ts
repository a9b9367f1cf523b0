/**
 * The policy `verify` uses when no --policy is given (lib/checks/derived-policy.ts): each tier's on-premises
 * networks are the destinations of the static routes to a link tagged with that tier — nothing else. A route
 * that sends a VPC's own addresses over a link is left out (it is the misrouting UNDECLARED-ONPREM-ROUTE
 * reports), a link with no such route keeps "every address" behind it, and the notes say what was derived.
 */
import { derivePolicy, isDerivedPolicy } from '../../lib/checks/derived-policy';
import { buildModel } from '../../lib/model/facts';
import { asLoaded, buildCity, EXAMPLE_PLAN } from '../fixtures/city';
import type { CfnTemplate } from '../../lib/model/load/template';
import { DEFAULT_POLICY, ref, type Resources } from './helpers';

const derive = (...stacks: Array<[string, CfnTemplate]>) => derivePolicy(buildModel(stacks.map(([s, t]) => asLoaded(s, t))).model);
function city(mutate: (R: Resources) => void = () => undefined): CfnTemplate {
  const t = buildCity();
  mutate(t.Resources as Resources);
  return t;
}
const ranges = (d: ReturnType<typeof derive>) => Object.fromEntries(d.policy.onPremNetworks.map((n) => [n.tier, n.cidrs]));
const untag = (R: Resources, id: string): void => { delete (R[id].Properties as Record<string, unknown>).Tags; };

test('the example city: each tier\'s on-premises range is its static route to its tagged gateway', () => {
  const d = derive(['City', city()]);
  expect(d.policy.onPremNetworks).toEqual([
    { name: 'internet-link-static-routes', tier: 'internet', cidrs: [EXAMPLE_PLAN.internet.onPrem] },
    { name: 'lgwan-link-static-routes', tier: 'lgwan', cidrs: [EXAMPLE_PLAN.lgwan.onPrem] },
    { name: 'personal-number-link-static-routes', tier: 'personal-number', cidrs: [EXAMPLE_PLAN['personal-number'].onPrem] },
  ]);
  expect(d.notes).toEqual([
    { kind: 'derived' },
    { kind: 'tier-ranges', tier: 'internet', cidrs: [EXAMPLE_PLAN.internet.onPrem], routes: ['City/RtInetOnPrem'] },
    { kind: 'tier-ranges', tier: 'lgwan', cidrs: [EXAMPLE_PLAN.lgwan.onPrem], routes: ['City/RtLgwanOnPrem'] },
    { kind: 'tier-ranges', tier: 'personal-number', cidrs: [EXAMPLE_PLAN['personal-number'].onPrem], routes: ['City/RtPnOnPrem'] },
  ]);
});

test('the strictest reading: the α model, no telework pool, no sanctioned channel; and it is marked as derived', () => {
  const d = derive(['City', city()]);
  expect(d.policy).toMatchObject({ version: 1, model: 'alpha', teleworkClients: [], sanctionedChannels: [] });
  expect(d.policy.municipality).toMatch(/no --policy given/);
  expect(isDerivedPolicy(d.policy)).toBe(true);
  expect(isDerivedPolicy(DEFAULT_POLICY)).toBe(false);
});

test('a tagged gateway with no link landing on it keeps its own tier', () => {
  const d = derive(['City', city((R) => { delete R.VpnLgwan; delete R.CgwLgwan; })]);
  expect(ranges(d).lgwan).toEqual([EXAMPLE_PLAN.lgwan.onPrem]);
});

test('an untagged gateway takes the tier of the one tier of links that land on it', () => {
  const d = derive(['City', city((R) => untag(R, 'VgwLgwan'))]); // VpnLgwan (tagged lgwan) still lands on it
  expect(ranges(d).lgwan).toEqual([EXAMPLE_PLAN.lgwan.onPrem]);
});

test('an untagged gateway with links of two tiers landing on it: its routes declare nothing', () => {
  const d = derive(['City', city((R) => {
    untag(R, 'VgwLgwan');
    R.VpnLgwanSecond = { Type: 'AWS::EC2::VPNConnection', Properties: { Type: 'ipsec.1', CustomerGatewayId: ref('CgwInet'), VpnGatewayId: ref('VgwLgwan'), StaticRoutesOnly: true, Tags: [{ Key: 'mic:tier', Value: 'internet' }] } };
  })]);
  expect(ranges(d).lgwan).toBeUndefined();
  expect(d.notes).toContainEqual({ kind: 'tier-no-route', tier: 'lgwan' });
});

test('an untagged gateway with no tagged link landing on it: its routes declare nothing', () => {
  const d = derive(['City', city((R) => { untag(R, 'VgwPn'); })]); // the DX association takes its tier from the gateway
  expect(ranges(d)['personal-number']).toBeUndefined();
  expect(Object.keys(ranges(d)).sort()).toEqual(['internet', 'lgwan']);
});

test('a tier with a link but no static route to it: "every address" stays behind the link, and the note says so', () => {
  const d = derive(['City', city((R) => { delete R.RtLgwanOnPrem; })]);
  expect(ranges(d).lgwan).toBeUndefined();
  expect(d.notes).toContainEqual({ kind: 'tier-no-route', tier: 'lgwan' });
  expect(d.notes.filter((n) => n.kind === 'tier-ranges').map((n) => n.kind === 'tier-ranges' && n.tier)).toEqual(['internet', 'personal-number']);
});

test('routes propagated from the gateway (BGP) name no range: they declare nothing', () => {
  const d = derive(['City', city((R) => {
    delete R.RtLgwanOnPrem;
    R.PropLgwan = { Type: 'AWS::EC2::VPNGatewayRoutePropagation', Properties: { RouteTableIds: [ref('RtLgwan')], VpnGatewayId: ref('VgwLgwan') } };
  })]);
  expect(ranges(d).lgwan).toBeUndefined();
  expect(d.notes).toContainEqual({ kind: 'tier-no-route', tier: 'lgwan' });
  // Propagation is neither a declaration nor a misrouting: it sends "every address", which includes the VPCs'.
  expect(d.notes.filter((n) => n.kind === 'left-out')).toEqual([]);
});

test('a route sending a VPC\'s own addresses over a link is left out, named with its range, never declared', () => {
  const d = derive(['City', city((R) => {
    R.MisroutedToLink = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.10.0.0/24', GatewayId: ref('VgwLgwan') } };
    // A second table, read after RtLgwan, whose route's name sorts first.
    R.RtLgwanZoneB = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('VpcLgwan') } };
    R.AlsoMisrouted = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwanZoneB'), DestinationCidrBlock: '10.30.0.0/24', GatewayId: ref('VgwLgwan') } };
  })]);
  expect(ranges(d).lgwan).toEqual([EXAMPLE_PLAN.lgwan.onPrem]);
  expect(d.notes).toContainEqual({ kind: 'left-out', routes: ['City/AlsoMisrouted (10.30.0.0/24)', 'City/MisroutedToLink (10.10.0.0/24)'] });
});

test('ranges are sorted and listed once; routes are sorted, and two stacks\' routes with the same logical id are both named', () => {
  const second = city((R) => {
    // Read after stack A's 172.16.20.0/22, but sorts before it; and twice, from two tables.
    (R.RtLgwanOnPrem.Properties as Record<string, unknown>).DestinationCidrBlock = '172.16.1.0/24';
    R.RtLgwanZoneB = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('VpcLgwan') } };
    R.AnotherOnPrem = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwanZoneB'), DestinationCidrBlock: '172.16.1.0/24', GatewayId: ref('VgwLgwan') } };
  });
  // Both stacks build the same logical ids; their VPCs overlap, which does not matter to the derivation.
  const d = derive(['A', city()], ['B', second]);
  expect(ranges(d).lgwan).toEqual(['172.16.1.0/24', '172.16.20.0/22']);
  const lgwan = d.notes.find((n) => n.kind === 'tier-ranges' && n.tier === 'lgwan');
  expect(lgwan).toEqual({ kind: 'tier-ranges', tier: 'lgwan', cidrs: ['172.16.1.0/24', '172.16.20.0/22'], routes: ['A/RtLgwanOnPrem', 'B/AnotherOnPrem', 'B/RtLgwanOnPrem'] });
});

test('a tier whose only link is a VPN to a transit gateway counts as a tier with a link', () => {
  const d = derive(['City', city((R) => {
    for (const id of ['VgwLgwan', 'VgwLgwanAtt', 'VpnLgwan', 'RtLgwanOnPrem']) delete R[id];
    R.VpnLgwanTgw = { Type: 'AWS::EC2::VPNConnection', Properties: { Type: 'ipsec.1', CustomerGatewayId: ref('CgwLgwan'), TransitGatewayId: ref('Tgw'), StaticRoutesOnly: true, Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } };
  })]);
  expect(d.notes).toContainEqual({ kind: 'tier-no-route', tier: 'lgwan' });
});

test('a tier whose only link is a Transit Gateway Connect attachment (SD-WAN) counts as a tier with a link', () => {
  const d = derive(['City', city((R) => {
    for (const id of ['VgwLgwan', 'VgwLgwanAtt', 'VpnLgwan', 'CgwLgwan', 'RtLgwanOnPrem']) delete R[id];
    R.Connect = { Type: 'AWS::EC2::TransitGatewayConnect', Properties: { TransportTransitGatewayAttachmentId: ref('TgwAttLgwan'), Options: { Protocol: 'gre' } } };
  })]);
  expect(d.notes).toContainEqual({ kind: 'tier-no-route', tier: 'lgwan' });
});

test('the notes take the tiers in order, whichever link is met first', () => {
  // Stack A (read first) holds only an LGWAN gateway.
  const d = derive(['A', { Resources: { Vgw: { Type: 'AWS::EC2::VPNGateway', Properties: { Type: 'ipsec.1', Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } } } }], ['B', city()]);
  expect(d.notes.flatMap((n) => (n.kind === 'tier-ranges' ? [n.tier] : []))).toEqual(['internet', 'lgwan', 'personal-number']);
});

test('no link at all: nothing is derived, and the note says there is no link', () => {
  const d = derive(['City', city((R) => {
    for (const id of Object.keys(R)) if (/^(Vgw|Cgw|Vpn|Dx)|OnPrem$/.test(id)) delete R[id];
  })]);
  expect(d.policy.onPremNetworks).toEqual([]);
  expect(d.notes).toEqual([{ kind: 'derived' }, { kind: 'no-link' }]);
});
