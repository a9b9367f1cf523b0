/**
 * The `verify` command: exit codes (0 clean / 1 findings / 2 unusable input), the four formats, YAML and
 * cloud assemblies. Two cases run the real bin (`node bin/closed-telework.js verify …`) in a child process;
 * the rest call the same commander program in-process (a child process pays Node's and the modules' start-up
 * each time).
 */
import { spawnSync } from 'child_process';
import { main } from '../../lib/cli/main';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCity } from '../fixtures/city';

const BIN = path.join(__dirname, '..', '..', 'bin', 'closed-telework.js');
const FIXTURES = path.join(__dirname, '..', 'fixtures');
let dir: string;

function spawnCli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'verify', ...args], { encoding: 'utf8', timeout: 120000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same program in-process, with stdout/stderr captured. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    const code = await main(['node', 'closed-telework', 'verify', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-cli-'));
  const good = buildCity();
  fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(good));
  const bad = buildCity();
  (bad.Resources as Record<string, unknown>).Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'VpcLgwan' }, PeerVpcId: { Ref: 'VpcPn' } } };
  fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
  fs.writeFileSync(path.join(dir, 'broken.json'), '{ "Resources": { "A": ');
  fs.writeFileSync(path.join(dir, 'policy-bad.yaml'), 'version: 1\nmodel: gamma\n');
  // A cloud assembly: manifest + one stack + a nested Stage assembly.
  const asm = path.join(dir, 'cdk.out');
  fs.mkdirSync(path.join(asm, 'assembly-Prod'), { recursive: true });
  fs.writeFileSync(path.join(asm, 'City.template.json'), JSON.stringify(good));
  fs.writeFileSync(path.join(asm, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: { City: { type: 'aws:cloudformation:stack', properties: { templateFile: 'City.template.json' }, displayName: 'City' }, assemblyProd: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod', displayName: 'Prod' } } } }));
  fs.writeFileSync(path.join(asm, 'assembly-Prod', 'ProdCity.template.json'), JSON.stringify(bad));
  fs.writeFileSync(path.join(asm, 'assembly-Prod', 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: { ProdCity: { type: 'aws:cloudformation:stack', properties: { templateFile: 'ProdCity.template.json' }, displayName: 'Prod/City' } } }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the real bin: a good template exits 0 with an OK summary', () => {
  const r = spawnCli(path.join(dir, 'good.json'));
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^OK: no finding/m);
  expect(r.stdout).toContain('tier:lgwan → on-prem:lgwan');
});

test('findings: exit 1 and a text block per finding', async () => {
  const r = await cli(path.join(dir, 'bad.json'));
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^ERROR TIER-JOIN-PEERING: /m);
  expect(r.stdout).toContain('citation: MIC');
});

test('--lang ja: the text output in Japanese, from the catalogue; English stays the default; a bad --lang is exit 2', async () => {
  const ja = await cli('--lang', 'ja', path.join(dir, 'bad.json'));
  expect(ja.code).toBe(1);
  expect(ja.stdout).toMatch(/^重大な指摘 TIER-JOIN-PEERING：系をまたぐ VPC ピアリング$/m);
  expect(ja.stdout).toContain('ピアリング Peer がLGWAN接続系とマイナンバー利用事務系をつないでいます。');
  expect(ja.stdout).toContain('根拠：総務省ガイドライン（令和7年3月版）');
  expect(ja.stdout).toContain('--policy の指定がないため、庁内ネットワークの範囲は');
  expect(ja.stdout).toContain('モデルの対象外の事項：');
  expect(ja.stdout).not.toMatch(/ERROR|citation:|Not covered by the model|No --policy given/);
  const good = await cli('--lang', 'ja', path.join(dir, 'good.json'));
  expect(good.stdout).toMatch(/^適合：指摘はありません。テンプレート 1 件/m);
  expect(good.stdout).toContain('LGWAN接続系 → 庁内ネットワーク（LGWAN接続系）');
  const en = await cli(path.join(dir, 'bad.json'));
  expect(en.stdout).toMatch(/^ERROR TIER-JOIN-PEERING: VPC peering joins two tiers$/m);
  expect(en.stdout).not.toMatch(/[\u3040-\u30ff]/); // no kana: the English output is English (the guideline's title aside)
  const bad = await cli('--lang', 'fr', path.join(dir, 'bad.json'));
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--lang must be one of en, ja (got "fr")');
});

test('--format json: findings with rule, severity, from, to and path', async () => {
  const r = await cli('--format', 'json', path.join(dir, 'bad.json'));
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(doc.findings[0]).toMatchObject({ rule: 'TIER-JOIN-PEERING', severity: 'error', from: { kind: 'tier', tier: 'lgwan' }, to: { kind: 'tier', tier: 'personal-number' }, path: [] });
  expect(doc.summary).toMatchObject({ errors: 1, warnings: 0 });
  expect(doc.matrix).toHaveLength(90);
});

test('--format sarif: SARIF 2.1.0 with the rule and a location in the template', async () => {
  const r = await cli('--format', 'sarif', path.join(dir, 'bad.json'));
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(doc.version).toBe('2.1.0');
  const res = doc.runs[0].results[0];
  expect(res).toMatchObject({ ruleId: 'TIER-JOIN-PEERING', level: 'error' });
  expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/bad\.json$/);
  expect(res.locations[0].logicalLocations[0].fullyQualifiedName).toBe('bad/Peer');
  expect(doc.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('TIER-CROSSING');
});

test('--format junit: JUnit XML, the finding a failing case named by its rule, exit 1; a good template has no failure', async () => {
  const r = await cli('--format', 'junit', path.join(dir, 'bad.json'));
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^<\?xml /);
  expect(r.stdout).toMatch(/<testsuites [^>]*failures="[1-9]\d*"/);
  expect(r.stdout).toMatch(/<testcase classname="[^"]*\.TIER-JOIN-PEERING"[^>]*><failure type="TIER-JOIN-PEERING"/);
  const ok = await cli('--format', 'junit', path.join(dir, 'good.json'));
  expect(ok.code).toBe(0);
  expect(ok.stdout).toMatch(/<testsuites [^>]*failures="0"/);
  expect(ok.stdout).not.toContain('<failure');
});

test('a cloud assembly with a nested Stage: every stack is read, findings name the Stage stack', async () => {
  const r = await cli('--format', 'json', path.join(dir, 'cdk.out'));
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(doc.sources.map((s: { stack: string }) => s.stack).sort()).toEqual(['City', 'Prod/City']);
  expect(doc.findings.map((f: { resource: { stack: string } }) => f.resource.stack)).toEqual(['Prod/City']);
});

test('a YAML template with short-form tags (!Ref, !GetAtt, !Sub, !If) is read', async () => {
  const r = await cli('--format', 'json', path.join(FIXTURES, 'yaml-crossing.yaml'));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect([...new Set(doc.findings.map((f: { rule: string }) => f.rule))].sort()).toEqual(['TIER-CROSSING', 'TIER-JOIN-PEERING']);
  // !Sub with a variable map, !GetAtt a.b, !Select/!Cidr and !If alternatives all resolved: both PN blocks are seen.
  const pnToLgwan = doc.findings.find((f: { rule: string; from: { tier?: string } }) => f.rule === 'TIER-CROSSING' && f.from.tier === 'personal-number');
  expect(pnToLgwan.path.map((h: { resource: { logicalId: string } }) => h.resource.logicalId)).toEqual(expect.arrayContaining(['ToLgwan', 'Peer']));
  expect(pnToLgwan.stillBlockedBy).toEqual(['sg']);
});

test('unusable inputs: exit 2 with what and where, nothing on stdout', async () => {
  for (const [args, pattern] of [
    [[path.join(dir, 'missing.json')], /missing\.json: no such file/],
    [[path.join(dir, 'broken.json')], /broken\.json: not valid JSON/],
    [['--policy', path.join(dir, 'policy-bad.yaml'), path.join(dir, 'good.json')], /model: must be alpha/],
    [['--format', 'xml', path.join(dir, 'good.json')], /--format must be one of/],
    [[dir], /manifest\.json/],
  ] as Array<[string[], RegExp]>) {
    const r = await cli(...args);
    expect({ args, code: r.code }).toEqual({ args, code: 2 });
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  }
});

test('the real bin: unusable input exits 2 with the message on stderr and nothing on stdout', () => {
  const r = spawnCli(path.join(dir, 'broken.json'));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
  expect(r.stdout).toBe('');
});

test('no PATH at all is a usage error (exit 2)', async () => {
  expect((await cli()).code).toBe(2);
});
