/**
 * The engine's entry point itself (lib/checks/index.ts): what `verify` promises every caller — the CLI, the
 * cdk-nag pack, the reports — beyond the rules: findings errors first, then by rule id; the date expiry is
 * judged against; which templates were read; how long it took.
 */
import { verify, type Finding } from '../../lib/checks';
import { asLoaded, buildCity } from '../fixtures/city';
import { AS_OF, policyWith, ref, type Resources } from './helpers';

/** A peering that crosses internet → LGWAN on tcp 25, behind a sanctioned mail channel that expires on `expires`,
 * and a transit gateway left on its default route table (a warning). */
function city(): ReturnType<typeof asLoaded> {
  const t = buildCity();
  const R = t.Resources as Resources;
  R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcInet'), PeerVpcId: ref('VpcLgwan') } };
  R.ToRelay = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtInet'), DestinationCidrBlock: '10.20.0.0/24', VpcPeeringConnectionId: ref('Peer') } };
  R.NaclIn = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: 6, PortRange: { From: 25, To: 25 }, RuleAction: 'allow', Egress: false, CidrBlock: '10.10.0.0/20' } };
  R.SgIn = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 25, ToPort: 25, CidrIp: '10.10.0.0/20' } };
  (R.Tgw.Properties as Record<string, unknown>).DefaultRouteTableAssociation = 'enable';
  return asLoaded('City', t);
}
const channel = (expires: string) => policyWith({
  sanctionedChannels: [{ id: 'mail-relay', from: 'tier:internet', to: 'tier:lgwan', protocol: 'tcp', ports: { from: 25, to: 25 }, owner: '情報政策課', reason: '無害化 mail relay', expires }],
});
const order = (fs: Finding[]): string[] => fs.map((f) => `${f.severity} ${f.rule}`);

describe('verify(): the order of findings', () => {
  test('errors first, then warnings; within each, by rule id — not the order the rules ran in', () => {
    // The channel expired before AS_OF, so the crossing is back and the expiry is an error of its own. The rules
    // run crossing, peering, default route table, expired channel: the order returned is not that one.
    const r = verify([city()], channel('2026-01-31'), { asOf: AS_OF });
    expect([...new Set(order(r.findings))]).toEqual([
      'error SANCTIONED-CHANNEL-EXPIRED',
      'error TIER-CROSSING',
      'error TIER-JOIN-PEERING',
      'warning TGW-DEFAULT-ROUTE-TABLE',
    ]);
  });
});

describe('verify(): the date a channel\'s expiry is judged against', () => {
  test('asOf, when given: a channel that expires after it is active even if today is later', () => {
    // Expires 2026-11-30: active on AS_OF (2026-11-21), expired on any day this test can run on (after 2026-12-06).
    const r = verify([city()], channel('2026-11-30'), { asOf: AS_OF });
    expect(r.findings.map((f) => f.rule)).not.toContain('SANCTIONED-CHANNEL-EXPIRED');
    expect(r.findings.map((f) => f.rule)).not.toContain('TIER-CROSSING');
    expect(r.sanctionedFlows.map((f) => `${f.fromClass}>${f.toClass}`)).toEqual(['tier:internet>tier:lgwan']);
  });
  test('today (UTC) without asOf: the same channel has expired, so the crossing is reported', () => {
    const r = verify([city()], channel('2026-11-30'));
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['SANCTIONED-CHANNEL-EXPIRED', 'TIER-CROSSING']));
    expect(r.sanctionedFlows).toEqual([]);
  });
});

describe('verify(): what was read, and how long it took', () => {
  test('sources name every template read, by stack and file, in the order given', () => {
    const a = { ...asLoaded('Network', buildCity()), file: 'cdk.out/Network.template.json' };
    const b = { ...asLoaded('Telework', { Resources: {} }), file: 'cdk.out/Telework.template.json' };
    const r = verify([a, b], channel('2027-03-31'), { asOf: AS_OF });
    expect(r.sources).toEqual([{ stack: 'Network', file: 'cdk.out/Network.template.json' }, { stack: 'Telework', file: 'cdk.out/Telework.template.json' }]);
    expect(r.stats.templates).toBe(2);
    expect(r.stats.resources).toBe(Object.keys(buildCity().Resources ?? {}).length);
  });
  test('the time taken is the run\'s own: not negative, and no more than the time around the call', () => {
    const before = performance.now();
    const r = verify([city()], channel('2027-03-31'), { asOf: AS_OF });
    const around = performance.now() - before;
    expect(r.stats.milliseconds).toBeGreaterThan(0);
    expect(r.stats.milliseconds).toBeLessThanOrEqual(around);
  });
});
