/**
 * The clean example municipality through the real CDK CLI on a copy of the project: every command the
 * README documents succeeds (or, for deploy, gets past the gate and on to AWS — here a local endpoint
 * answering "invalid token"), and reports/synth-verdict.* say which gate produced the verdict: the command,
 * the packs and their versions. `cdk synth --quiet` is run by test/e2e/ci-example.test.ts.
 *
 * The synth with a selector and the diff of the Stage's stacks run on the assembly `cdk synth` wrote
 * (`--app cdk.out`): the app and its gate already ran once for it, and a second full synth would prove
 * nothing the first did not.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { loadEmbeddedConfig } from '../../lib/config';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { startCountingEndpoint, dummyAwsEnvironment, type CountingEndpoint } from '../support/counting-aws-endpoint';
import { copyProject, npxCdk, npxClosedTelework, runLimited, type CliRun, type ProjectCopy } from './support/project-copy';

jest.setTimeout(1_800_000);

const STAGE_STACKS = ['example-city/Network-internet', 'example-city/Network-lgwan', 'example-city/Network-personal-number', 'example-city/Telework-lgwan', 'example-city/Audit'];

let synthCopy: ProjectCopy;
let deployCopy: ProjectCopy;
let cdkDeployCopy: ProjectCopy;
let endpoint: CountingEndpoint;
let cdkEndpoint: CountingEndpoint;
const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  synthCopy = copyProject('clean-synth');
  deployCopy = copyProject('clean-deploy');
  cdkDeployCopy = copyProject('clean-cdk-deploy');
  endpoint = await startCountingEndpoint();
  cdkEndpoint = await startCountingEndpoint();
  await runLimited([
    async () => {
      runs.synth = await npxCdk(synthCopy.dir, ['synth']);
      // On the assembly just written: no second app run.
      runs.selectStage = await npxCdk(synthCopy.dir, ['synth', '--app', 'cdk.out', 'example-city/*']);
      runs.selectOne = await npxCdk(synthCopy.dir, ['synth', '--app', 'cdk.out', 'example-city/Network-lgwan']);
      runs.list = await npxCdk(synthCopy.dir, ['list', '--app', 'cdk.out', '**', '--show-dependencies']);
      runs.deployAll = await npxCdk(synthCopy.dir, ['deploy', '--app', 'cdk.out', '--all', '--require-approval', 'never']);
    },
    async () => {
      runs.diff = await npxCdk(deployCopy.dir, ['diff']);
      runs.deploy = await npxClosedTelework(deployCopy.dir, ['deploy', '--require-approval', 'never'], dummyAwsEnvironment(endpoint.endpoint));
    },
    async () => {
      runs.cdkDeploy = await npxCdk(cdkDeployCopy.dir, ['deploy', 'example-city/*', '--require-approval', 'never'], dummyAwsEnvironment(cdkEndpoint.endpoint));
    },
  ]);
});
afterAll(async () => {
  await endpoint?.close();
  await cdkEndpoint?.close();
  for (const c of [synthCopy, deployCopy, cdkDeployCopy]) c?.remove();
});

const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('the clean example municipality', () => {
  it('npx cdk synth exits 0 without a refusal', () => {
    expect(runs.synth!.status).toBe(0);
    expect(runs.synth!.output).toContain('Successfully synthesized');
    expect(runs.synth!.output).not.toContain('REFUSED');
  });

  it("npx cdk synth 'example-city/*' and one stack of the Stage succeed (the one stack's template is printed)", () => {
    expect(runs.selectStage!.status).toBe(0);
    expect(runs.selectOne!.status).toBe(0);
    expect(runs.selectOne!.stdout).toContain('AWS::EC2::VPC');
  });

  it('npx cdk diff exits 0 (it runs the app, so the gate, first)', () => {
    expect(runs.diff!.status).toBe(0);
    expect(runs.diff!.output).not.toContain('REFUSED');
  });

  it("'**' selects every stack of the Stage, in the deploy order the README gives", () => {
    expect(runs.list!.status).toBe(0);
    const ids = [...runs.list!.stdout.matchAll(/^- id: (\S+)/gm)].map((m) => m[1]);
    expect(ids).toEqual(STAGE_STACKS);
    expect(runs.list!.stdout).toMatch(/- id: example-city\/Telework-lgwan \(example-city-telework-lgwan\)\n {2}dependencies:\n {4}- id: example-city\/Network-lgwan/);
  });

  it('npx cdk deploy --all deploys nothing here: the stacks sit in a Stage (the README says to use closed-telework deploy or a selector)', () => {
    expect(runs.deployAll!.status).not.toBe(0);
    expect(runs.deployAll!.output).toContain('No stack found in the main cloud assembly');
  });

  it('closed-telework deploy passes the gate offline, then deploys the judged assembly: its calls reach AWS (the local endpoint)', () => {
    expect(runs.deploy!.output).toContain('2/2 cdk deploy --app cdk.out **');
    expect(runs.deploy!.output).not.toContain('REFUSED');
    expect(endpoint.requests.length).toBeGreaterThan(0);
    // The endpoint answers "invalid token", so the deploy step itself fails: exit 3, not the gate's 1.
    expect(runs.deploy!.status).toBe(3);
  });

  it("npx cdk deploy 'example-city/*' passes the gate and goes on to AWS", () => {
    expect(runs.cdkDeploy!.output).not.toContain('REFUSED');
    expect(runs.cdkDeploy!.output).not.toContain('Subprocess exited with error');
    expect(cdkEndpoint.requests.length).toBeGreaterThan(0);
  });

  it('reports/synth-verdict.* say which gate produced the verdict: command, packs, versions', () => {
    const verdict = readJson(path.join(synthCopy.dir, 'reports', 'synth-verdict.json'));
    expect(verdict.verdict).toBe('pass');
    expect(verdict.gate).toBe('closed-telework synth gate');
    // Run through npx (npm exec): the record says so, as the user typed it (lib/report/record/invocation.ts).
    expect(verdict.invocation.cdkCommand).toBe('npx cdk synth');
    expect(verdict.invocation.appCommand).toBe('node -r ./bin/register-ts.js bin/app.ts');
    expect(verdict.invocation.cdkCliVersion).toMatch(/^2\.1148\./);
    const pkg = readJson(path.join(synthCopy.dir, 'package.json'));
    expect(verdict.versions['aws-cdk-lib']).toBe(pkg.dependencies['aws-cdk-lib']);
    expect(verdict.versions['cdk-nag']).toBe(pkg.dependencies['cdk-nag']);
    expect(verdict.versions['@cdklabs/cdk-validator-cfnguard']).toBe(pkg.dependencies['@cdklabs/cdk-validator-cfnguard']);
    // aws-cdk-lib's own CloudFormation validation is registered on the App too (its verdict cached: lib/cfn-validate).
    expect(verdict.packs.map((p: { name: string }) => p.name)).toEqual(['AwsSolutions', 'NIST.800.53.R5', 'cdk-validator-cfnguard', 'ThreeTierSeparation', 'CloudFormation Validate']);
    for (const p of verdict.packs) expect(['success', 'not-reported']).toContain(p.conclusion);
    const md = fs.readFileSync(path.join(synthCopy.dir, 'reports', 'synth-verdict.md'), 'utf8');
    expect(md).toContain('PASS / 適合');
    expect(md).toContain('command / コマンド: `npx cdk synth`');
    expect(md).toContain('app process / アプリの起動: `node -r ./bin/register-ts.js bin/app.ts`');
    expect(md).toMatch(/\| ThreeTierSeparation \| 0\.1\.0 \| closed-telework \|/);
    const viaDeploy = readJson(path.join(deployCopy.dir, 'reports', 'synth-verdict.json'));
    expect(viaDeploy.invocation.viaCommand).toBe('npx closed-telework deploy --require-approval never');
  });
  it('the reviewer\'s report of `cdk synth` carries the header of record (hashes of the templates written) and the spreadsheet', () => {
    const reports = path.join(synthCopy.dir, 'reports');
    const html = fs.readFileSync(path.join(reports, 'tier-separation.ja.html'), 'utf8');
    const record = html.slice(html.indexOf('id="record-provenance"'), html.indexOf('id="record-signature"'));
    expect(record).toContain('<th>団体名</th><td>example-city</td>');
    expect(record).toContain('<th>実行したコマンド</th><td>npx cdk synth</td>');
    expect(record).toContain('<th>設定ファイル（SHA-256）</th><td>組み込み設定 -c municipality=example-city');
    // Every template the synth wrote is listed with the SHA-256 of its bytes.
    const assembly = path.join(synthCopy.dir, 'cdk.out', 'assembly-example-city');
    const templates = fs.readdirSync(assembly).filter((f) => f.endsWith('.template.json'));
    expect(templates.length).toBe(STAGE_STACKS.length);
    for (const t of templates) {
      const sha = createHash('sha256').update(fs.readFileSync(path.join(assembly, t))).digest('hex');
      expect(record).toContain(`${t}  ${sha}`);
    }
    expect(html).toContain('id="record-egress"');
    expect(fs.statSync(path.join(reports, 'tier-separation.ja.xlsx')).size).toBeGreaterThan(1000);
    expect(fs.statSync(path.join(reports, 'tier-separation.en.xlsx')).size).toBeGreaterThan(1000);
  });

  it("the reviewer's report npx cdk synth wrote carries the 費用試算 section, in both languages, with the reference comparison (issue 15)", () => {
    const e = estimateForConfig(loadEmbeddedConfig('example-city'));
    const fmt = (n: number): string => n.toLocaleString('en-US');
    const ja = fs.readFileSync(path.join(synthCopy.dir, 'reports', 'tier-separation.ja.md'), 'utf8');
    expect(ja).toContain('## 費用試算\n');
    expect(ja).toContain(`| 税込 | ${fmt(e.totals.monthlyJpyIncTax)}円 | ${fmt(e.totals.yearlyJpyIncTax)}円 |`);
    expect(ja).toContain(`本試算 1席あたり月額（税込）${fmt(e.perSeat!.monthlyJpyIncTax)}円 ／ 参考：サービス型閉域テレワーク`);
    expect(ja).toContain('本試算には端末費用を含みません');
    const en = fs.readFileSync(path.join(synthCopy.dir, 'reports', 'tier-separation.en.html'), 'utf8');
    expect(en).toContain('<h2>Cost estimate</h2>');
    expect(en).toContain('kitted PCs (devices) are included in the reference and are NOT included in this estimate');
  });
});
