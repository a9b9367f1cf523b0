/**
 * Issue 14 §3: Ctrl-C ends `roster apply` with the documented code — 130, the shell's code for SIGINT —
 * both when the tool is run directly and when it is run the way the README shows, through `npx`. A
 * terminal's Ctrl-C signals the whole foreground process group (npm, npm's `sh -c`, the tool), so each run
 * here is started in its own process group and the GROUP gets SIGINT once the desktops are being
 * provisioned. The tool must still shut down cleanly: message, journal kept, lock released.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { start } from '../../support/workspaces-api';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('ctrl-c-through-npx-');

const LGWAN = 'd-1111111111';
const ROOT = path.join(__dirname, '..', '..', '..');

/** What a shell's $? shows for a child that ended with `code` or died of `signal`. */
const shellStatus = (code: number | null, signal: NodeJS.Signals | null) => code ?? 128 + os.constants.signals[signal!];

describe.each([
  ['through npx', 'npx', ['--no-install', 'closed-telework']],
  ['directly', process.execPath, [path.join(ROOT, 'bin', 'closed-telework.js')]],
])('Ctrl-C %s', (_how, command, prefix) => {
  it('exits 130, says so in both languages, keeps the journal and releases the lock', async () => {
    // Desktops stay PENDING for a minute: the run is waiting for them when Ctrl-C comes.
    const api = await start({ directories: [LGWAN], provisionDelayMs: 60_000 });
    try {
      const folder = tmp.dir('ctrl-c-');
      const roster = path.join(folder, 'roster.csv');
      fs.writeFileSync(roster, 'user,tier,size\ntanaka,lgwan,STANDARD\nsato,lgwan,STANDARD\n');
      const state = path.join(folder, 'state');
      const child = spawn(
        command,
        [...prefix, 'roster', 'apply', roster, '--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--state-dir', state, '--poll-interval', '0.05', '--no-progress'],
        { cwd: ROOT, detached: true, env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'ap-northeast-1' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.resume();
      const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(shellStatus(code, signal))));
      const deadline = Date.now() + 90_000;
      while (!(api.state.calls.get('CreateWorkspaces') && (api.state.calls.get('DescribeWorkspaces') ?? 0) >= 3) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(api.state.calls.get('CreateWorkspaces')).toBe(1);
      process.kill(-child.pid!, 'SIGINT'); // the whole group, as a terminal's Ctrl-C does
      expect(await exited).toBe(130);
      // The tool itself handled it — it did not just die of the signal.
      const journal = path.join(state, 'apply-journals', 'ap-northeast-1', `${LGWAN}.jsonl`);
      for (let i = 0; i < 100 && fs.existsSync(`${journal}.lock`); i++) await new Promise((r) => setTimeout(r, 50)); // npx: the tool may end just after npm
      expect(stderr).toMatch(/interrupted; nothing further was sent.*中断しました/s);
      expect(fs.existsSync(`${journal}.lock`)).toBe(false);
      // The accepted desktops are remembered: the next run waits for them instead of creating new ones.
      expect(fs.readFileSync(journal, 'utf8')).toMatch(/"t":"created"/);
    } finally {
      await api.close();
    }
  });
});
