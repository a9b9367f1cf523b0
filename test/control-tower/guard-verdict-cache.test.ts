import * as fs from 'fs';
import * as path from 'path';
import { GUARD_CACHE_ENV, guardCacheDir, guardRunKey, GuardVerdictCache, type GuardRunIdentity } from '../../lib/control-tower/guard-verdict-cache';
import { tempRoot } from '../support/temp-dirs';

const root = tempRoot('guard-verdict-cache-');
const tmp = (): string => root.dir('guard-cache-');

describe('guardCacheDir', () => {
  test('off turns caching off', () => {
    expect(guardCacheDir({ [GUARD_CACHE_ENV]: 'off' }, '/project')).toBeUndefined();
  });
  test('CLOSED_TELEWORK_CACHE=off turns it off with every other cache, unless a directory is named', () => {
    const project = tmp();
    fs.mkdirSync(path.join(project, 'node_modules'));
    expect(guardCacheDir({ CLOSED_TELEWORK_CACHE: 'off' }, project)).toBeUndefined();
    expect(guardCacheDir({ CLOSED_TELEWORK_CACHE: 'off', [GUARD_CACHE_ENV]: 'g' }, project)).toBe(path.join(project, 'g'));
  });
  test('a directory is resolved against the current directory', () => {
    expect(guardCacheDir({ [GUARD_CACHE_ENV]: '.cache/guard' }, '/project')).toBe(path.resolve('/project', '.cache/guard'));
  });
  test('by default, node_modules/.cache when node_modules is there, else no cache', () => {
    const project = tmp();
    expect(guardCacheDir({}, project)).toBeUndefined();
    fs.mkdirSync(path.join(project, 'node_modules'));
    expect(guardCacheDir({}, project)).toBe(path.join(project, 'node_modules', '.cache', 'closed-telework', 'cfn-guard'));
  });
});

describe('guardRunKey', () => {
  const base: GuardRunIdentity = { engine: '0.0.62 /bin/cfn-guard 10579096 1', rules: [{ path: '/r/a.guard', source: 'rule a {}' }], inputs: ['{"Resources":{}}', '{"Resources":{"B":{}}}'] };
  const variants: [string, GuardRunIdentity][] = [
    ['another engine', { ...base, engine: '0.0.63 /bin/cfn-guard 10579096 1' }],
    ['another rule path', { ...base, rules: [{ path: '/r/b.guard', source: 'rule a {}' }] }],
    ['edited rule text', { ...base, rules: [{ path: '/r/a.guard', source: 'rule a { x exists }' }] }],
    ['one more rule', { ...base, rules: [...base.rules, { path: '/r/b.guard', source: '' }] }],
    ['edited data', { ...base, inputs: ['{"Resources":{}}', '{"Resources":{"C":{}}}'] }],
    ['data in another order', { ...base, inputs: [...base.inputs].reverse() }],
    ['the same text split differently', { ...base, inputs: ['{"Resources":{}}{"Resources":', '{"B":{}}}'] }],
  ];
  test('the same run gives the same key', () => {
    expect(guardRunKey(base)).toBe(guardRunKey(JSON.parse(JSON.stringify(base)) as GuardRunIdentity));
  });
  test.each(variants)('%s gives another key', (_what, variant) => {
    expect(guardRunKey(variant)).not.toBe(guardRunKey(base));
  });
});

describe('GuardVerdictCache', () => {
  const verdict = {
    success: false,
    violations: [{ ruleName: 'r', description: 'd', fix: 'f', violatingResources: [{ resourceLogicalId: 'B', input: 1, locations: ['/Resources/B'] }] }],
  };

  test('gives back what was stored', () => {
    const cache = new GuardVerdictCache(tmp());
    expect(cache.get('k', 2)).toBeUndefined();
    cache.put('k', verdict);
    expect(cache.get('k', 2)).toEqual({ format: expect.any(String), ...verdict });
  });

  const broken: [string, (file: string) => void][] = [
    ['not JSON', (file) => fs.writeFileSync(file, '{')],
    ['another format', (file) => fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), format: 'x' }))],
    ['a pass that lists violations', (file) => fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), success: true }))],
    ['a violation without a rule name', (file) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"ruleName":"r",', ''))],
  ];
  test.each(broken)('fail closed: an entry that is %s is ignored', (_what, spoil) => {
    const dir = tmp();
    const cache = new GuardVerdictCache(dir);
    cache.put('k', verdict);
    spoil(path.join(dir, 'k.json'));
    expect(cache.get('k', 2)).toBeUndefined();
  });

  test('fail closed: an entry naming an input the run does not have is ignored', () => {
    const cache = new GuardVerdictCache(tmp());
    cache.put('k', verdict);
    expect(cache.get('k', 1)).toBeUndefined();
  });

  test('a directory it cannot write costs a cache miss, never an error', () => {
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, '');
    const cache = new GuardVerdictCache(path.join(file, 'under-a-file'));
    expect(() => cache.put('k', verdict)).not.toThrow();
    expect(cache.get('k', 2)).toBeUndefined();
  });

  test('keeps at most 256 entries (about 25 synths), dropping the oldest', () => {
    const dir = tmp();
    const cache = new GuardVerdictCache(dir);
    for (let i = 0; i < 260; i++) {
      cache.put(`k${i}`, verdict);
      const when = new Date(Date.now() - (260 - i) * 1000);
      fs.utimesSync(path.join(dir, `k${i}.json`), when, when);
    }
    cache.put('last', verdict);
    const left = fs.readdirSync(dir);
    expect(left).toHaveLength(256);
    expect(left).toContain('last.json');
    expect(left).toContain('k5.json');
    expect(left).not.toContain('k4.json');
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
