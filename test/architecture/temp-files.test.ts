/**
 * A test run leaves nothing in the machine's temporary directory (test/support/temp-dirs): each run has a
 * directory of its own that TMPDIR points at — for the tests and for the processes they start — removed
 * after the run, and a test file that leaves its own files behind fails, naming them. Shown by running jest
 * with this repository's configuration on two fixture files; and no source writes to a hard-coded /tmp,
 * which would escape it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RUN_PREFIX } from '../support/temp-dirs/run-directory';

const ROOT = path.resolve(__dirname, '..', '..');

function jest(fixture: string): { status: number | null; output: string; tmp: string } {
  // The nested run's own temporary directory is made inside this test's, so what it leaves can be seen.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nested-jest-'));
  const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--runInBand', '--roots', '<rootDir>/test/architecture/fixtures/temp-dirs', '--testMatch', `**/${fixture}`], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, tmp };
}

/** What a nested run left in its TMPDIR, but for jest's own transform cache (which jest keeps there on purpose). */
function leftBy(run: { tmp: string }): string[] {
  return fs.readdirSync(run.tmp).filter((n) => !n.startsWith('jest_'));
}

describe('a test run and its temporary files', () => {
  it('a tidy file passes; its TMPDIR and that of the process it starts are the run\'s own; nothing is left after the run', () => {
    const run = jest('tidy.fixture.ts');
    try {
      expect(run.output).toContain('1 passed');
      expect(run.status).toBe(0);
      const test = /TMPDIR-OF-TEST=(.*)/.exec(run.output)?.[1];
      const child = /TMPDIR-OF-CHILD=(.*)/.exec(run.output)?.[1];
      expect(test).toBeDefined();
      expect(path.relative(run.tmp, test!)).toMatch(new RegExp(`^${RUN_PREFIX}\\d+-[^/]+/worker-\\d+$`));
      expect(child).toBe(test);
      expect(leftBy(run)).toEqual([]);
    } finally {
      fs.rmSync(run.tmp, { recursive: true, force: true });
    }
  });

  it('a file that leaves a temporary directory behind fails, naming it; it is removed all the same', () => {
    const run = jest('leaky.fixture.ts');
    try {
      expect(run.status).not.toBe(0);
      expect(run.output).toMatch(/leaky\.fixture\.ts left temporary files behind: forgotten-\w+\. Remove what a test makes/);
      expect(leftBy(run)).toEqual([]);
    } finally {
      fs.rmSync(run.tmp, { recursive: true, force: true });
    }
  });

  it('the repository\'s jest configuration uses it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../jest.config.js') as Record<string, string>;
    expect(config.testEnvironment).toBe('<rootDir>/test/support/temp-dirs/environment.ts');
    expect(config.globalSetup).toBe('<rootDir>/test/support/temp-dirs/global-setup.ts');
    expect(config.globalTeardown).toBe('<rootDir>/test/support/temp-dirs/global-teardown.ts');
  });

  it('no source names /tmp itself (it would escape the run\'s directory): os.tmpdir() everywhere', () => {
    const offenders: string[] = [];
    for (const dir of ['lib', 'bin', 'bench', 'test', 'tools']) {
      for (const f of fs.readdirSync(path.join(ROOT, dir), { recursive: true }).map(String)) {
        if (!/\.(ts|js|mjs|cjs|sh)$/.test(f) || f.includes('node_modules')) continue;
        const text = fs.readFileSync(path.join(ROOT, dir, f), 'utf8');
        text.split('\n').forEach((line, i) => {
          if (/['"`]\/tmp(\/|['"`])/.test(line)) offenders.push(`${dir}/${f}:${i + 1}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});
