/**
 * `closed-telework roster plan|apply` end to end through the commander program, against the local
 * WorkSpaces server with the real SDK client: output tables, --report-json, terminate confirmation and
 * the documented exit codes (0 success, 1 partial, 2 invalid input / nothing applied, 3 total failure).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { main } from '../../lib/cli/main';
import { RunningServer, start } from '../support/workspaces-api';
import { captureOutput, useTestAwsEnvironment } from '../support/cli-harness';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('roster-command-');

const LGWAN = 'd-1111111111';
const INTERNET = 'd-2222222222';
const KEY = 'arn:aws:kms:ap-northeast-1:123456789012:key/11111111-2222-3333-4444-555555555555';

let dir: string;
useTestAwsEnvironment();
const { out, err } = captureOutput();

beforeAll(() => {
  dir = tmp.dir('roster-cli-');
});

function writeRoster(name: string, text: string, encoding: 'utf8' | 'sjis' = 'utf8'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, encoding === 'sjis' ? iconv.encode(text, 'Shift_JIS') : Buffer.from(text, 'utf8'));
  return file;
}

const run = (api: RunningServer | undefined, ...args: string[]) =>
  main([
    'node',
    'closed-telework',
    ...args,
    ...(api ? ['--endpoint-url', api.endpoint] : []),
    '--directory', `lgwan=${LGWAN}`,
    '--directory', `internet=${INTERNET}`,
    '--size-bundle', 'STANDARD=wsb-stand0001',
  ]);
const fast = ['--api-rate', '5000', '--create-rate', '200', '--describe-rate', '500', '--poll-interval', '0.01', '--consistency-window', '0.05', '--wait-timeout', '5', '--volume-key', KEY];

describe('roster plan', () => {
  let api: RunningServer;
  beforeAll(async () => {
    api = await start({ directories: [LGWAN, INTERNET] });
    api.state.seedWorkspace({ DirectoryId: LGWAN, UserName: 'tanaka', BundleId: 'wsb-stand0001', tags: [{ Key: 'mic:tier', Value: 'lgwan' }, { Key: 'mic:running-mode', Value: 'AUTO_STOP' }] });
    api.state.seedWorkspace({ DirectoryId: LGWAN, UserName: 'suzuki', BundleId: 'wsb-stand0001', WorkspaceProperties: { RunningMode: 'ALWAYS_ON' }, tags: [] });
    api.state.seedWorkspace({ DirectoryId: INTERNET, UserName: 'leaver', BundleId: 'wsb-stand0001' });
  });
  afterAll(() => api.close());

  it('prints create / keep / modify / terminate for a Shift_JIS roster and changes nothing', async () => {
    const file = writeRoster('plan.csv', 'ユーザー名,系,サイズ,実行モード\r\ntanaka,LGWAN接続系,スタンダード,自動停止\r\nsuzuki,LGWAN接続系,スタンダード,自動停止\r\nsato,インターネット接続系,スタンダード,常時稼働\r\n', 'sjis');
    const before = api.state.workspaces.length;
    expect(await run(api, 'roster', 'plan', file)).toBe(0);
    const text = out.join('');
    const line = (user: string) => text.split('\n').find((l) => l.includes(` ${user} `)) ?? '';
    expect(line('tanaka')).toMatch(/^keep \(維持\)/);
    expect(line('suzuki')).toMatch(/^modify \(変更\).*runningMode: ALWAYS_ON → AUTO_STOP; tierTag: \(none\) → lgwan; modeTag: \(none\) → AUTO_STOP/);
    expect(line('sato')).toMatch(/^create \(作成\).*インターネット接続系.*wsb-stand0001 ALWAYS_ON/);
    expect(line('leaver')).toMatch(/^terminate \(削除\).*not on the roster/);
    expect(text).toContain('1 to create, 1 to keep, 1 to modify, 1 to terminate, 0 conflict(s)');
    expect(api.state.workspaces.length).toBe(before);
    expect(api.log.filter((op) => !op.startsWith('Describe') && op !== 'GetResources')).toEqual([]); // reads only
  });

  it('prints the plan as JSON with --json', async () => {
    const file = writeRoster('plan2.csv', 'user,tier,size\ntanaka,lgwan,STANDARD\n');
    expect(await run(api, 'roster', 'plan', file, '--json')).toBe(0);
    const json = JSON.parse(out.join(''));
    // suzuki (lgwan, not on this roster) is a leaver; the internet directory has no roster line: left alone.
    expect(json.counts).toEqual({ create: 0, keep: 1, modify: 0, terminate: 1, conflict: 0 });
    expect(json.unmentionedDirectories).toEqual([{ directoryId: INTERNET, tier: 'internet', workspaces: 1 }]);
  });

  it('exits 2 on an invalid roster, naming line and field, without calling the API', async () => {
    const file = writeRoster('bad.csv', 'user,tier,size\nyamada,マイナンバー利用事務系,STANDARD\n');
    const calls = api.log.length;
    expect(await run(api, 'roster', 'plan', file)).toBe(2);
    expect(err.join('')).toMatch(/line 2 \(2 行目\), tier \(系\): Personal-number tier/);
    expect(api.log.length).toBe(calls);
  });

  it('exits 2 for a missing file, a bad --directory and a bad --endpoint-url', async () => {
    expect(await run(api, 'roster', 'plan', path.join(dir, 'nope.csv'))).toBe(2);
    expect(err.join('')).toMatch(/cannot read the roster \(ENOENT\)/);
    const file = writeRoster('ok.csv', 'user,tier,size\nx1,lgwan,STANDARD\n');
    expect(await main(['node', 'ct', 'roster', 'plan', file, '--directory', 'dmz=d-1'])).toBe(2);
    expect(err.join('')).toMatch(/--directory dmz=d-1: expected TIER=DIRECTORY_ID/);
    expect(await main(['node', 'ct', 'roster', 'plan', file, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--endpoint-url', 'not a url'])).toBe(2);
    expect(err.join('')).toMatch(/--endpoint-url not a url: not a URL/);
    expect(await main(['node', 'ct', 'roster', 'apply', file, '--create-rate', '-1'])).toBe(2);
    expect(err.join('')).toMatch(/--create-rate -1: expected a positive number/);
  });
});

describe('roster apply', () => {
  it('creates, modifies and reports; exit 0; --report-json written; created desktops are hardened and tagged', async () => {
    const api = await start({ directories: [LGWAN, INTERNET] });
    try {
      api.state.seedWorkspace({ DirectoryId: LGWAN, UserName: 'suzuki', BundleId: 'wsb-stand0001', WorkspaceProperties: { RunningMode: 'ALWAYS_ON' }, tags: [] });
      const users = Array.from({ length: 30 }, (_, i) => `user${i},lgwan,STANDARD`);
      const file = writeRoster('apply.csv', ['user,tier,size', 'suzuki,lgwan,STANDARD', ...users, 'sato,internet,STANDARD'].join('\n') + '\n');
      const report = path.join(dir, 'report.json');
      expect(await run(api, 'roster', 'apply', file, ...fast, '--report-json', report, '--state-dir', path.join(dir, 'state-j1'))).toBe(0);
      const json = JSON.parse(fs.readFileSync(report, 'utf8'));
      expect(json.exitCode).toBe(0);
      expect(json.counts).toMatchObject({ created: 31, modified: 1, failed: 0 });
      expect(api.log.filter((o) => o === 'CreateWorkspaces')).toHaveLength(2); // 31 users → batches of 25 + 6
      expect(out.join('')).toMatch(/complete \(完了\): 31 created, 0 kept, 1 modified/);
      expect(err.join('')).toMatch(/\[1\/32\] /); // plain progress lines when stderr is not a TTY
      const sato = api.state.liveWorkspaces().find((w) => w.UserName === 'sato')!;
      expect(sato.tags).toEqual([{ Key: 'mic:tier', Value: 'internet' }, { Key: 'mic:running-mode', Value: 'AUTO_STOP' }]);
      expect(sato).toMatchObject({ RootVolumeEncryptionEnabled: true, UserVolumeEncryptionEnabled: true, VolumeEncryptionKey: KEY });
      expect(sato.WorkspaceProperties).toMatchObject({ RunningMode: 'AUTO_STOP', RunningModeAutoStopTimeoutInMinutes: 60, Protocols: ['WSP'] });
      const suzuki = api.state.liveWorkspaces().find((w) => w.UserName === 'suzuki')!;
      expect(suzuki.WorkspaceProperties.RunningMode).toBe('AUTO_STOP');
      expect(suzuki.tags).toContainEqual({ Key: 'mic:tier', Value: 'lgwan' });
      expect(fs.readdirSync(path.join(dir, 'state-j1', 'apply-journals', 'ap-northeast-1'))).toEqual([]); // nothing in doubt: journals and locks removed
      // A second apply finds nothing to do.
      expect(await run(api, 'roster', 'apply', file, ...fast, '--state-dir', path.join(dir, 'state-j1'))).toBe(0);
      expect(api.log.filter((o) => o === 'CreateWorkspaces')).toHaveLength(2);
    } finally {
      await api.close();
    }
  });

  it('terminates only with --terminate and a --yes-terminate equal to the plan\'s count (else exit 2, nothing applied)', async () => {
    const api = await start({ directories: [LGWAN, INTERNET] });
    try {
      api.state.seedWorkspace({ DirectoryId: LGWAN, UserName: 'leaver1' });
      api.state.seedWorkspace({ DirectoryId: INTERNET, UserName: 'leaver2' });
      api.state.seedWorkspace({ DirectoryId: LGWAN, UserName: 'stays', tags: [{ Key: 'mic:tier', Value: 'lgwan' }] });
      api.state.seedWorkspace({ DirectoryId: INTERNET, UserName: 'net1', tags: [{ Key: 'mic:tier', Value: 'internet' }] });
      const file = writeRoster('term.csv', 'user,tier,size\nstays,lgwan,STANDARD\nnewbie,lgwan,STANDARD\nnet1,internet,STANDARD\n');
      const j = ['--state-dir', path.join(dir, 'state-j2')];
      expect(await run(api, 'roster', 'apply', file, ...fast, ...j, '--terminate')).toBe(2);
      expect(err.join('')).toMatch(/would terminate 2 WorkSpace\(s\); confirm with --yes-terminate=2/);
      for (const wrong of ['3', '0', '0x2', '2.0', '2e0', ' 2', '+2', '02', '-2']) {
        err.length = 0;
        expect(await run(api, 'roster', 'apply', file, ...fast, ...j, '--terminate', `--yes-terminate=${wrong}`)).toBe(2);
        expect(err.join('')).toMatch(/--yes-terminate=.*(does not match the 2|plain decimal integer)/);
      }
      expect(await run(api, 'roster', 'apply', file, ...fast, ...j, '--yes-terminate', '2')).toBe(2);
      expect(err.join('')).toMatch(/--yes-terminate needs --terminate/);
      expect(api.log.filter((o) => !o.startsWith('Describe') && o !== 'GetResources')).toEqual([]); // nothing applied so far
      // Without --terminate: leavers are reported, not touched.
      expect(await run(api, 'roster', 'apply', file, ...fast, ...j)).toBe(0);
      expect(out.join('')).toMatch(/2 not terminated \(no --terminate\)/);
      expect(api.state.liveWorkspaces().map((w) => w.UserName).sort()).toEqual(['leaver1', 'leaver2', 'net1', 'newbie', 'stays']);
      expect(await run(api, 'roster', 'apply', file, ...fast, ...j, '--terminate', '--yes-terminate=2')).toBe(0);
      expect(api.state.liveWorkspaces().map((w) => w.UserName).sort()).toEqual(['net1', 'newbie', 'stays']);
      // The plan now terminates none: a stale count is refused, only 0 confirms.
      expect(await run(api, 'roster', 'apply', file, ...fast, ...j, '--terminate', '--yes-terminate=2')).toBe(2);
      expect(err.join('')).toMatch(/--yes-terminate=2 does not match the 0 WorkSpace/);
      expect(await run(api, 'roster', 'apply', file, ...fast, ...j, '--terminate', '--yes-terminate=0')).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('exits 1 on partial success and 3 when every change fails', async () => {
    const api = await start({ directories: [LGWAN, INTERNET], bundles: [{ BundleId: 'wsb-stand0001', Name: 's', Owner: 'AMAZON', ComputeType: { Name: 'STANDARD' } }] });
    try {
      // One user's bundle does not exist: that item comes back in FailedRequests (not retryable).
      const partial = writeRoster('partial.csv', 'user,tier,bundle\nok1,lgwan,wsb-stand0001\nbad1,lgwan,wsb-missing01\n');
      expect(await run(api, 'roster', 'apply', partial, ...fast, '--state-dir', path.join(dir, 'state-j3'))).toBe(1);
      expect(out.join('')).toMatch(/PARTIAL — a person must follow up \(一部失敗・要対応\): 1 created/);
      expect(out.join('')).toMatch(/failed\s+create\s+bad1.*ResourceNotFound\.Bundle/);
      out.length = 0;
      const total = writeRoster('total.csv', 'user,tier,bundle\nok1,lgwan,wsb-stand0001\nbad2,lgwan,wsb-missing01\nbad3,internet,wsb-missing01\n');
      expect(await run(api, 'roster', 'apply', total, ...fast, '--state-dir', path.join(dir, 'state-j4'))).toBe(3);
      expect(out.join('')).toMatch(/FAILED \(失敗\): 0 created, 1 kept/);
    } finally {
      await api.close();
    }
  });

  it('exits 2 before any API call when the journal cannot be written', async () => {
    const api = await start({ directories: [LGWAN, INTERNET] });
    try {
      const file = writeRoster('journal.csv', 'user,tier,size\nx,lgwan,STANDARD\n');
      const notADir = writeRoster('not-a-dir', 'x');
      expect(await run(api, 'roster', 'apply', file, ...fast, '--state-dir', path.join(notADir, 'state'))).toBe(2);
      expect(err.join('')).toMatch(/cannot use the apply journal/);
      expect(api.log).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('exits 2 before any API call while another apply holds the directory lock, and leaves that lock alone', async () => {
    const api = await start({ directories: [LGWAN, INTERNET] });
    try {
      const file = writeRoster('locked.csv', 'user,tier,size\nx,lgwan,STANDARD\n');
      const state = path.join(dir, 'state-locked');
      const lockFile = path.join(state, 'apply-journals', 'ap-northeast-1', `${INTERNET}.jsonl.lock`);
      fs.mkdirSync(path.dirname(lockFile), { recursive: true });
      // A live holder: this very test process, on this host.
      const holder = JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-11-21T00:00:00.000Z' });
      fs.writeFileSync(lockFile, holder);
      // The lock belongs to the directory: a roster under any other name is refused the same way.
      expect(await run(api, 'roster', 'apply', file, ...fast, '--state-dir', state)).toBe(2);
      expect(err.join('')).toMatch(/another roster apply holds .*d-2222222222\.jsonl\.lock \(pid \d+ on .* since 2026-11-21T00:00:00\.000Z\)/);
      expect(err.join('')).toMatch(/別の roster apply が実行中です/);
      expect(api.log).toEqual([]);
      expect(fs.readFileSync(lockFile, 'utf8')).toBe(holder);
      // The LGWAN directory's lock was taken first (sorted) and given back: nothing is half-locked.
      expect(fs.existsSync(path.join(state, 'apply-journals', 'ap-northeast-1', `${LGWAN}.jsonl.lock`))).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('releases its locks when it ends, so the next apply can run', async () => {
    const api = await start({ directories: [LGWAN, INTERNET] });
    try {
      const file = writeRoster('unlock.csv', 'user,tier,size\nx,lgwan,STANDARD\n');
      const state = path.join(dir, 'state-unlock');
      expect(await run(api, 'roster', 'apply', file, ...fast, '--state-dir', state)).toBe(0);
      expect(fs.readdirSync(path.join(state, 'apply-journals', 'ap-northeast-1'))).toEqual([]);
      expect(await run(api, 'roster', 'apply', file, ...fast, '--state-dir', state)).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('exits 2 when the account cannot be read before anything is applied (unregistered endpoint port)', async () => {
    const api = await start({ directories: [LGWAN, INTERNET] });
    const endpoint = api.endpoint;
    await api.close();
    const file = writeRoster('down.csv', 'user,tier,size\nx,lgwan,STANDARD\n');
    const code = await main(['node', 'ct', 'roster', 'apply', file, '--endpoint-url', endpoint, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--max-attempts', '1', '--state-dir', path.join(dir, 'state-j5')]);
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/ECONNREFUSED|connect/);
  });
});
