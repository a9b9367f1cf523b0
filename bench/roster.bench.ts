/**
 * `npm run bench -- roster`: the roster tool at the size that matters, against the local WorkSpaces server
 * behind a token-bucket rate limit, each result as a ratio to the rate-limit floor, both in one run.
 *
 * Limit: every WorkSpaces call shares ONE bucket of 10 requests/s (burst 10) — "a 10 requests/s limit" —
 * and the Resource Groups Tagging API, another service, has its own of 5/s (burst 5).
 *
 * A. `roster apply`, 1,000 new users, the tool's DEFAULT settings (no rate options).
 *    Floor: the calls any run that keeps the tool's guarantees must make, through that bucket —
 *    1 listing page per (empty) directory + ceil(1000/25) = 40 CreateWorkspaces + 40 DescribeWorkspaces by
 *    id to confirm AVAILABLE + 40 listing pages after the run (the duplicate check) = 122 calls →
 *    (122 − burst) / 10 s. Target ≤ 1.2. Provisioning time is 0 here: it is AWS's time, not a rate limit.
 * B. `roster plan` over 1,000 existing, tagged desktops of rostered users (defaults).
 *    Floor: 40 listing pages through the WorkSpaces bucket, 10 GetResources pages through the tagging
 *    bucket; the larger. No DescribeTags at all (was one per desktop: ≥ 100 s at this limit).
 *
 * The server runs in a worker thread, as the real service runs elsewhere: on a shared, loaded machine the
 * client's CPU share would otherwise be split with the server's JSON work and distort the ratio.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { createWorkSpacesClients } from '../lib/roster/aws/workspaces-clients';
import { WorkSpacesGateway } from '../lib/roster/aws/workspaces-gateway';
import { ApplyJournal } from '../lib/roster/apply/apply-journal';
import { applyPlan } from '../lib/roster/apply/apply-plan';
import { planRoster } from '../lib/roster/plan/plan-roster';
import { RosterEntry } from '../lib/roster/roster-entry';

const USERS = 1000;
const LIMIT = { perSecond: 10, burst: 10 };
const TAGGING = { perSecond: 5, burst: 5 };
const LGWAN = 'd-1111111111';
const INTERNET = 'd-2222222222';

interface ServerStats {
  calls: Record<string, number>;
  throttled: Record<string, number>;
  live: number;
  duplicates: number;
}

const WORKER_SOURCE = `
require(${JSON.stringify(path.join(__dirname, '..', 'bin', 'register-ts.js'))});
const { parentPort, workerData } = require('worker_threads');
const { start } = require(${JSON.stringify(path.join(__dirname, '..', 'test', 'support', 'workspaces-api'))});
start(workerData.options).then((api) => {
  for (const seed of workerData.seed) api.state.seedWorkspace(seed);
  parentPort.postMessage({ endpoint: api.endpoint });
  parentPort.on('message', async (msg) => {
    if (msg !== 'stats') return;
    const live = api.state.liveByUser();
    parentPort.postMessage({
      calls: Object.fromEntries(api.state.calls),
      throttled: Object.fromEntries(api.state.throttled),
      live: api.state.liveWorkspaces().length,
      duplicates: [...live.values()].filter((l) => l.length > 1).length,
    });
    await api.close();
    process.exit(0);
  });
});
`;

function startServerWorker(seed: unknown[] = []): Promise<{ endpoint: string; stats: () => Promise<ServerStats> }> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // '*' alone: every WorkSpaces operation draws from the same bucket; GetResources has its own.
    workerData: { options: { directories: [LGWAN, INTERNET], rateLimits: { '*': LIMIT, GetResources: TAGGING } }, seed },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { endpoint: string }) =>
      resolve({
        endpoint: m.endpoint,
        stats: () =>
          new Promise((res) => {
            worker.once('message', res);
            worker.postMessage('stats');
          }),
      }),
    );
  });
}

const roster: RosterEntry[] = Array.from({ length: USERS }, (_, i) => ({
  line: i + 2,
  userName: `staff${String(i).padStart(4, '0')}`,
  tier: i % 4 === 0 ? 'internet' : 'lgwan',
  directoryId: i % 4 === 0 ? INTERNET : LGWAN,
  bundleId: 'wsb-stand0001',
  runningMode: 'AUTO_STOP',
}));

const sum = (s: ServerStats, ...ops: string[]) => ops.reduce((n, op) => n + (s.calls[op] ?? 0), 0);
const throttled = (s: ServerStats) => Object.values(s.throttled).reduce((a, b) => a + b, 0);

async function applyNewUsers(): Promise<number> {
  const server = await startServerWorker();
  const clients = createWorkSpacesClients({ endpointUrl: server.endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  const gateway = new WorkSpacesGateway(clients); // the defaults, as `roster apply` without rate options
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = await planRoster(gateway, roster, { lgwan: LGWAN, internet: INTERNET });
  const report = await applyPlan(plan, { gateway, journal: ApplyJournal.open(undefined) });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clients.destroy();
  const s = await server.stats();
  const pages = (n: number) => Math.ceil(n / 25);
  const essential = 2 + Math.ceil(USERS / 25) + Math.ceil(USERS / 25) + pages(USERS * 0.75) + pages(USERS * 0.25);
  const floor = (essential - LIMIT.burst) / LIMIT.perSecond;
  const ratio = seconds / floor;
  process.stdout.write(
    [
      `A. roster apply, ${USERS} new users, default settings; limit ${LIMIT.perSecond} requests/s shared by every WorkSpaces call (burst ${LIMIT.burst})`,
      `   result: exit ${report.exitCode}, created ${report.counts.created}, live ${s.live}, users with duplicates ${s.duplicates}`,
      `   calls: CreateWorkspaces ${sum(s, 'CreateWorkspaces')}, DescribeWorkspaces ${sum(s, 'DescribeWorkspaces')}, DescribeTags ${sum(s, 'DescribeTags')}, other ${Object.values(s.calls).reduce((a, b) => a + b, 0) - sum(s, 'CreateWorkspaces', 'DescribeWorkspaces', 'DescribeTags')}; throttled ${throttled(s)}`,
      `   floor: ${essential} essential calls → ${floor.toFixed(2)} s; client CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
      `   run time: ${seconds.toFixed(2)} s → ratio ${ratio.toFixed(3)} × floor (target ≤ 1.2)`,
      '',
    ].join('\n'),
  );
  if (report.exitCode !== 0 || s.duplicates > 0 || report.counts.created !== USERS || s.live !== USERS) throw new Error('roster bench A: the run did not create exactly one WorkSpace per user');
  return ratio;
}

async function planExisting(): Promise<number> {
  const seed = roster.map((e) => ({ DirectoryId: e.directoryId, UserName: e.userName, tags: [{ Key: 'mic:tier', Value: e.tier }, { Key: 'mic:running-mode', Value: 'AUTO_STOP' }] }));
  const server = await startServerWorker(seed);
  const clients = createWorkSpacesClients({ endpointUrl: server.endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  const gateway = new WorkSpacesGateway(clients);
  const t0 = performance.now();
  const plan = await planRoster(gateway, roster, { lgwan: LGWAN, internet: INTERNET });
  const seconds = (performance.now() - t0) / 1000;
  clients.destroy();
  const s = await server.stats();
  const listingPages = Math.ceil((USERS * 0.75) / 25) + Math.ceil((USERS * 0.25) / 25);
  const tagPages = Math.ceil(USERS / 100);
  const floor = Math.max((listingPages - LIMIT.burst) / LIMIT.perSecond, (tagPages - TAGGING.burst) / TAGGING.perSecond);
  const keeps = plan.actions.filter((a) => a.kind === 'keep').length;
  const ratio = seconds / floor;
  process.stdout.write(
    [
      `B. roster plan over ${USERS} existing, tagged desktops (defaults); tagging API ${TAGGING.perSecond}/s (burst ${TAGGING.burst})`,
      `   result: keep ${keeps} of ${plan.actions.length}`,
      `   calls: DescribeWorkspaces ${sum(s, 'DescribeWorkspaces')}, GetResources ${sum(s, 'GetResources')}, DescribeTags ${sum(s, 'DescribeTags')} (per-desktop calls: ${sum(s, 'DescribeTags')}); throttled ${throttled(s)}`,
      `   floor: ${listingPages} listing pages, ${tagPages} tag pages → ${floor.toFixed(2)} s (one DescribeTags per desktop would add ≥ ${(USERS / LIMIT.perSecond).toFixed(0)} s at this limit)`,
      `   run time: ${seconds.toFixed(2)} s → ratio ${ratio.toFixed(3)} × floor`,
      '',
    ].join('\n'),
  );
  if (keeps !== USERS || sum(s, 'DescribeTags') !== 0) throw new Error('roster bench B: the plan did not keep every desktop without per-desktop calls');
  return ratio;
}

export async function run(): Promise<void> {
  const a = await applyNewUsers();
  const b = await planExisting();
  process.stdout.write(`roster ratios (one run): apply 1,000 new users ${a.toFixed(3)} × floor; plan over 1,000 existing ${b.toFixed(3)} × floor\n`);
}
