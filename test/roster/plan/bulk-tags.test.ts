/**
 * Issue 14 §8: a plan over many existing desktops makes no per-desktop call. Tags come from the Resource
 * Groups Tagging API (GetResources, 100 WorkSpaces per call); only a desktop it does not return (never
 * tagged, or not indexed yet) is read with DescribeTags; if GetResources is unavailable, every desktop is
 * read one by one — slower, never wrong — and the operator is told.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../lib/cli/main';
import { RunningServer, start } from '../../support/workspaces-api';
import { captureOutput, useTestAwsEnvironment } from '../../support/cli-harness';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('bulk-tags-');

const LGWAN = 'd-1111111111';
useTestAwsEnvironment();
const { out, err } = captureOutput();

const N = 260;
let api: RunningServer;
let roster: string;
beforeEach(async () => {
  api = await start({ directories: [LGWAN] });
  for (let i = 0; i < N; i++) {
    api.state.seedWorkspace({ DirectoryId: LGWAN, UserName: `u${i}`, tags: [{ Key: 'mic:tier', Value: 'lgwan' }, { Key: 'mic:running-mode', Value: 'AUTO_STOP' }] });
  }
  roster = path.join(tmp.dir('bulk-tags-'), 'roster.csv');
  fs.writeFileSync(roster, ['user,tier,size', ...Array.from({ length: N }, (_, i) => `u${i},lgwan,STANDARD`)].join('\n') + '\n');
});
afterEach(() => api.close());
const plan = () => main(['node', 'ct', 'roster', 'plan', roster, '--json', '--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--api-rate', '5000', '--max-attempts', '2']);

it(`plans ${N} tagged desktops with listing pages and GetResources pages only: no DescribeTags`, async () => {
  expect(await plan()).toBe(0);
  expect(JSON.parse(out.join('')).counts).toEqual({ create: 0, keep: N, modify: 0, terminate: 0, conflict: 0 });
  expect(api.state.calls.get('DescribeTags') ?? 0).toBe(0);
  expect(api.state.calls.get('GetResources')).toBe(Math.ceil(N / 100));
  expect(api.state.calls.get('DescribeWorkspaces')).toBe(Math.ceil(N / 25));
});

it('reads a desktop GetResources does not return (never tagged) with DescribeTags, and plans its tags', async () => {
  api.state.liveWorkspaces()[5].tags = [];
  expect(await plan()).toBe(0);
  expect(api.state.calls.get('DescribeTags')).toBe(1);
  expect(JSON.parse(out.join('')).counts).toMatchObject({ keep: N - 1, modify: 1 });
});

it('falls back to one DescribeTags per desktop when GetResources fails, says so, and plans the same', async () => {
  (api.faults as { schedule: unknown }).schedule = { seed: 1, operations: ['GetResources'], serverErrorRate: 1 };
  expect(await plan()).toBe(0);
  expect(JSON.parse(out.join('')).counts).toEqual({ create: 0, keep: N, modify: 0, terminate: 0, conflict: 0 });
  expect(api.state.calls.get('DescribeTags')).toBe(N);
  expect(err.join('')).toMatch(/warning: cannot read tags in bulk with the Resource Groups Tagging API .*tag:GetResources/);
});
