/**
 * The example prefecture (examples/prefecture: three municipalities on the prefecture's security cloud hub,
 * and the pipeline section) built the way users build it: `npx cdk synth -c prefecture=…` with the real CLI
 * on a copy of the project. ONE synth (the pipeline stack holds every stage), then fine-grained checks:
 * every pack passes, the whole cloud assembly verifies clean with `npx closed-telework verify`, the member
 * municipalities egress only through the hub, and every stage's tier proof runs before its deploy actions.
 * A bad set of configurations stops before any construct is built (exit 2, every problem, both languages).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadPrefectureFile } from '../../lib/config/app-configuration';
import { filesUnder, removeAssembly, runApp } from '../stages/run-app';
import { cliEnv, copyProject, npxCdk, ROOT, type CliRun, type ProjectCopy } from '../e2e/support/project-copy';

jest.setTimeout(900_000);

let project: ProjectCopy;
let synth: CliRun;
let bad: CliRun;
let out: string;

beforeAll(async () => {
  project = copyProject('prefecture');
  fs.cpSync(path.join(ROOT, 'examples'), path.join(project.dir, 'examples'), { recursive: true });
  out = path.join(project.dir, 'cdk.out');
  // Two municipalities with the same name and account whose internet ranges overlap on the hub, one with a bad region.
  const badDir = path.join(project.dir, 'bad');
  fs.mkdirSync(badDir);
  const prefecture = fs.readFileSync(path.join(ROOT, 'examples/prefecture/prefecture.yaml'), 'utf8').replace(/^municipalities:\n(\s+- .*\n)+/m, '');
  fs.writeFileSync(path.join(badDir, 'prefecture.yaml'), prefecture);
  const east = fs.readFileSync(path.join(ROOT, 'examples/prefecture/municipalities/example-east.yaml'), 'utf8');
  fs.writeFileSync(path.join(badDir, 'a.yaml'), east);
  fs.writeFileSync(path.join(badDir, 'b.yaml'), east.replace('10.12.0.0/20', '10.42.0.0/20').replace('10.13.0.0/20', '10.43.0.0/20'));
  fs.writeFileSync(path.join(badDir, 'c.yaml'), east.replace(/name: example-east/, 'name: example-c').replace("'222222222201'", "'222222222209'").replace(/region: ap-northeast-1/, 'region: us-east-1'));
  [synth, bad] = await Promise.all([
    npxCdk(project.dir, ['synth', '-q', '-c', 'prefecture=examples/prefecture/prefecture.yaml']),
    npxCdk(project.dir, ['synth', '-q', '-o', 'bad.out', '-c', 'configDir=bad']),
  ]);
});
afterAll(() => project?.remove());

const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));
const templatesOf = (assembly: string): Record<string, any> =>
  Object.fromEntries(fs.readdirSync(path.join(out, assembly)).filter((f) => f.endsWith('.template.json')).map((f) => [f, readJson(path.join(out, assembly, f))]));
const resourcesOf = (assembly: string, type: string): any[] =>
  Object.values(templatesOf(assembly)).flatMap((t) => Object.values(t.Resources as Record<string, any>).filter((r) => r.Type === type));

test('npx cdk synth -c prefecture=… passes every pack, the tier proof included', () => {
  expect(synth.status).toBe(0);
  const report = readJson(path.join(out, 'validation-report.json'));
  for (const plugin of report.pluginReports) expect([plugin.pluginName, plugin.violations]).toEqual([plugin.pluginName, []]);
});

test("the reviewer's report the synth wrote carries one 費用試算 section per municipality (issue 15)", () => {
  const ja = fs.readFileSync(path.join(project.dir, 'reports', 'tier-separation.ja.md'), 'utf8');
  const headings = [...ja.matchAll(/^## 費用試算（(.+)）$/gm)].map((m) => m[1]);
  const names = loadPrefectureFile(path.join(ROOT, 'examples/prefecture/prefecture.yaml')).municipalities.map((m) => m.config.displayName.ja);
  expect(headings.sort()).toEqual(names.sort());
});

test('the three-municipality app with the shared hub verifies clean with the CLI, judged in one model', () => {
  const r = spawnSync('npx', ['closed-telework', 'verify', '--format', 'json', '--policy', path.join(out, 'closed-telework-tier-policy.json'), out], { cwd: project.dir, env: cliEnv(), encoding: 'utf8' });
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout);
  expect(result.findings).toEqual([]);
  // hub + hub routing + 3 × (three tier networks, LGWAN telework, audit) + the pipeline stack
  expect(result.summary.templates).toBe(1 + 1 + 3 * 5 + 1);
});

test("each member's internet tier has no exit of its own: its default route goes to the hub's shared Transit Gateway", () => {
  for (const m of ['example-east', 'example-west', 'example-north']) {
    const assembly = `assembly-example-prefecture-pipeline-${m}`;
    const internet = Object.entries(templatesOf(assembly)).find(([f]) => f.includes('Networkinternet'))![1];
    const types = Object.values(internet.Resources as Record<string, any>).map((r) => r.Type);
    expect(types).not.toContain('AWS::EC2::InternetGateway');
    expect(types).not.toContain('AWS::EC2::NatGateway');
    const hubParameter = Object.values(internet.Parameters as Record<string, any>).find((p) => String(p.Default).includes('/hub/transit-gateway-id'));
    expect(hubParameter).toMatchObject({ Type: 'AWS::SSM::Parameter::Value<String>', Default: 'arn:aws:ssm:ap-northeast-1:111111111111:parameter/closed-telework/example-prefecture/hub/transit-gateway-id' });
    const defaults = Object.values(internet.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::EC2::Route' && r.Properties.DestinationCidrBlock === '0.0.0.0/0');
    expect(defaults.length).toBeGreaterThan(0);
    for (const r of defaults) expect(Object.keys(r.Properties)).toContain('TransitGatewayId');
  }
  const [share] = resourcesOf('assembly-example-prefecture-pipeline-example-prefecture-hub', 'AWS::RAM::ResourceShare');
  expect(share.Properties).toMatchObject({ AllowExternalPrincipals: false, Principals: ['222222222201', '222222222202', '222222222203'] });
  const [tgw] = resourcesOf('assembly-example-prefecture-pipeline-example-prefecture-hub', 'AWS::EC2::TransitGateway');
  expect(tgw.Properties).toMatchObject({ DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' });
});

test("the pipeline runs every stage's tier proof (closed-telework verify of that stage's assembly) before the stage's deploy actions", () => {
  const pipeline = readJson(path.join(out, 'example-prefecture-pipeline.template.json'));
  const [cp] = Object.values(pipeline.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::CodePipeline::Pipeline');
  const stages = cp.Properties.Stages as Array<{ Name: string; Actions: Array<{ Name: string; RunOrder: number; ActionTypeId: { Provider: string }; Configuration: any }> }>;
  const projects = pipeline.Resources as Record<string, any>;
  const deployStages = stages.filter((s) => s.Actions.some((a) => a.ActionTypeId.Provider === 'CloudFormation'));
  expect(deployStages.map((s) => s.Name)).toEqual(['example-prefecture-hub', 'Municipalities-1', 'example-prefecture-hub-routing']);
  const verified: string[] = [];
  for (const s of deployStages) {
    const deploys = s.Actions.filter((a) => a.ActionTypeId.Provider === 'CloudFormation');
    const proofs = s.Actions.filter((a) => a.Name.includes('TierProof-'));
    for (const d of deploys) {
      const stage = d.Name.split('.')[0];
      const proof = proofs.find((p) => p.Name.endsWith(`TierProof-${s.Name === 'Municipalities-1' ? stage : s.Name}`));
      expect([d.Name, proof?.Name]).toEqual([d.Name, expect.any(String)]);
      expect(proof!.RunOrder).toBeLessThan(d.RunOrder);
    }
    for (const p of proofs) {
      const project = projects[p.Configuration.ProjectName.Ref];
      const commands = JSON.parse(project.Properties.Source.BuildSpec).phases.build.commands as string[];
      const verify = commands.find((c) => c.startsWith('npx closed-telework verify'))!;
      expect(verify).toContain('--policy cdk.out/closed-telework-tier-policy.json');
      const stage = p.Name.replace(/^.*TierProof-/, '');
      expect(verify).toContain(`cdk.out/assembly-example-prefecture-pipeline-${stage}`);
      verified.push(stage);
    }
  }
  expect(verified.sort()).toEqual(['example-east', 'example-north', 'example-prefecture-hub', 'example-prefecture-hub-routing', 'example-west']);
});

test("after each stage's deploy actions, the live proof in the target account (snapshot through its read-only lookup role, then verify --snapshot --against)", () => {
  const pipeline = readJson(path.join(out, 'example-prefecture-pipeline.template.json'));
  const [cp] = Object.values(pipeline.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::CodePipeline::Pipeline');
  const stages = cp.Properties.Stages as Array<{ Name: string; Actions: Array<{ Name: string; RunOrder: number; ActionTypeId: { Provider: string }; Configuration: any }> }>;
  const proofs: string[] = [];
  for (const s of stages) {
    for (const live of s.Actions.filter((a) => a.Name.includes('LiveProof-'))) {
      const stage = live.Name.replace(/^.*LiveProof-/, '');
      const deploys = s.Actions.filter((a) => a.ActionTypeId.Provider === 'CloudFormation' && (a.Name.startsWith(`${stage}.`) || s.Name === stage));
      expect(deploys.length).toBeGreaterThan(0);
      for (const d of deploys) expect(live.RunOrder).toBeGreaterThan(d.RunOrder);
      const project = (pipeline.Resources as Record<string, any>)[live.Configuration.ProjectName.Ref];
      const spec = JSON.parse(project.Properties.Source.BuildSpec);
      const commands = spec.phases.build.commands as string[];
      expect(commands.some((c) => c.startsWith('npx closed-telework snapshot --out live-snapshot --region ap-northeast-1'))).toBe(true);
      expect(commands.some((c) => c.startsWith(`npx closed-telework verify --snapshot live-snapshot --against cdk.out/assembly-example-prefecture-pipeline-${stage}`))).toBe(true);
      expect(JSON.stringify(project.Properties.Environment)).toMatch(/cdk-hnb659fds-lookup-role-\d{12}-ap-northeast-1/);
      proofs.push(stage);
    }
  }
  expect(proofs.sort()).toEqual(['example-east', 'example-north', 'example-prefecture-hub', 'example-prefecture-hub-routing', 'example-west']);
});

test('a bad set of configurations: the app exits 2 before any construct is built, every problem of every file, in English and Japanese', () => {
  // The CDK CLI reports the app's exit status 2 as its own failure (1); the app's own status is checked below.
  expect(bad.status).not.toBe(0);
  const app = runApp({ configDir: path.join(project.dir, 'bad') });
  expect(app.status).toBe(2);
  expect(app.stderr).toMatch(/configDir=.*bad\): \d+ problem\(s\)/);
  expect(filesUnder(app.outdir)).toEqual([]);
  removeAssembly(app.outdir);
  expect(bad.output).toContain('b.yaml: name');
  expect(bad.output).toContain('b.yaml: account');
  expect(bad.output).toContain('b.yaml: tiers.internet.vpcCidr');
  expect(bad.output).toContain('c.yaml: region');
  expect(bad.output).toContain('テンプレートは出力していません');
  expect(fs.existsSync(path.join(project.dir, 'bad.out', 'manifest.json'))).toBe(false);
});
