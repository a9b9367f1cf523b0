/**
 * Issue 12 point 4: the record names the command as the user ran it. The app process reads as typed
 * (`node -r ./bin/register-ts.js bin/app.ts`, never `../../../usr/bin/node bin/app.ts`), and a CDK CLI that
 * npx started reads `npx cdk synth` (npm renames the npx process to `npm exec <command>`, which is what /proc
 * shows). The real `npx cdk synth` is checked end to end in test/e2e/clean-app.test.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { appCommandLine, withLauncher } from '../../../lib/report/record/invocation';

describe('appCommandLine: the app process as a person types it', () => {
  it('node by name, its options as given, the script relative to the working directory', () => {
    expect(appCommandLine('/usr/bin/node', ['-r', './bin/register-ts.js'], ['/work/app/bin/app.ts'], '/work/app')).toBe('node -r ./bin/register-ts.js bin/app.ts');
  });
  it('a path outside the working directory stays absolute (no ../../ climb); an interpreter that is not node keeps its path', () => {
    expect(appCommandLine('/usr/bin/node', [], ['/opt/apps/bin/app.js'], '/work/app')).toBe('node /opt/apps/bin/app.js');
    expect(appCommandLine('/opt/bun/bin/bun', [], ['/work/app/bin/app.ts'], '/work/app')).toBe('/opt/bun/bin/bun bin/app.ts');
  });
  it('quotes an argument with a space', () => {
    expect(appCommandLine('/usr/bin/node', [], ['/work/app/bin/my app.ts'], '/work/app')).toBe("node 'bin/my app.ts'");
  });
  it('a real node child started the way cdk.json starts the app reads as typed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'invocation-'));
    try {
      fs.mkdirSync(path.join(dir, 'bin'));
      fs.writeFileSync(path.join(dir, 'bin', 'noop.js'), '');
      const lib = path.join(__dirname, '..', '..', '..', 'lib', 'report', 'record', 'invocation.ts');
      fs.writeFileSync(path.join(dir, 'bin', 'app.js'), `require(${JSON.stringify(path.join(__dirname, '..', '..', '..', 'bin', 'register-ts.js'))});process.stdout.write(require(${JSON.stringify(lib)}).describeInvocation().appCommand)`);
      // Built, not written out: knip would read a literal './bin/…' after -r as an import of this repository.
      const preload = `./${path.join('bin', 'noop.js')}`;
      const app = path.join('bin', 'app.js');
      const run = spawnSync('node', ['-r', preload, app], { cwd: dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`node -r ${preload} ${app}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('withLauncher: npx in front of the command when npx started it', () => {
  // pid 30: the CDK CLI; 20: the shell npm runs it in; 10: npm (renamed `npm exec …`); 1: init.
  const tree = (npmLine: string) => ({
    cmdline: (pid: number) => ({ 20: ['sh', '-c', 'cdk synth'], 10: [npmLine] })[pid],
    parent: (pid: number) => ({ 30: 20, 20: 10, 10: 1 })[pid],
  });
  it('`npm exec cdk synth` two levels up: npx cdk synth', () => {
    const t = tree('npm exec cdk synth');
    expect(withLauncher({ command: 'cdk synth', pid: 30 }, t.cmdline, t.parent)).toBe('npx cdk synth');
  });
  it('an npm running something else (npm run build) is not the launcher of this command', () => {
    const t = tree('npm run build');
    expect(withLauncher({ command: 'cdk synth', pid: 30 }, t.cmdline, t.parent)).toBe('cdk synth');
  });
  it('no npm among the parents: the command as found', () => {
    expect(withLauncher({ command: 'cdk synth --quiet', pid: 30 }, () => ['bash'], (pid) => (pid > 1 ? pid - 10 : undefined))).toBe('cdk synth --quiet');
  });
});
