/**
 * Many municipalities in one app: -c prefecture=FILE and -c configDir=DIR load every file, validate each,
 * then validate them together, and report EVERY problem of every file in one bilingual ConfigError.
 */
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { ConfigError, loadAppConfigurationFromContext, loadConfigDir, loadPrefectureFile } from '../../lib/config';
import { exampleInput } from './helpers';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('app-configuration-');

const EXAMPLE_PREFECTURE = path.join(__dirname, '../../examples/prefecture/prefecture.yaml');

function tmpDir(files: Record<string, unknown>): string {
  const dir = tmp.dir('config-dir-');
  for (const [name, doc] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), typeof doc === 'string' ? doc : stringify(doc));
  return dir;
}

function city(name: string, account: string, second: number, patch: (c: any) => void = () => undefined): unknown {
  const c = exampleInput();
  c.name = name;
  c.account = account;
  c.tiers.internet.vpcCidr = `10.${second}.0.0/20`;
  c.tiers.lgwan.vpcCidr = `10.${second + 1}.0.0/20`;
  c.tiers['personal-number'].vpcCidr = `10.${second + 2}.0.0/20`;
  patch(c);
  return c;
}

const prefecture = { name: 'test-prefecture', displayName: { en: 'Test Prefecture', ja: 'テスト県' }, account: '111111111111', region: 'ap-northeast-1', securityCloud: { vpcCidr: '10.255.0.0/24', allowedDomains: ['.lg.jp'] } };

function problemsOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

test('the example prefecture file loads its three municipalities and the hub', () => {
  const app = loadPrefectureFile(EXAMPLE_PREFECTURE);
  expect(app.prefecture).toMatchObject({ name: 'example-prefecture', securityCloud: { vpcCidr: '10.255.0.0/24' } });
  expect(app.municipalities.map((m) => [m.config.name, m.config.internetEgress.kind])).toEqual([
    ['example-east', 'prefecture-hub'], ['example-west', 'prefecture-hub'], ['example-north', 'prefecture-hub'],
  ]);
  expect(new Set(app.municipalities.map((m) => m.config.account)).size).toBe(3);
});

test('-c configDir: every file is a municipality, prefecture.yaml is the prefecture; chosen from CDK context', () => {
  const dir = tmpDir({
    'prefecture.yaml': prefecture,
    'a.yaml': city('town-a', '222222222201', 11, (c) => (c.internetEgress = { kind: 'prefecture-hub' })),
    'b.json': JSON.stringify(city('town-b', '222222222202', 21, (c) => (c.internetEgress = { kind: 'prefecture-hub' }))),
    'notes.txt': 'not a configuration',
  });
  const app = loadAppConfigurationFromContext((k) => ({ configDir: dir, municipality: 'example-city' } as Record<string, string>)[k]);
  expect(app.municipalities.map((m) => [m.source, m.config.name])).toEqual([['a.yaml', 'town-a'], ['b.json', 'town-b']]);
  expect(app.prefecture?.name).toBe('test-prefecture');
  // Without either key, the single-municipality path is unchanged.
  expect(loadAppConfigurationFromContext((k) => (k === 'municipality' ? 'example-city' : undefined)).municipalities.map((m) => m.config.name)).toEqual(['example-city']);
});

test('every problem of every file at once: shape errors, duplicates, overlaps on the hub, a hub egress with no hub region', () => {
  const dir = tmpDir({
    'prefecture.yaml': prefecture,
    'a.yaml': city('town-a', '222222222201', 11, (c) => (c.internetEgress = { kind: 'prefecture-hub' })),
    // Same name and account as a; its internet range overlaps a's, and both are on the hub.
    'b.yaml': city('town-a', '222222222201', 11, (c) => {
      c.internetEgress = { kind: 'prefecture-hub' };
      c.tiers.lgwan.vpcCidr = '10.41.0.0/20';
      c.tiers['personal-number'].vpcCidr = '10.42.0.0/20';
    }),
    // Its own problem (region) is reported with the others, and its own exit bypasses the hub.
    'c.yaml': city('town-c', '111111111111', 31, (c) => (c.region = 'us-east-1')),
    'd.yaml': city('town-d', '222222222204', 51, (c) => (c.internetEgress = { kind: 'network-firewall', allowedDomains: ['.lg.jp'] })),
    'e.yaml': 'name: [unclosed',
  });
  const err = problemsOf(() => loadConfigDir(dir));
  const paths = err.problems.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining([
    'c.yaml: region',
    'e.yaml: (document)',
    'b.yaml: name',
    'b.yaml: account',
    'b.yaml: tiers.internet.vpcCidr',
    'd.yaml: internetEgress.kind',
  ]));
  expect(err.problems.find((p) => p.path === 'b.yaml: account')!.message).toContain('each municipality is deployed to its own account');
  expect(err.problems.find((p) => p.path === 'b.yaml: tiers.internet.vpcCidr')!.message).toContain("town-a's internet tier (a.yaml) 10.11.0.0/20");
  // Bilingual, and says no template was written.
  expect(err.message).toMatch(/No template was written/);
  expect(err.message).toMatch(/テンプレートは出力していません/);
  for (const p of err.problems) expect(p.ja.length).toBeGreaterThan(5);
});

test('municipalities that share no network may reuse ranges (separate accounts are separate address spaces)', () => {
  const dir = tmpDir({
    'a.yaml': city('town-a', '222222222201', 11),
    'b.yaml': city('town-b', '222222222202', 11),
  });
  expect(loadConfigDir(dir).municipalities).toHaveLength(2);
});

test('a hub egress with no prefecture, the prefecture account reused, and the same range as the hub', () => {
  const noHub = problemsOf(() => loadConfigDir(tmpDir({ 'a.yaml': city('town-a', '222222222201', 11, (c) => (c.internetEgress = { kind: 'prefecture-hub' })) })));
  expect(noHub.problems.map((p) => p.path)).toEqual(['a.yaml: internetEgress.kind']);
  const clash = problemsOf(() => loadConfigDir(tmpDir({
    'prefecture.yaml': prefecture,
    'a.yaml': city('town-a', '111111111111', 11, (c) => {
      c.internetEgress = { kind: 'prefecture-hub' };
      c.tiers.internet.vpcCidr = '10.255.0.0/20';
    }),
  })));
  expect(clash.problems.map((p) => p.path).sort()).toEqual(['a.yaml: account', 'a.yaml: tiers.internet.vpcCidr']);
});

test('a prefecture file: paths relative to it, a missing file and a bad hub range reported together', () => {
  const dir = tmpDir({ 'a.yaml': city('town-a', '222222222201', 11, (c) => (c.internetEgress = { kind: 'prefecture-hub' })) });
  fs.writeFileSync(path.join(dir, 'pref.yaml'), stringify({ ...prefecture, municipalities: ['a.yaml', 'missing.yaml'], securityCloud: { vpcCidr: '10.255.0.0/28', allowedDomains: ['.lg.jp'] } }));
  const err = problemsOf(() => loadPrefectureFile(path.join(dir, 'pref.yaml')));
  expect(err.problems.map((p) => p.path)).toEqual(['pref.yaml: securityCloud.vpcCidr', 'missing.yaml: (document)']);
  expect(problemsOf(() => loadAppConfigurationFromContext((k) => ({ configDir: dir, prefecture: 'x.yaml' } as Record<string, string>)[k])).problems[0].message).toContain('both -c prefecture and -c configDir');
});
