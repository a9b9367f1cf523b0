/**
 * What the snapshot names but the model cannot follow is a finding (fail closed), as for templates:
 * unknown route targets, route targets missing from the snapshot, attachment types and endpoint types
 * the engine does not model.
 */
import { asLoaded, buildCity } from '../fixtures/city';
import { cli, SnapshotDir } from './helpers';
import type { Json } from '../support/snapshot-from-templates';

let base: SnapshotDir;
beforeAll(() => {
  base = new SnapshotDir([asLoaded('City', buildCity())]);
});
afterAll(() => base.remove());

async function findingsAfter(edit: (s: SnapshotDir) => void): Promise<{ code: number; findings: Array<{ rule: string; severity: string; message: string }> }> {
  const s = base.copy();
  try {
    edit(s);
    const r = await cli('verify', '--format', 'json', '--snapshot', s.root);
    return { code: r.code, findings: (JSON.parse(r.stdout || '{"findings":[]}') as { findings: Array<{ rule: string; severity: string; message: string }> }).findings };
  } finally {
    s.remove();
  }
}

function addRoute(s: SnapshotDir, tier: string, route: Json): void {
  const vpc = s.byTier('vpcs.json', 'Vpcs', tier)[0];
  s.edit('route-tables.json', (b) => {
    const t = (b.RouteTables as Json[]).find((x) => x.VpcId === vpc.VpcId && (x.Associations as Json[]).some((a) => a.SubnetId))!;
    (t.Routes as Json[]).push({ Origin: 'CreateRoute', State: 'active', ...route });
  });
}

describe('fail closed on the live account', () => {
  it('a route to a carrier gateway (not modelled) is UNMODELLED-RESOURCE', async () => {
    const r = await findingsAfter((s) => addRoute(s, 'lgwan', { DestinationCidrBlock: '198.51.100.0/24', CarrierGatewayId: 'cagw-0123456789abcdef0' }));
    expect(r.code).toBe(1);
    expect(r.findings.some((f) => f.rule === 'UNMODELLED-RESOURCE' && f.message.includes('CarrierGatewayId cagw-0123456789abcdef0'))).toBe(true);
  });

  it('a route to an interface the snapshot does not hold is UNRESOLVED-VALUE, and its packets go to an unknown network', async () => {
    const r = await findingsAfter((s) => addRoute(s, 'personal-number', { DestinationCidrBlock: '198.51.100.0/24', NetworkInterfaceId: 'eni-0123456789abcdef0' }));
    expect(r.code).toBe(1);
    expect(r.findings.some((f) => f.rule === 'UNRESOLVED-VALUE' && f.message.includes('eni-0123456789abcdef0'))).toBe(true);
  });

  it('a transit gateway Connect attachment is UNMODELLED-RESOURCE', async () => {
    const r = await findingsAfter((s) => s.edit('transit-gateway-attachments.json', (b) => {
      const a = (b.TransitGatewayAttachments as Json[])[0];
      (b.TransitGatewayAttachments as Json[]).push({ ...a, TransitGatewayAttachmentId: 'tgw-attach-0c0c0c0c0c0c0c0c0', ResourceType: 'connect', ResourceId: a.TransitGatewayAttachmentId });
    }));
    expect(r.findings.some((f) => f.rule === 'UNMODELLED-RESOURCE' && f.message.includes('type "connect"'))).toBe(true);
  });

  it('a VPC Lattice service-network endpoint is UNMODELLED-RESOURCE', async () => {
    const r = await findingsAfter((s) => s.edit('vpc-endpoints.json', (b) => {
      const vpc = s.byTier('vpcs.json', 'Vpcs', 'lgwan')[0];
      (b.VpcEndpoints as Json[]).push({ VpcEndpointId: 'vpce-0d0d0d0d0d0d0d0d0', VpcEndpointType: 'ServiceNetwork', VpcId: vpc.VpcId, State: 'available', SubnetIds: [], Groups: [] });
    }));
    expect(r.findings.some((f) => f.rule === 'UNMODELLED-RESOURCE' && f.message.includes('ServiceNetwork'))).toBe(true);
  });

  it('the default VPC AWS leaves in every Region, untagged, is UNTAGGED-VPC', async () => {
    const r = await findingsAfter((s) => {
      s.edit('vpcs.json', (b) => void (b.Vpcs as Json[]).push({ VpcId: 'vpc-0defa0defa0defa0', CidrBlock: '172.31.0.0/16', CidrBlockAssociationSet: [{ CidrBlock: '172.31.0.0/16', CidrBlockState: { State: 'associated' } }], IsDefault: true, State: 'available', OwnerId: '111122223333' }));
    });
    expect(r.findings.some((f) => f.rule === 'UNTAGGED-VPC')).toBe(true);
  });
});
