/**
 * The pack's own responsibilities, with a stand-in engine: every Stage, stack and nested stack reaches the
 * engine in ONE call; a crossing is fatal, carries its witness path and cannot be acknowledged (the attempt
 * is reported); hygiene findings keep their ids and can be acknowledged with a reason; the reviewer's
 * report is written outside the cloud assembly.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage, Tags, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { defaultReportDir, ThreeTierSeparationChecks } from '../../lib/nag/three-tier-separation-checks';
import { EmptyNested, tierApp } from './support/tier-app';
import { standInEngine } from './support/stand-in-engine';

interface ReportJson {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string; severity: string; description: string; ruleMetadata?: Record<string, string>; violatingConstructs: { constructPath: string; cloudFormationResource?: { templatePath: string; logicalId: string } }[] }[];
    suppressedViolations?: { ruleName: string; acknowledgedId: string; reason: string; acknowledgedAt: string }[];
  }[];
}

describe('ThreeTierSeparationChecks (plumbing, stand-in engine)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-plumbing-'));
  const outdir = path.join(tmp, 'cdk.out');
  const reportDir = path.join(tmp, 'reports');
  const recorder = standInEngine();
  let thrown: Error | undefined;
  let report: ReportJson;
  let pack: ThreeTierSeparationChecks;

  beforeAll(() => {
    const { app, network } = tierApp(outdir, { context: { 'closed-telework:policyFile': 'policies/from-context.yaml' } });
    pack = new ThreeTierSeparationChecks({ engine: recorder.engine, reportDir, now: () => new Date('2026-11-21T00:00:00Z') });
    Validations.of(app).addPlugins(pack);
    // A crossing in a nested stack of the network stack.
    const nested = new EmptyNested(network, 'Links');
    new ec2.CfnVPCPeeringConnection(nested, 'Peering', { vpcId: 'vpc-lgwan', peerVpcId: 'vpc-internet' });
    // An untagged VPC in a second stack inside a Stage.
    const branch = new Stage(app, 'Branch');
    const edge = new Stack(branch, 'Edge', { env: { account: '111111111111', region: 'ap-northeast-1' } });
    const spare = new ec2.CfnVPC(edge, 'Spare', { cidrBlock: '10.9.0.0/16' });
    const tagged = new ec2.CfnVPC(edge, 'Tagged', { cidrBlock: '10.8.0.0/16' });
    Tags.of(tagged).add('mic:tier', 'internet');
    // Someone tries to acknowledge the crossing, and acknowledges the hygiene finding with a reason.
    Validations.of(network).acknowledge({ id: 'ThreeTierSeparation::TIER-CROSSING', reason: 'temporary migration link' });
    Validations.of(spare).acknowledge({ id: 'ThreeTierSeparation::UNTAGGED-VPC', reason: 'spare range, no subnets yet' });
    try {
      app.synth();
    } catch (err) {
      thrown = err as Error;
    }
    report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as ReportJson;
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const ours = (): ReportJson['pluginReports'][number] => {
    const r = report.pluginReports.find((p) => p.pluginName === 'ThreeTierSeparation');
    if (!r) throw new Error('no ThreeTierSeparation report');
    return r;
  };

  it('builds the model once per synth over every Stage, stack and nested stack', () => {
    expect(recorder.calls).toHaveLength(1);
    const stacks = recorder.calls[0]!.templates.map((t) => t.stack).sort();
    expect(stacks).toEqual(['Branch/Edge', 'CityNetwork', expect.stringMatching(/^CityNetwork\/LinksNestedStackLinksNestedStackResource[0-9A-F]{8}$/)]);
    const nested = recorder.calls[0]!.templates.find((t) => t.parent);
    expect(nested?.parent?.stack).toBe('CityNetwork');
    expect(Object.values(nested!.template.Resources).map((r) => r.Type)).toEqual(['AWS::EC2::VPCPeeringConnection']);
    expect(recorder.calls[0]!.missingNested).toEqual([]);
    expect(recorder.calls[0]!.policyFile).toBe('policies/from-context.yaml');
  });

  it('fails synth', () => {
    expect(thrown?.message).toMatch(/ThreeTierSeparation/);
    expect(ours().conclusion).toBe('failure');
  });

  it('reports the crossing as fatal with its witness path and the nested construct path', () => {
    const crossing = ours().violations.find((v) => v.ruleName === 'TIER-CROSSING');
    expect(crossing?.severity).toBe('fatal');
    expect(crossing?.description).toContain('Witness path:\n  1. route table — route table: 10.1.0.0/16 matches 10.1.0.0/16 → peering Peering');
    expect(crossing?.description).toContain('2. peering — VPC peering into InternetVpc [CityNetwork/Links/Peering (AWS::EC2::VPCPeeringConnection)]');
    expect(crossing?.ruleMetadata?.witnessPath).toContain('VPC peering into InternetVpc');
    expect(crossing?.ruleMetadata?.citation).toMatch(/^MIC guideline/);
    expect(crossing?.violatingConstructs.map((c) => c.constructPath)).toContain('CityNetwork/Links/Peering');
  });

  it('refuses the acknowledgement of a crossing, loudly', () => {
    expect(ours().suppressedViolations?.some((s) => s.ruleName === 'TIER-CROSSING') ?? false).toBe(false);
    const refused = ours().violations.find((v) => v.ruleName === 'TIER-ACK-REFUSED');
    expect(refused?.severity).toBe('fatal');
    expect(refused?.description).toContain('Acknowledgement of ThreeTierSeparation::TIER-CROSSING at CityNetwork is refused');
    expect(refused?.violatingConstructs[0]?.constructPath).toBe('CityNetwork');
  });

  it('keeps hygiene findings under their own ids, acknowledgeable with a reason the report keeps', () => {
    expect(ours().violations.some((v) => v.ruleName === 'UNTAGGED-VPC')).toBe(false);
    expect(ours().suppressedViolations).toEqual([
      expect.objectContaining({ ruleName: 'UNTAGGED-VPC', acknowledgedId: 'ThreeTierSeparation::UNTAGGED-VPC', reason: 'spare range, no subnets yet', acknowledgedAt: 'Branch/Edge/Spare' }),
    ]);
  });

  it('writes the reviewer\'s report outside the cloud assembly, in both languages', () => {
    const files = fs.readdirSync(reportDir).sort();
    expect(files).toEqual(['tier-separation.en.html', 'tier-separation.en.md', 'tier-separation.en.svg', 'tier-separation.en.xlsx', 'tier-separation.ja.html', 'tier-separation.ja.md', 'tier-separation.ja.svg', 'tier-separation.ja.xlsx', 'tier-separation.junit.xml']);
    const md = fs.readFileSync(path.join(reportDir, 'tier-separation.ja.md'), 'utf8');
    expect(md).toContain('| ThreeTierSeparation | `TIER-CROSSING` | **拒否：系をまたぐ経路は適用除外（例外措置）にできません** — temporary migration link | `CityNetwork` |');
    expect(md).toContain('| ThreeTierSeparation | `UNTAGGED-VPC` | spare range, no subnets yet | `Branch/Edge/Spare` |');
    expect(fs.readdirSync(outdir).some((f) => f.startsWith('tier-separation'))).toBe(false);
  });
});

describe('default report directory', () => {
  it('is reports/ beside a cdk.out assembly, and <outdir>-reports otherwise', () => {
    expect(defaultReportDir(new App({ outdir: '/work/project/cdk.out' }))).toBe('/work/project/reports');
    expect(defaultReportDir(new App({ outdir: '/srv/xyz/assembly' }))).toBe('/srv/xyz/assembly-reports');
  });
});
