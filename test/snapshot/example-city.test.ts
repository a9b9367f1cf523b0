/**
 * The example city, deployed (derived from its `cdk synth` output by test/support/snapshot-from-templates)
 * and verified as a live account: the snapshot reader must give the template reader's verdict and
 * matrix, and catch what someone adds in the console afterwards. Runs the real app (bin/app.ts) once.
 */
import { loadPaths } from '../../lib/model/load';
import { removeAssembly, runApp } from '../stages/run-app';
import { cli, SnapshotDir } from './helpers';
import type { Json } from '../support/snapshot-from-templates';
import type { Finding } from '../../lib/checks/finding';

let outdir: string;
let snap: SnapshotDir;

beforeAll(() => {
  const run = runApp({ municipality: 'example-city' });
  if (run.status !== 0) throw new Error(`example city did not synthesise:\n${run.stderr}`);
  outdir = run.outdir;
  snap = new SnapshotDir(loadPaths([outdir]).templates);
}, 300_000);
afterAll(() => {
  if (outdir) removeAssembly(outdir);
  snap?.remove();
});

interface MatrixCell { from: string; to: string; reachable: boolean; routeConnected: boolean }
const cells = (json: string): string[] =>
  (JSON.parse(json) as { matrix: MatrixCell[] }).matrix.map((c) => `${c.from} → ${c.to}: ${c.reachable ? 'reachable' : c.routeConnected ? 'filtered' : 'no route'}`);
const rules = (json: string): string[] => [...new Set((JSON.parse(json) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule))].sort();

/** Runs one test on a copy of the snapshot, changed as someone in the console would. */
function changed(edit: (s: SnapshotDir) => void): SnapshotDir {
  const copy = snap.copy();
  edit(copy);
  return copy;
}

describe('verify --snapshot on the deployed example city', () => {
  it('gives the templates\' verdict: no finding, the same matrix cell by cell', async () => {
    const fromTemplates = await cli('verify', '--format', 'json', outdir);
    const fromSnapshot = await cli('verify', '--format', 'json', '--snapshot', snap.root);
    expect(fromTemplates.code).toBe(0);
    expect(fromSnapshot.stderr).toBe('');
    expect(fromSnapshot.code).toBe(0);
    expect(cells(fromSnapshot.stdout)).toEqual(cells(fromTemplates.stdout));
    expect(cells(fromSnapshot.stdout)).toContain('tier:lgwan → tier:personal-number: no route');
    expect(cells(fromSnapshot.stdout)).toContain('telework:lgwan → tier:lgwan: reachable');
  });

  it('writes every report format from a snapshot', async () => {
    for (const format of ['text', 'sarif', 'junit']) {
      const r = await cli('verify', '--format', format, '--snapshot', snap.root);
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
    }
  });

  it('catches a console-added route sending the personal-number VPC\'s range over the LGWAN tier\'s on-premises link', async () => {
    const copy = changed((s) => {
      const pnVpc = s.byTier('vpcs.json', 'Vpcs', 'personal-number')[0];
      const lgwanVpc = s.byTier('vpcs.json', 'Vpcs', 'lgwan')[0];
      const vgw = s.byTier('vpn-gateways.json', 'VpnGateways', 'lgwan')[0];
      s.edit('route-tables.json', (b) => {
        const table = (b.RouteTables as Json[]).find((t) => t.VpcId === lgwanVpc.VpcId && (t.Associations as Json[]).some((a) => a.SubnetId))!;
        (table.Routes as Json[]).push({ DestinationCidrBlock: pnVpc.CidrBlock, GatewayId: vgw.VpnGatewayId, Origin: 'CreateRoute', State: 'active' });
      });
    });
    try {
      const r = await cli('verify', '--format', 'json', '--snapshot', copy.root);
      expect(r.code).toBe(1);
      expect(rules(r.stdout)).toContain('UNDECLARED-ONPREM-ROUTE');
    } finally {
      copy.remove();
    }
  });

  it('catches a console-added peering between the LGWAN and personal-number VPCs, with routes on both sides', async () => {
    const copy = changed((s) => {
      const pn = s.byTier('vpcs.json', 'Vpcs', 'personal-number')[0];
      const lg = s.byTier('vpcs.json', 'Vpcs', 'lgwan')[0];
      const pcx = 'pcx-0a1b2c3d4e5f60718';
      s.edit('vpc-peering-connections.json', (b) => {
        (b.VpcPeeringConnections as Json[]).push({
          AccepterVpcInfo: { CidrBlock: pn.CidrBlock, OwnerId: pn.OwnerId, VpcId: pn.VpcId, Region: s.region },
          RequesterVpcInfo: { CidrBlock: lg.CidrBlock, OwnerId: lg.OwnerId, VpcId: lg.VpcId, Region: s.region },
          Status: { Code: 'active', Message: 'Active' }, VpcPeeringConnectionId: pcx, Tags: [],
        });
      });
      s.edit('route-tables.json', (b) => {
        for (const [from, to] of [[lg, pn], [pn, lg]]) {
          const table = (b.RouteTables as Json[]).find((t) => t.VpcId === from.VpcId && (t.Associations as Json[]).some((a) => a.SubnetId))!;
          (table.Routes as Json[]).push({ DestinationCidrBlock: to.CidrBlock, VpcPeeringConnectionId: pcx, Origin: 'CreateRoute', State: 'active' });
        }
      });
    });
    try {
      const r = await cli('verify', '--format', 'json', '--snapshot', copy.root);
      expect(r.code).toBe(1);
      expect(rules(r.stdout)).toEqual(expect.arrayContaining(['TIER-JOIN-PEERING']));
      const text = await cli('verify', '--snapshot', copy.root);
      expect(text.stdout).toContain('pcx-0a1b2c3d4e5f60718');

      // As drift: the peering and both routes are on a new path between tiers — errors, with the path.
      const drift = await cli('verify', '--format', 'json', '--snapshot', copy.root, '--against', outdir);
      expect(drift.code).toBe(1);
      const findings = (JSON.parse(drift.stdout) as { findings: Finding[] }).findings;
      const opens = findings.filter((f) => f.rule === 'DRIFT-OPENS-PATH' && f.severity === 'error');
      expect(opens.map((f) => `${JSON.stringify(f.from)} → ${JSON.stringify(f.to)}`)).toEqual(expect.arrayContaining([
        `${JSON.stringify({ kind: 'tier', tier: 'lgwan' })} → ${JSON.stringify({ kind: 'tier', tier: 'personal-number' })}`,
        `${JSON.stringify({ kind: 'tier', tier: 'personal-number' })} → ${JSON.stringify({ kind: 'tier', tier: 'lgwan' })}`,
      ]));
      expect(opens[0].path.some((h) => h.layer === 'peering')).toBe(true);
      const added = findings.filter((f) => f.rule === 'DRIFT-ADDED');
      expect(added.filter((f) => f.severity === 'error').map((f) => f.resource?.type).sort()).toEqual(['AWS::EC2::Route', 'AWS::EC2::Route', 'AWS::EC2::VPCPeeringConnection']);
      expect(added).toHaveLength(3);
      expect(findings.filter((f) => f.rule === 'DRIFT-MISSING')).toEqual([]);
    } finally {
      copy.remove();
    }
  });
});

describe('verify --snapshot DIR --against cdk.out (drift)', () => {
  it('finds no drift between the example city and the account deployed from it', async () => {
    const r = await cli('verify', '--format', 'json', '--snapshot', snap.root, '--against', outdir);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { findings: Finding[] }).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('reports a console-added security-group rule as drift that opens no path between tiers (a warning)', async () => {
    const copy = changed((s) => {
      const lgwanVpc = s.byTier('vpcs.json', 'Vpcs', 'lgwan')[0];
      s.edit('security-groups.json', (b) => {
        const g = (b.SecurityGroups as Json[]).find((x) => x.VpcId === lgwanVpc.VpcId && x.GroupName !== 'default')!;
        (g.IpPermissions as Json[]).push({ IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: '10.20.0.0/20' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] });
      });
    });
    try {
      const r = await cli('verify', '--format', 'json', '--snapshot', copy.root, '--against', outdir);
      const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
      expect(findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['DRIFT-ADDED warning']);
      expect(findings[0].message).toContain('in proto=tcp ports=3389-3389 10.20.0.0/20');
      expect(r.code).toBe(1);
    } finally {
      copy.remove();
    }
  });

  it('reports a NACL deny entry removed in the console as missing, naming the lost layer', async () => {
    const copy = changed((s) => {
      const inetVpc = s.byTier('vpcs.json', 'Vpcs', 'internet')[0];
      s.edit('network-acls.json', (b) => {
        const acl = (b.NetworkAcls as Json[]).find((x) => x.VpcId === inetVpc.VpcId && x.IsDefault === false)!;
        const entries = acl.Entries as Json[];
        entries.splice(entries.findIndex((e) => e.RuleAction === 'deny' && e.RuleNumber === 100 && e.Egress === false), 1);
      });
    });
    try {
      const r = await cli('verify', '--format', 'json', '--snapshot', copy.root, '--against', outdir);
      const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
      expect(findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['DRIFT-MISSING warning']);
      expect(findings[0].message).toContain('in #100 deny proto=all ports=all 10.20.0.0/20');
      expect(findings[0].message).toContain('less defence in depth');
    } finally {
      copy.remove();
    }
  });

  it('refuses --against without --snapshot, and templates with --snapshot (exit 2)', async () => {
    expect((await cli('verify', '--against', outdir, outdir)).code).toBe(2);
    expect((await cli('verify', '--snapshot', snap.root, outdir)).code).toBe(2);
  });
});
