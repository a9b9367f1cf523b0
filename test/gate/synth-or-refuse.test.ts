/**
 * synthOrRefuse over small apps with the real tier engine, in process: it refuses (exit code 1, findings
 * printed, assembly marked) on any unacknowledged violation in any stack — also a stack outside every
 * Stage — passes an acknowledged hygiene finding, and fails closed when the tier pack is missing or only
 * registered on a Stage. (The real CLI over the example app: test/e2e/.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage, Tags, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { synthOrRefuse, type GateRun } from '../../lib/gate/synth-or-refuse';
import { REFUSED_MARK } from '../../lib/gate/mark-assembly-refused';
import { ThreeTierSeparationChecks } from '../../lib/nag/three-tier-separation-checks';
import { peeringRoutes, tierApp } from '../nag/support/tier-app';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-gate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Gated extends GateRun {
  printed: string;
  exitCode?: number;
  outdir: string;
  reportDir: string;
}

function gate(name: string, build: (app: App) => void, register: 'app' | 'stage' | 'none' = 'app'): Gated {
  const outdir = path.join(tmp, name, 'cdk.out');
  const reportDir = path.join(tmp, name, 'reports');
  const { app } = tierApp(outdir);
  const pack = new ThreeTierSeparationChecks({ reportDir });
  if (register === 'app') Validations.of(app).addPlugins(pack);
  if (register === 'stage') Validations.of(new Stage(app, 'Branch')).addPlugins(pack);
  build(app);
  let printed = '';
  let exitCode: number | undefined;
  const run = synthOrRefuse(app, { write: (t) => (printed += t), setExitCode: (c) => (exitCode = c), now: () => new Date('2026-12-06T00:00:00Z') });
  return { ...run, printed, ...(exitCode !== undefined ? { exitCode } : {}), outdir, reportDir };
}

const spareVpc = (app: App): ec2.CfnVPC => new ec2.CfnVPC(new Stack(app, 'Extras'), 'Spare', { cidrBlock: '10.9.0.0/16' });

describe('synthOrRefuse', () => {
  it('passes a clean app: no exit code, nothing printed, the verdict written beside the report', () => {
    const g = gate('clean', () => undefined);
    expect(g.verdict.problems).toEqual([]);
    expect(g.verdict.blocking).toEqual([]);
    expect(g.verdict.passed).toBe(true);
    expect(g.exitCode).toBeUndefined();
    expect(g.printed).toBe('');
    const record = JSON.parse(fs.readFileSync(path.join(g.reportDir, 'synth-verdict.json'), 'utf8'));
    expect(record).toMatchObject({ gate: 'closed-telework synth gate', verdict: 'pass', generatedAt: '2026-12-06T00:00:00.000Z' });
    expect(record.packs).toEqual([{ name: 'ThreeTierSeparation', version: '0.1.0', package: 'closed-telework', conclusion: 'not-reported', unacknowledged: 0, acknowledged: 0 }]);
    const md = fs.readFileSync(path.join(g.reportDir, 'synth-verdict.md'), 'utf8');
    expect(md).toContain('PASS / 適合');
    // The report's terms: 適合／不適合 and 適用除外（例外措置）, never exam (合格) or sign-off (承認) language; JST time.
    expect(md).toContain('| not-reported / 適合（指摘なし） | 0 | 0 |');
    expect(md).toContain('acknowledged / 適用除外（例外措置） |');
    expect(md).toContain('2026年12月6日 9時00分（日本時間）');
    expect(md).not.toMatch(/合格|承認/);
  });

  it('refuses an unacknowledged hygiene finding in a stack outside every Stage, with the id to acknowledge it by', () => {
    const g = gate('hygiene', (app) => void spareVpc(app));
    expect(g.exitCode).toBe(1);
    expect(g.verdict.blocking.map((b) => [b.rule, b.crossing])).toEqual([['UNTAGGED-VPC', false]]);
    expect(g.printed).toContain('[ThreeTierSeparation] UNTAGGED-VPC (error)');
    expect(g.printed).toContain('resource: Extras/Spare');
    expect(g.printed).toContain('acknowledgement id: ThreeTierSeparation::UNTAGGED-VPC');
  });

  it('passes the same finding acknowledged with a reason, and counts the acknowledgement', () => {
    const g = gate('hygiene-acknowledged', (app) => {
      Validations.of(spareVpc(app)).acknowledge({ id: 'ThreeTierSeparation::UNTAGGED-VPC', reason: 'reserved range, no subnets yet (ticket 123)' });
    });
    expect(g.verdict.passed).toBe(true);
    expect(g.exitCode).toBeUndefined();
    expect(g.verdict.packs[0]).toMatchObject({ name: 'ThreeTierSeparation', conclusion: 'success', acknowledged: 1 });
  });

  it('refuses a crossing outside every Stage whose acknowledgement was attempted, and marks the assembly refused', () => {
    const g = gate('crossing', (app) => {
      const network = app.node.findChild('CityNetwork') as Stack & { vpcs: Record<string, ec2.Vpc> };
      const own = new Stack(app, 'Shortcut', { env: { account: '111111111111', region: 'ap-northeast-1' } });
      const pcx = new ec2.CfnVPCPeeringConnection(own, 'Peering', { vpcId: network.vpcs.lgwan!.vpcId, peerVpcId: network.vpcs.internet!.vpcId });
      peeringRoutes(own, 'Out', network.vpcs.lgwan!, '10.1.0.0/16', pcx);
      Validations.of(pcx).acknowledge({ id: 'ThreeTierSeparation::TIER-JOIN-PEERING', reason: 'temporary' });
    });
    expect(g.exitCode).toBe(1);
    const rules = g.verdict.blocking.filter((b) => b.crossing).map((b) => b.rule);
    expect(rules).toEqual(expect.arrayContaining(['TIER-JOIN-PEERING', 'TIER-ACK-REFUSED']));
    expect(g.printed).toContain('resource: Shortcut/Peering');
    expect(g.printed).not.toMatch(/acknowledgement id: ThreeTierSeparation::TIER-/);
    const manifest = JSON.parse(fs.readFileSync(path.join(g.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.artifacts.Shortcut.metadata['/Shortcut']).toContainEqual({ type: 'aws:cdk:error', data: REFUSED_MARK });
    expect(JSON.parse(fs.readFileSync(path.join(g.reportDir, 'synth-verdict.json'), 'utf8')).verdict).toBe('refused');
  });

  it('fails closed when the tier pack is registered only on a Stage (it would not see the app\'s other stacks)', () => {
    const g = gate('stage-only', () => undefined, 'stage');
    expect(g.exitCode).toBe(1);
    expect(g.verdict.problems).toEqual([expect.stringContaining('not registered on the app')]);
    expect(g.printed).toContain('The gate could not establish a verdict');
  });

  it('fails closed when no pack is registered at all', () => {
    const g = gate('no-packs', () => undefined, 'none');
    expect(g.exitCode).toBe(1);
    expect(g.verdict.problems).toEqual([expect.stringContaining('not registered on the app')]);
  });

  it('a tagged VPC of the user\'s own outside every Stage is judged with the rest (no finding here)', () => {
    const g = gate('own-tagged', (app) => {
      const v = new ec2.CfnVPC(new Stack(app, 'Own'), 'Vpc', { cidrBlock: '10.5.0.0/16' });
      Tags.of(v).add('mic:tier', 'internet');
    });
    expect(g.verdict.passed).toBe(true);
  });
});
