/**
 * Issue 14 §7: a roster for one tier, run with both --directory options, must never plan to terminate
 * every desktop of the other tier. The directory is left alone and the plan says so; emptying it takes an
 * explicit --empty-tier, which is refused when it contradicts the roster.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../lib/cli/main';
import { computePlan } from '../../../lib/roster/plan/roster-plan';
import { Tier } from '../../../lib/tiers/tier';
import { RunningServer, start } from '../../support/workspaces-api';
import { captureOutput, useTestAwsEnvironment } from '../../support/cli-harness';
import { BUNDLE, INTERNET_DIR, LGWAN_DIR, entry } from '../apply/roster-harness';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('unmentioned-tier-');

useTestAwsEnvironment();
const { out, err } = captureOutput();

const tiers = new Map<string, Tier>([[LGWAN_DIR, 'lgwan'], [INTERNET_DIR, 'internet']]);
const ws = (userName: string, directoryId: string) => ({ workspaceId: `ws-${userName}`, directoryId, userName, bundleId: BUNDLE, state: 'AVAILABLE', runningMode: 'AUTO_STOP' });

describe('computePlan', () => {
  it('leaves a directory no roster line is in alone, and names it', () => {
    const plan = computePlan([entry('a')], [ws('a', LGWAN_DIR), ws('n1', INTERNET_DIR), ws('n2', INTERNET_DIR)], tiers);
    expect(plan.actions.map((a) => a.kind)).toEqual(['keep']);
    expect(plan.unmentioned).toEqual([{ directoryId: INTERNET_DIR, tier: 'internet', workspaces: 2 }]);
    expect(plan.directories).toEqual([LGWAN_DIR]);
  });

  it('plans emptying it only for a tier declared empty', () => {
    const plan = computePlan([entry('a')], [ws('a', LGWAN_DIR), ws('n1', INTERNET_DIR), ws('n2', INTERNET_DIR)], tiers, { emptyTiers: new Set<Tier>(['internet']) });
    expect(plan.actions.map((a) => a.kind)).toEqual(['keep', 'terminate', 'terminate']);
    expect(plan.unmentioned).toEqual([]);
  });
});

describe('roster plan / apply with a one-tier roster and both directories', () => {
  let api: RunningServer;
  let roster: string;
  const argv = (...extra: string[]) => ['node', 'ct', ...extra, '--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN_DIR}`, '--directory', `internet=${INTERNET_DIR}`, '--size-bundle', `STANDARD=${BUNDLE}`];
  beforeEach(async () => {
    api = await start({ directories: [LGWAN_DIR, INTERNET_DIR] });
    api.state.seedWorkspace({ DirectoryId: LGWAN_DIR, UserName: 'tanaka', tags: [{ Key: 'mic:tier', Value: 'lgwan' }] });
    for (const u of ['net1', 'net2', 'net3']) api.state.seedWorkspace({ DirectoryId: INTERNET_DIR, UserName: u, tags: [{ Key: 'mic:tier', Value: 'internet' }] });
    roster = path.join(tmp.dir('one-tier-'), 'lgwan-only.csv');
    fs.writeFileSync(roster, 'ユーザー名,系,サイズ\ntanaka,LGWAN接続系,スタンダード\n');
  });
  afterEach(() => api.close());

  it('plan: nothing to terminate in the internet directory, and a bilingual notice naming --empty-tier', async () => {
    expect(await main(argv('roster', 'plan', roster))).toBe(0);
    const text = out.join('');
    expect(text).toContain('0 to terminate');
    expect(text).toMatch(/notice \(注意\): directory d-2222222222 \(internet\) was given with --directory, but no roster line is in the internet tier: its 3 WorkSpace\(s\) are left alone\. .*--empty-tier internet/);
    expect(text).toMatch(/名簿にこの系の利用者が 1 人もいないため/);
  });

  it('apply --terminate: the internet desktops survive; the notice goes to stderr', async () => {
    const state = path.join(path.dirname(roster), 'state');
    expect(await main([...argv('roster', 'apply', roster), '--terminate', '--yes-terminate=0', '--state-dir', state, '--poll-interval', '0.01', '--wait-timeout', '5'])).toBe(0);
    expect(api.state.liveWorkspaces().map((w) => w.UserName).sort()).toEqual(['net1', 'net2', 'net3', 'tanaka']);
    expect(err.join('')).toMatch(/notice: directory d-2222222222 \(internet\)/);
  });

  it('--empty-tier internet makes emptying it a plan (3 terminations), still behind --terminate and the count', async () => {
    expect(await main([...argv('roster', 'plan', roster), '--empty-tier', 'internet', '--json'])).toBe(0);
    expect(JSON.parse(out.join('')).counts.terminate).toBe(3);
  });

  it('--empty-tier is refused (exit 2, no API call) when the roster has users in that tier or it has no directory', async () => {
    expect(await main([...argv('roster', 'plan', roster), '--empty-tier', 'lgwan'])).toBe(2);
    expect(err.join('')).toMatch(/--empty-tier lgwan: the roster has 1 user\(s\) in the lgwan tier \(line 2 first\)/);
    expect(await main(['node', 'ct', 'roster', 'plan', roster, '--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN_DIR}`, '--size-bundle', `STANDARD=${BUNDLE}`, '--empty-tier', 'internet'])).toBe(2);
    expect(err.join('')).toMatch(/no --directory internet=d-… was given/);
    expect(api.log).toEqual([]);
  });
});
