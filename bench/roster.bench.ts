/**
 * `npm run bench -- roster`: `roster apply` for 1,000 new users against the local WorkSpaces server at a
 * configured rate limit, reported as a ratio to the rate-limit floor.
 *
 * Floor: the essential work is ceil(1000 / 25) = 40 CreateWorkspaces calls; with the server's token bucket
 * (rate r, burst b) they cannot take less than (40 − b) / r seconds. Describe calls (plan listing, the
 * re-check before each batch, waiting for AVAILABLE) have their own bucket and are reported with their own
 * floor; the binding floor is the larger. Provisioning time is 0 here: it is AWS's time, not a rate limit.
 * Target: ratio ≤ 1.2.
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
/** CreateWorkspaces: 5 calls/s (above the ≈ 2/s old AWS docs mention, so the bench stays short). */
const CREATE = { perSecond: 5, burst: 2 };
/** Describe*: a bucket larger than a third of a second of refill, as AWS API buckets usually are. */
const DESCRIBE = { perSecond: 150, burst: 50 };
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
start(workerData).then((api) => {
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

function startServerWorker(): Promise<{ endpoint: string; stats: () => Promise<ServerStats> }> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      directories: [LGWAN, INTERNET],
      rateLimits: { CreateWorkspaces: CREATE, DescribeWorkspaces: DESCRIBE, DescribeTags: DESCRIBE, '*': { perSecond: 20, burst: 5 } },
    },
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

export async function run(): Promise<void> {
  const server = await startServerWorker();
  const entries: RosterEntry[] = Array.from({ length: USERS }, (_, i) => ({
    line: i + 2,
    userName: `staff${String(i).padStart(4, '0')}`,
    tier: i % 4 === 0 ? 'internet' : 'lgwan',
    directoryId: i % 4 === 0 ? INTERNET : LGWAN,
    bundleId: 'wsb-stand0001',
    runningMode: 'AUTO_STOP',
  }));
  const clients = createWorkSpacesClients({ endpointUrl: server.endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 8 });
  // Configured as an operator would with --create-rate / --describe-rate: CreateWorkspaces at the quota (it
  // is the binding limit), Describe at 90 % of it (a throttled Describe costs the SDK's throttling backoff,
  // about a second, and holds up the batch it re-checks).
  const gateway = new WorkSpacesGateway(clients, { createPerSecond: CREATE.perSecond, describePerSecond: DESCRIBE.perSecond * 0.9 });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = await planRoster(gateway, entries, { lgwan: LGWAN, internet: INTERNET });
  const report = await applyPlan(plan, { gateway, journal: ApplyJournal.open(undefined), pollIntervalMs: 200, consistency: { checks: 5, windowMs: 1000 } });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clients.destroy();
  const s = await server.stats();

  const creates = s.calls.CreateWorkspaces ?? 0;
  const describes = (s.calls.DescribeWorkspaces ?? 0) + (s.calls.DescribeTags ?? 0);
  const createFloor = (Math.ceil(USERS / 25) - CREATE.burst) / CREATE.perSecond;
  const describeFloor = Math.max(0, describes - DESCRIBE.burst) / DESCRIBE.perSecond;
  const floor = Math.max(createFloor, describeFloor);
  process.stdout.write(
    [
      `users: ${USERS}; server limits: CreateWorkspaces ${CREATE.perSecond}/s (burst ${CREATE.burst}), Describe ${DESCRIBE.perSecond}/s (burst ${DESCRIBE.burst})`,
      `result: exit ${report.exitCode}, created ${report.counts.created}, failed ${report.counts.failed}, live WorkSpaces ${s.live}, users with duplicates ${s.duplicates}`,
      `calls: CreateWorkspaces ${creates} (throttled ${s.throttled.CreateWorkspaces ?? 0}), Describe* ${describes} (throttled ${(s.throttled.DescribeWorkspaces ?? 0) + (s.throttled.DescribeTags ?? 0)})`,
      `floor: CreateWorkspaces ${createFloor.toFixed(2)} s, Describe ${describeFloor.toFixed(2)} s → binding ${floor.toFixed(2)} s`,
      `client CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s over ${seconds.toFixed(2)} s wall`,
      `run time: ${seconds.toFixed(2)} s → ratio ${(seconds / floor).toFixed(3)} × floor (target ≤ 1.2)`,
      '',
    ].join('\n'),
  );
  if (report.exitCode !== 0 || s.duplicates > 0 || report.counts.created !== USERS || s.live !== USERS) {
    throw new Error('roster bench: the run did not create exactly one WorkSpace per user');
  }
}
