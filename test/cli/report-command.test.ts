/**
 * `closed-telework report`: options, exit codes, files written, acknowledgements read from
 * validation-report.json. The engine is the stand-in (the real one is tested through the pack).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reportEngine } from '../../lib/cli/report-command';
import { main } from '../../lib/cli/main';
import { standInEngine } from '../nag/support/stand-in-engine';

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
}

const TAGS = [{ Key: 'mic:tier', Value: 'lgwan' }];

describe('closed-telework report', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cmd-'));
  const original = reportEngine.run;
  let stdout = '';
  let stderr = '';
  beforeAll(() => {
    reportEngine.run = standInEngine().engine;
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  });
  beforeEach(() => {
    stdout = '';
    stderr = '';
  });
  afterAll(() => {
    reportEngine.run = original;
    jest.restoreAllMocks();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const good = path.join(tmp, 'good.template.json');
  const broken = path.join(tmp, 'broken.template.json');
  writeJson(good, { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16', Tags: TAGS } } } });
  writeJson(broken, { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16', Tags: TAGS } }, Peering: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'Vpc' }, PeerVpcId: 'vpc-1' } } } });

  it('writes both languages and formats by default and exits 1 on a crossing', async () => {
    const out = path.join(tmp, 'out-broken');
    expect(await main(['node', 'closed-telework', 'report', '--out', out, '--junit', broken])).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(['tier-separation.en.html', 'tier-separation.en.md', 'tier-separation.en.svg', 'tier-separation.en.xlsx', 'tier-separation.ja.html', 'tier-separation.ja.md', 'tier-separation.ja.svg', 'tier-separation.ja.xlsx', 'tier-separation.junit.xml']);
    expect(fs.readFileSync(path.join(out, 'tier-separation.ja.md'), 'utf8')).toContain('### #1 [重大な指摘] LGWAN tier reaches the internet tier');
    expect(stdout).toContain('tier separation does NOT hold');
  });

  it('writes only what --lang and --format ask for, and exits 0 when separation holds', async () => {
    const out = path.join(tmp, 'out-good');
    expect(await main(['node', 'closed-telework', 'report', '--lang', 'ja', '--format', 'html', '--out', out, good])).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['tier-separation.ja.html']);
  });

  it('reads every pack\'s acknowledgements from a cloud assembly\'s validation-report.json', async () => {
    const asm = path.join(tmp, 'cdk.out');
    writeJson(path.join(asm, 'manifest.json'), { version: '55.0.0', artifacts: { City: { type: 'aws:cloudformation:stack', displayName: 'City', properties: { templateFile: 'City.template.json' } } } });
    writeJson(path.join(asm, 'City.template.json'), { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16', Tags: TAGS } } } });
    writeJson(path.join(asm, 'validation-report.json'), {
      version: '55.0.0',
      title: 'Validation Report',
      pluginReports: [
        { pluginName: 'AwsSolutions', conclusion: 'success', violations: [], suppressedViolations: [{ ruleName: 'AwsSolutions-VPC7', acknowledgedId: 'AwsSolutions::VPC7', reason: 'flow logs are central', acknowledgedAt: 'City/Vpc', violatingConstructs: [{ constructPath: 'City/Vpc/Resource' }] }] },
        { pluginName: 'ThreeTierSeparation', conclusion: 'failure', violations: [{ ruleName: 'TIER-ACK-REFUSED', severity: 'fatal', ruleMetadata: { acknowledgedId: 'ThreeTierSeparation::TIER-CROSSING', reason: 'migration' }, violatingConstructs: [{ constructPath: 'City' }] }] },
      ],
    });
    const out = path.join(tmp, 'out-asm');
    expect(await main(['node', 'closed-telework', 'report', '--lang', 'en', '--format', 'md', '--out', out, asm])).toBe(1);
    const md = fs.readFileSync(path.join(out, 'tier-separation.en.md'), 'utf8');
    expect(md).toContain('| AwsSolutions | `VPC7` | flow logs are central | `City/Vpc` | `City/Vpc/Resource` |');
    expect(md).toContain('| ThreeTierSeparation | `TIER-CROSSING` | **REFUSED: tier crossings cannot be acknowledged** — migration | `City` |');
  });

  it.each([
    [['--lang', 'fr'], /--lang fr: expected one or more of en, ja/],
    [['--format', 'pdf'], /--format pdf: expected one or more of md, html, xlsx/],
    [['--policy', '/nonexistent/policy.yaml'], /--policy \/nonexistent\/policy.yaml: no such file/],
  ])('rejects %j with exit 2, a bilingual message, and writes nothing', async (args, message) => {
    const out = path.join(tmp, `out-bad-${args[0]}`);
    expect(await main(['node', 'closed-telework', 'report', ...args, '--out', out, good])).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/[ぁ-んァ-ン]/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('fails closed (exit 1) when the engine leaves pairs out of the matrix', async () => {
    const full = reportEngine.run;
    reportEngine.run = (input) => {
      const run = full(input);
      return { ...run, report: { ...run.report, matrix: run.report.matrix.slice(1) } };
    };
    try {
      expect(await main(['node', 'closed-telework', 'report', '--lang', 'en', '--format', 'md', '--out', path.join(tmp, 'out-partial'), good])).toBe(1);
    } finally {
      reportEngine.run = full;
    }
  });

  it('rejects a missing path with exit 2', async () => {
    const out = path.join(tmp, 'out-missing');
    expect(await main(['node', 'closed-telework', 'report', '--out', out, path.join(tmp, 'nope.json')])).toBe(2);
    expect(stderr).toContain('nope.json: no such file or directory');
    expect(fs.existsSync(out)).toBe(false);
  });
});
