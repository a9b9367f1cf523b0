/**
 * Several accounts in one snapshot are separate address spaces: two accounts using the same CIDRs do not
 * see each other, and are joined only by what actually joins them — a peering connection (listed by both
 * sides, one fact) or an attachment to a shared transit gateway. What names another account that the
 * snapshot does not hold is a finding, never a silent drop.
 */
import { asLoaded, buildCity } from '../fixtures/city';
import { cli, SnapshotDir } from './helpers';
import type { Json } from '../support/snapshot-from-templates';

const A = '111111111111';
const B = '222222222222';
let base: SnapshotDir;

beforeAll(() => {
  // The same city (same CIDRs) deployed in two accounts; stack names differ, so ids differ as in AWS.
  base = new SnapshotDir([asLoaded('CityA', buildCity())], { account: A, accountFolder: true });
  const b = new SnapshotDir([asLoaded('CityB', buildCity())], { account: B, accountFolder: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one copy in one test
  require('fs').cpSync(b.folder(B), base.folder(B), { recursive: true });
  b.remove();
});
afterAll(() => base.remove());

const rules = (json: string): string[] => [...new Set((JSON.parse(json) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule))].sort();

function vpcOf(s: SnapshotDir, account: string, tier: string): Json {
  return s.byTier('vpcs.json', 'Vpcs', tier, account)[0];
}

function privateTable(s: SnapshotDir, account: string, vpcId: unknown): Json {
  return (s.read('route-tables.json', account).RouteTables as Json[]).find((t) => t.VpcId === vpcId && (t.Associations as Json[]).some((a) => a.SubnetId))!;
}

describe('several accounts in one snapshot', () => {
  it('keeps accounts with the same CIDRs apart: no crossing, each account its own tiers', async () => {
    const r = await cli('verify', '--format', 'json', '--snapshot', base.root);
    expect(r.stderr).toBe('');
    expect(rules(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('joins them through a peering both accounts list (one connection), and finds the tier crossing', async () => {
    const s = base.copy();
    try {
      const lg = vpcOf(s, A, 'lgwan');
      const inet = vpcOf(s, B, 'internet');
      const pcx = { AccepterVpcInfo: { CidrBlock: inet.CidrBlock, OwnerId: B, VpcId: inet.VpcId, Region: s.region }, RequesterVpcInfo: { CidrBlock: lg.CidrBlock, OwnerId: A, VpcId: lg.VpcId, Region: s.region }, Status: { Code: 'active', Message: 'Active' }, VpcPeeringConnectionId: 'pcx-0123456789abcdef0' };
      for (const acct of [A, B]) s.edit('vpc-peering-connections.json', (b) => void (b.VpcPeeringConnections as Json[]).push(pcx), acct);
      for (const [acct, from, to] of [[A, lg, inet], [B, inet, lg]] as const) {
        s.edit('route-tables.json', (b) => {
          const t = (b.RouteTables as Json[]).find((x) => x.RouteTableId === privateTable(s, acct, from.VpcId).RouteTableId)!;
          // Overlapping CIDRs cannot be peered in AWS; a /24 of the other side stands for a narrower route.
          (t.Routes as Json[]).push({ DestinationCidrBlock: String(to.CidrBlock).replace(/\/20$/, '/24'), VpcPeeringConnectionId: pcx.VpcPeeringConnectionId, Origin: 'CreateRoute', State: 'active' });
        }, acct);
      }
      const r = await cli('verify', '--format', 'json', '--snapshot', s.root);
      expect(r.code).toBe(1);
      const findings = (JSON.parse(r.stdout) as { findings: Array<{ rule: string; resource?: { logicalId: string } }> }).findings;
      expect(findings.filter((f) => f.rule === 'TIER-JOIN-PEERING')).toHaveLength(1);
      expect(findings.find((f) => f.rule === 'TIER-JOIN-PEERING')!.resource!.logicalId).toBe('pcx-0123456789abcdef0');
    } finally {
      s.remove();
    }
  });

  it('a peering to an account the snapshot does not hold is unresolved (an error), not a silent pass', async () => {
    const s = base.copy();
    try {
      const lg = vpcOf(s, A, 'lgwan');
      s.edit('vpc-peering-connections.json', (b) => void (b.VpcPeeringConnections as Json[]).push({
        AccepterVpcInfo: { CidrBlock: '192.168.0.0/16', OwnerId: '333333333333', VpcId: 'vpc-0fedcba9876543210', Region: s.region },
        RequesterVpcInfo: { CidrBlock: lg.CidrBlock, OwnerId: A, VpcId: lg.VpcId, Region: s.region }, Status: { Code: 'active' }, VpcPeeringConnectionId: 'pcx-0aaaaaaaaaaaaaaaa',
      }), A);
      const r = await cli('verify', '--snapshot', s.root);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('UNRESOLVED-VALUE');
      expect(r.stdout).toContain('vpc-0fedcba9876543210 (account 333333333333');
    } finally {
      s.remove();
    }
  });

  it('an attachment of another account to a shared transit gateway joins that VPC to the route domain it is associated with', async () => {
    const s = base.copy();
    try {
      // Account B's internet VPC is attached to account A's TGW and associated with A's LGWAN route table.
      const tgw = (s.read('transit-gateways.json', A).TransitGateways as Json[])[0];
      const inetB = vpcOf(s, B, 'internet');
      const subnetB = (s.read('subnets.json', B).Subnets as Json[]).find((x) => x.VpcId === inetB.VpcId)!;
      const att = 'tgw-attach-0b0b0b0b0b0b0b0b0';
      const lgwanAttA = (s.read('transit-gateway-attachments.json', A).TransitGatewayAttachments as Json[]).find((a) => a.ResourceId === vpcOf(s, A, 'lgwan').VpcId)!;
      const lgwanTable = (lgwanAttA.Association as Json).TransitGatewayRouteTableId as string;
      const listing = { TransitGatewayAttachmentId: att, TransitGatewayId: tgw.TransitGatewayId, TransitGatewayOwnerId: A, ResourceOwnerId: B, ResourceType: 'vpc', ResourceId: inetB.VpcId, State: 'available', Association: { TransitGatewayRouteTableId: lgwanTable, State: 'associated' }, Tags: [] };
      for (const acct of [A, B]) {
        s.edit('transit-gateway-attachments.json', (b) => void (b.TransitGatewayAttachments as Json[]).push(listing), acct);
        s.edit('transit-gateway-vpc-attachments.json', (b) => void (b.TransitGatewayVpcAttachments as Json[]).push({ TransitGatewayAttachmentId: att, TransitGatewayId: tgw.TransitGatewayId, VpcId: inetB.VpcId, VpcOwnerId: B, State: 'available', SubnetIds: [subnetB.SubnetId], Tags: [] }), acct);
      }
      s.edit(`tgw-associations-${lgwanTable}.json`, (b) => void (b.Associations as Json[]).push({ TransitGatewayAttachmentId: att, ResourceId: inetB.VpcId, ResourceType: 'vpc', State: 'associated' }), A);
      s.edit(`tgw-propagations-${lgwanTable}.json`, (b) => void (b.TransitGatewayRouteTablePropagations as Json[]).push({ TransitGatewayAttachmentId: att, ResourceId: inetB.VpcId, ResourceType: 'vpc', State: 'enabled' }), A);
      const r = await cli('verify', '--format', 'json', '--snapshot', s.root);
      expect(r.code).toBe(1);
      expect(rules(r.stdout)).toContain('TIER-JOIN-TGW');
    } finally {
      s.remove();
    }
  });
});
