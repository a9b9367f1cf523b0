/**
 * verify side by side, end to end through the CLI: `--jobs 2` splits an input of independent prefectures into
 * two parts judged on worker threads, and every output (text in both languages, JSON, SARIF) is byte-identical
 * to `--jobs 1` (one model); where a part could disagree with the whole — a finding, a rule that judges the
 * whole input (several municipalities), a link between the files — it judges one model instead, and says so
 * with CLOSED_TELEWORK_VERIFY_PARTS_TRACE=1.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../lib/cli/main';
import { autoJobs } from '../../../lib/cli/verify-command';
import { verifyInParts } from '../../../lib/cli/verify-parts';
import { buildCity, cidrOf, type Json } from '../../fixtures/city';
import { buildPrefecture } from '../../fixtures/prefecture-hub';
import type { LoadedTemplate } from '../../../lib/model/load/template';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('verify-parts-');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  process.env.CLOSED_TELEWORK_VERIFY_PARTS_TRACE = '1';
  try {
    const code = await main(['node', 'closed-telework', 'verify', ...args]);
    // Only verify's own lines: an earlier test file in the same jest worker may still have a request in flight
    // that writes late (a roster run against a closed endpoint warns when its tag read finally fails).
    return { code, stdout, stderr: stderr.split('\n').filter((l) => !/^closed-telework (?!verify)\S+: /.test(l)).join('\n') };
  } finally {
    delete process.env.CLOSED_TELEWORK_VERIFY_PARTS_TRACE;
    out.mockRestore();
    err.mockRestore();
  }
}

/** Writes the templates (one file per stack) and the policy; returns the files in stack order. */
function write(templates: LoadedTemplate[], policy: unknown): { dir: string; files: string[]; policy: string } {
  const dir = tmp.dir('input-');
  const files = templates.map((t) => {
    const f = path.join(dir, `${t.stack}.template.json`);
    fs.writeFileSync(f, JSON.stringify(t.template));
    return f;
  }).sort();
  const p = path.join(dir, 'tier-policy.json');
  fs.writeFileSync(p, JSON.stringify(policy));
  return { dir, files, policy: p };
}

const FORMATS: string[][] = [[], ['--lang', 'ja'], ['--format', 'json'], ['--format', 'sarif']];

/** Every format with --jobs 1 and --jobs 2: identical bytes and exit code; the notes of the --jobs 2 runs. */
async function compare(input: { files: string[]; policy: string }): Promise<{ notes: string[]; code: number }> {
  const notes: string[] = [];
  let code = -1;
  for (const f of FORMATS) {
    const one = await cli('--policy', input.policy, '--jobs', '1', '--as-of', '2026-12-06', ...f, ...input.files);
    const two = await cli('--policy', input.policy, '--jobs', '2', '--as-of', '2026-12-06', ...f, ...input.files);
    expect(one.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    notes.push(two.stderr.trim());
    code = one.code;
  }
  return { notes, code };
}

const country = (): ReturnType<typeof buildPrefecture>[] => [buildPrefecture('pref-a', 3), buildPrefecture('pref-b', 2), buildPrefecture('pref-c', 2)];

jest.setTimeout(240000);

test('three prefectures, each with its hub: two parts side by side, every format byte-identical to one model', async () => {
  const sets = country();
  const r = await compare(write(sets.flatMap((s) => s.templates), sets[0].policy));
  expect(r.code).toBe(0);
  for (const n of r.notes) expect(n).toMatch(/^closed-telework verify: 2 parts side by side \(3 independent components;/);
});

test('a crossing in one prefecture: findings are judged in one model (same findings, same order, exit 1)', async () => {
  const sets = country();
  const R = sets[1].municipalities[0].template.Resources as unknown as Record<string, Json>;
  R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'M0VpcLgwan' }, PeerVpcId: { Ref: 'M0VpcPn' } } };
  R.PeerRoute = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'M0RtLgwan' }, DestinationCidrBlock: '10.0.32.0/20', VpcPeeringConnectionId: { Ref: 'Peer' } } };
  const r = await compare(write(sets.flatMap((s) => s.templates), sets[0].policy));
  expect(r.code).toBe(1);
  for (const n of r.notes) expect(n).toBe('closed-telework verify: one model: findings');
});

test('a city without a municipality tag beside a prefecture: clean alone, but the whole has several municipalities (UNTAGGED-MUNICIPALITY) — one model', async () => {
  const set = buildPrefecture('pref-a', 2);
  const city: LoadedTemplate = { stack: 'zz-city', file: 'zz-city.json', template: buildCity({ index: 40, prefix: 'Z' }) };
  // The city's own on-premises ranges declared too: alone, each part is clean.
  const policy = { ...set.policy, onPremNetworks: set.policy.onPremNetworks.map((n) => ({ ...n, cidrs: [...n.cidrs, cidrOf(40, n.tier).onPrem] })) };
  const input = write([...set.templates, city], policy);
  const r = await compare(input);
  expect(r.code).toBe(1);
  for (const n of r.notes) expect(n).toBe('closed-telework verify: one model: several municipalities in the whole, not in a part');
  const json = await cli('--policy', input.policy, '--jobs', '1', '--format', 'json', ...input.files);
  expect((JSON.parse(json.stdout) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule)).toEqual(['UNTAGGED-MUNICIPALITY', 'UNTAGGED-MUNICIPALITY', 'UNTAGGED-MUNICIPALITY']);
  const cityAlone = write([city], policy);
  expect((await cli('--policy', cityAlone.policy, '--jobs', '1', ...cityAlone.files)).code).toBe(0);
});

test('files linked by an SSM parameter and exports (one prefecture) are one component: one model', async () => {
  const sets = [buildPrefecture('pref-a', 3)];
  const r = await compare(write(sets[0].templates, sets[0].policy));
  for (const n of r.notes) expect(n).toBe('closed-telework verify: one model: 1 component(s), not worth splitting');
});

test('JUnit draws the model: never split; --jobs must be auto or a number', async () => {
  const sets = country();
  const input = write(sets.flatMap((s) => s.templates), sets[0].policy);
  const junit = await cli('--policy', input.policy, '--jobs', '2', '--format', 'junit', ...input.files);
  expect(junit.code).toBe(0);
  expect(junit.stderr).toBe('');
  const bad = await cli('--policy', input.policy, '--jobs', 'many', ...input.files);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--jobs must be auto or a number of workers from 1 (got "many")');
});

test('--jobs auto: one model below four cores (measured: no gain on two), one worker per core from four (at most four); a small input stays one model', async () => {
  expect([1, 2, 3, 4, 8, 64].map(autoJobs)).toEqual([1, 1, 1, 4, 4, 4]);
  const sets = country();
  const input = write(sets.flatMap((s) => s.templates), sets[0].policy);
  const r = await verifyInParts(input.files, sets[0].policy, '2026-12-06', 4, false);
  expect(r).toEqual({ note: 'one model: a small input' });
});

describe('two cities in separate accounts (Client VPN, desktops, streaming endpoints in each)', () => {
  const policy = { version: 1, model: 'alpha', onPremNetworks: (['internet', 'lgwan', 'personal-number'] as const).map((tier) => ({ name: `${tier}-offices`, tier, cidrs: [0, 1].map((i) => cidrOf(i, tier).onPrem) })), teleworkClients: [], sanctionedChannels: [] };
  const cities = (): LoadedTemplate[] => [
    { stack: 'a-city', file: 'a.json', template: buildCity({ index: 0, prefix: 'A' }) },
    { stack: 'b-city', file: 'b.json', template: buildCity({ index: 1, prefix: 'B' }) },
  ];
  test('clean: two parts, byte-identical', async () => {
    const r = await compare(write(cities(), policy));
    expect(r.code).toBe(0);
    for (const n of r.notes) expect(n).toMatch(/^closed-telework verify: 2 parts side by side \(2 independent components;/);
  });
  test('city B\'s LGWAN customer gateway at city A\'s internet gateway address: TIER-JOIN-EDGE exists only in the whole — one model', async () => {
    const [a, b] = cities();
    const R = b.template.Resources as unknown as Record<string, { Properties: Json }>;
    R.BCgwLgwan.Properties.IpAddress = '203.0.113.10';
    R.BCgwInet.Properties.IpAddress = '203.0.113.30';
    const input = write([a, b], policy);
    const r = await compare(input);
    expect(r.code).toBe(1);
    for (const n of r.notes) expect(n).toBe('closed-telework verify: one model: an on-premises edge of two tiers across parts');
    const alone = write([b], policy);
    expect((await cli('--policy', alone.policy, '--jobs', '1', ...alone.files)).code).toBe(0);
  });
});

test('the real bin in a new process (as a user runs it): --jobs 2 splits, and its output is --jobs 1\'s', () => {
  const sets = country();
  const input = write(sets.flatMap((s) => s.templates), sets[0].policy);
  const bin = path.join(__dirname, '..', '..', '..', 'bin', 'closed-telework.js');
  const run = (jobs: string) => spawnSync(process.execPath, [bin, 'verify', '--policy', input.policy, '--jobs', jobs, '--format', 'json', ...input.files], { encoding: 'utf8', env: { ...process.env, CLOSED_TELEWORK_VERIFY_PARTS_TRACE: '1' } });
  const two = run('2');
  const one = run('1');
  expect(two.stderr).toMatch(/^closed-telework verify: 2 parts side by side \(3 independent components;/);
  expect(one.stderr).toBe('');
  expect(two.status).toBe(0);
  expect(two.stdout).toBe(one.stdout);
  expect((JSON.parse(two.stdout) as { summary: { templates: number } }).summary.templates).toBe(sets.flatMap((s) => s.templates).length);
});
