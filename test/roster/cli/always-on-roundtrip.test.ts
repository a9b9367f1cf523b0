/**
 * Issue 14 §5: one source of truth for the running mode. A roster with 常時稼働 (ALWAYS_ON) users is applied
 * and the account then audits clean; a desktop switched to ALWAYS_ON in the console (no roster behind it)
 * is drift — and `roster plan` agrees, proposing to switch it back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../lib/cli/main';
import { RunningServer, TEST_KEY_ARN, TEST_STREAMING_VPCE, hardenedDirectory, start } from '../../support/workspaces-api';
import { captureOutput, useTestAwsEnvironment } from '../../support/cli-harness';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('always-on-roundtrip-');

const LGWAN = 'd-1111111111';
const INTERNET = 'd-2222222222';
useTestAwsEnvironment();
const { out } = captureOutput();

describe('roster apply with 常時稼働 users, then audit', () => {
  let api: RunningServer;
  let dir: string;
  const common = () => ['--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN}`, '--directory', `internet=${INTERNET}`];
  const apply = (roster: string) =>
    main(['node', 'ct', 'roster', 'apply', roster, ...common(), '--size-bundle', 'STANDARD=wsb-stand0001', '--volume-key', TEST_KEY_ARN, '--state-dir', path.join(dir, 'state'), '--poll-interval', '0.01', '--wait-timeout', '5', '--api-rate', '5000', '--create-rate', '100', '--describe-rate', '500']);
  const audit = () => main(['node', 'ct', 'audit', ...common(), '--streaming-endpoint', TEST_STREAMING_VPCE, '--volume-key', TEST_KEY_ARN, '--describe-rate', '1000', '--api-rate', '5000']);

  beforeEach(async () => {
    api = await start({ directories: [hardenedDirectory(LGWAN), hardenedDirectory(INTERNET)] });
    dir = tmp.dir('always-on-');
  });
  afterEach(() => api.close());

  it('audits clean: the roster declared the ALWAYS_ON desktops, and the tag on each says so', async () => {
    const roster = path.join(dir, '名簿.csv');
    fs.writeFileSync(roster, 'ユーザー名,系,サイズ,実行モード\ntanaka,LGWAN接続系,スタンダード,自動停止\nsato,インターネット接続系,スタンダード,常時稼働\nsuzuki,LGWAN接続系,スタンダード,常時稼働\n');
    expect(await apply(roster)).toBe(0);
    const sato = api.state.liveWorkspaces().find((w) => w.UserName === 'sato')!;
    expect(sato.WorkspaceProperties.RunningMode).toBe('ALWAYS_ON');
    expect(sato.tags).toContainEqual({ Key: 'mic:running-mode', Value: 'ALWAYS_ON' });
    out.length = 0;
    expect(await audit()).toBe(0);
    expect(out.join('')).toContain('No drift from the hardening baseline');
    expect(out.join('')).toMatch(/0 drift\(s\) in 2 directory\(ies\) and 3 WorkSpace\(s\)/);
  });

  it('a desktop switched to ALWAYS_ON in the console is drift in audit AND a change in roster plan — they agree', async () => {
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'user,tier,size\ntanaka,lgwan,STANDARD\n');
    expect(await apply(roster)).toBe(0);
    api.state.liveWorkspaces()[0].WorkspaceProperties.RunningMode = 'ALWAYS_ON'; // the console, not the roster
    out.length = 0;
    expect(await audit()).toBe(1);
    const line = out.join('').split('\n').find((l) => l.startsWith('WSH-DESKTOP-AUTO-STOP ')) ?? '';
    expect(line).toMatch(/found "ALWAYS_ON"/);
    expect(line).toMatch(/enter 常時稼働 \(ALWAYS_ON\) for them in the roster and run `closed-telework roster apply`/);
    expect(line).toMatch(/名簿の実行モードを「常時稼働」にして roster apply/);
    out.length = 0;
    expect(await main(['node', 'ct', 'roster', 'plan', roster, ...common(), '--size-bundle', 'STANDARD=wsb-stand0001'])).toBe(0);
    expect(out.join('')).toMatch(/modify \(変更\).*runningMode: ALWAYS_ON → AUTO_STOP/);
  });

  it('a declaration tag alone does not make an AUTO_STOP desktop drift, and a roster change to 常時稼働 is applied and then audits clean', async () => {
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'user,tier,size,mode\ntanaka,lgwan,STANDARD,自動停止\n');
    expect(await apply(roster)).toBe(0);
    fs.writeFileSync(roster, 'user,tier,size,mode\ntanaka,lgwan,STANDARD,常時稼働\n');
    expect(await apply(roster)).toBe(0);
    const ws = api.state.liveWorkspaces()[0];
    expect(ws.WorkspaceProperties.RunningMode).toBe('ALWAYS_ON');
    expect(ws.tags).toContainEqual({ Key: 'mic:running-mode', Value: 'ALWAYS_ON' });
    expect(await audit()).toBe(0);
  });
});
