/**
 * Issue 14 §1: the journal and the lock belong to what is provisioned (Region + WorkSpaces directory),
 * not to the roster's file name. A municipal SE's run is killed right after its first CreateWorkspaces,
 * while the new desktops are still invisible to Describe; the SE saves the corrected roster under a new
 * name (名簿_0402.csv → 名簿_0402_修正.csv) and applies that: nobody gets a second WorkSpace.
 *
 * The first run is a real `closed-telework` process killed with SIGKILL (no clean-up at all); the re-run
 * goes through the same command line in-process.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../lib/cli/main';
import { start } from '../../support/workspaces-api';
import { captureOutput, useTestAwsEnvironment } from '../../support/cli-harness';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('renamed-roster-after-crash-');

const LGWAN = 'd-1111111111';
const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'closed-telework.js');
useTestAwsEnvironment();
const { out } = captureOutput();

const users = Array.from({ length: 20 }, (_, i) => `staff${String(i).padStart(2, '0')}`);
const rosterText = ['ユーザー名,系,サイズ', ...users.map((u) => `${u},LGWAN接続系,スタンダード`)].join('\r\n') + '\r\n';

function duplicates(api: Awaited<ReturnType<typeof start>>): string[] {
  return [...api.state.liveByUser()].filter(([, l]) => l.length > 1).map(([k, l]) => `${k}×${l.length}`);
}

/** Runs the first apply as its own process and kills it (SIGKILL) the moment CreateWorkspaces was processed. */
async function killedRun(endpoint: string, roster: string, stateDir: string, onCrash: { kill?: () => void }): Promise<void> {
  const child = spawn(
    process.execPath,
    [BIN, 'roster', 'apply', roster, '--endpoint-url', endpoint, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--state-dir', stateDir, '--poll-interval', '0.01', '--consistency-window', '0.05', '--wait-timeout', '5'],
    { env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'ap-northeast-1' }, stdio: 'ignore' },
  );
  onCrash.kill = () => child.kill('SIGKILL');
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
}

describe('a roster renamed between an interrupted run and its re-run', () => {
  // Each new desktop is invisible to the next 3 matching Describe calls: the re-run cannot see them at first.
  const faults = { seed: 3, crash: { calls: 1 }, invisibleRate: 1, invisibleDescribes: { min: 3, max: 3 } };

  it('finds the in-flight creates through the directory journal: no duplicate, exit 0', async () => {
    const hook: { kill?: () => void } = {};
    const api = await start({ directories: [LGWAN], faults, onCrash: () => hook.kill?.() });
    try {
      const folder = tmp.dir('renamed-roster-');
      const state = path.join(folder, 'state');
      const first = path.join(folder, '名簿_0402.csv');
      fs.writeFileSync(first, rosterText);
      await killedRun(api.endpoint, first, state, hook);
      expect(api.state.liveWorkspaces()).toHaveLength(20); // the killed run's batch was processed
      const journal = path.join(state, 'apply-journals', 'ap-northeast-1', `${LGWAN}.jsonl`);
      expect(fs.readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(20); // 20 attempts, in doubt
      expect(fs.existsSync(`${journal}.lock`)).toBe(true); // left by the killed process

      const corrected = path.join(folder, '名簿_0402_修正.csv');
      fs.writeFileSync(corrected, rosterText);
      fs.rmSync(first);
      const code = await main(['node', 'closed-telework', 'roster', 'apply', corrected, '--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--state-dir', state, '--poll-interval', '0.01', '--consistency-window', '0.05', '--wait-timeout', '5', '--api-rate', '5000', '--create-rate', '100', '--describe-rate', '500']);
      expect(duplicates(api)).toEqual([]);
      expect(api.state.liveWorkspaces()).toHaveLength(20);
      expect(api.state.calls.get('CreateWorkspaces')).toBe(1); // never sent again
      expect(code).toBe(0);
      expect(out.join('')).toMatch(/complete \(完了\): 0 created, 20 kept|complete \(完了\): 20 created/);
      expect(fs.existsSync(journal)).toBe(false);
      expect(fs.existsSync(`${journal}.lock`)).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('control: a re-run that cannot find the journal (as with one named after the old roster) duplicates every in-flight user', async () => {
    const hook: { kill?: () => void } = {};
    const api = await start({ directories: [LGWAN], faults, onCrash: () => hook.kill?.() });
    try {
      const folder = tmp.dir('renamed-roster-control-');
      const first = path.join(folder, '名簿_0402.csv');
      fs.writeFileSync(first, rosterText);
      await killedRun(api.endpoint, first, path.join(folder, 'state-a'), hook);
      const code = await main(['node', 'closed-telework', 'roster', 'apply', first, '--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--state-dir', path.join(folder, 'state-b'), '--poll-interval', '0.01', '--consistency-window', '0.05', '--wait-timeout', '5', '--api-rate', '5000', '--create-rate', '100', '--describe-rate', '500']);
      expect(duplicates(api)).toHaveLength(20);
      // The old desktops are still inside their invisibility window when this run lists the directory
      // again, so even that listing cannot see them yet: only the journal prevents this.
      expect([0, 1]).toContain(code);
    } finally {
      await api.close();
    }
  });
});

describe('a duplicate that arises however it may', () => {
  it('ends as a conflict with exit 1 once the directory is listed again after the run, never exit 0', async () => {
    const api = await start({ directories: [LGWAN], provisionDelayMs: 40 });
    try {
      const folder = tmp.dir('late-duplicate-');
      const roster = path.join(folder, 'roster.csv');
      fs.writeFileSync(roster, 'user,tier,size\ntanaka,lgwan,STANDARD\nsato,lgwan,STANDARD\n');
      // While this run waits for its desktops, someone else (a second machine with its own state folder)
      // gives tanaka another WorkSpace.
      let injected = false;
      const set = api.state.calls.set.bind(api.state.calls);
      api.state.calls.set = (op: string, n: number) => {
        if (op === 'CreateWorkspaces' && !injected) {
          injected = true;
          setTimeout(() => api.state.seedWorkspace({ DirectoryId: LGWAN, UserName: 'tanaka' }), 5);
        }
        return set(op, n);
      };
      const code = await main(['node', 'closed-telework', 'roster', 'apply', roster, '--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--state-dir', path.join(folder, 'state'), '--poll-interval', '0.01', '--wait-timeout', '5', '--api-rate', '5000', '--create-rate', '100', '--describe-rate', '500']);
      expect(injected).toBe(true);
      expect(code).toBe(1);
      const line = out.join('').split('\n').find((l) => / tanaka /.test(l)) ?? '';
      expect(line).toMatch(/^conflict .*2 distinct WorkSpaces for one user \(ws-\w+, ws-\w+\).*found when the directory was listed again/);
      expect(out.join('')).toMatch(/PARTIAL/);
    } finally {
      await api.close();
    }
  });
});
