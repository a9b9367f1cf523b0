/**
 * cfn-guard runs side by side, inside a synchronous policy-validation plugin (node:worker_threads).
 *
 * Why: a CDK validation plugin's validate() must return its report synchronously, and the unmodified
 * CfnGuardValidator runs cfn-guard with spawnSync, which holds the thread it is called on. Independent runs
 * (guard-input.ts planGuardRuns) can use the machine's other cores only from other threads: each worker
 * thread takes the next run from a shared counter and calls the same validator there, while the main thread
 * takes runs too. The main thread then waits on shared memory (Atomics.wait, which Node allows on the main
 * thread) and reads each worker's reports synchronously (receiveMessageOnPort).
 *
 * Fail closed: a run that throws, in any thread, throws here with its message (the synth fails, as it does
 * when the validator throws); a run a worker claimed but never reported within the time limit throws too.
 * With one core, or one run, everything runs on the main thread exactly as before.
 */
import * as os from 'os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'worker_threads';
import type { PolicyViolationBeta1 } from 'aws-cdk-lib';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';

export interface GuardJob {
  /** Rule files, as handed to cfn-guard. */
  readonly rules: readonly string[];
  /** Data files, as handed to cfn-guard. */
  readonly data: readonly string[];
}

export interface GuardJobReport {
  success: boolean;
  violations: PolicyViolationBeta1[];
}

/** What the validator reports for one job; the same code runs in the main thread and in the workers. */
function validateJob(job: GuardJob): GuardJobReport {
  const report = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: [...job.rules] }).validate({ templatePaths: [...job.data] } as never);
  return { success: report.success, violations: report.violations };
}

/**
 * The worker's whole program. It is plain JavaScript evaluated from a string, so it runs the same under
 * bin/register-ts.js, jest and the compiled package; it loads the validator the main thread resolved.
 */
const WORKER_PROGRAM = `
const { workerData } = require('worker_threads');
const { jobs, port, state, validatorModule } = workerData;
const next = new Int32Array(state, 0, 1);
const done = new Int32Array(state, 4, jobs.length);
let validator;
let loadError;
try {
  validator = require(validatorModule).CfnGuardValidator;
} catch (e) {
  loadError = e;
}
for (;;) {
  const i = Atomics.add(next, 0, 1);
  if (i >= jobs.length) break;
  let message;
  try {
    if (loadError) throw loadError;
    const report = new validator({ controlTowerRulesEnabled: false, rules: jobs[i].rules }).validate({ templatePaths: jobs[i].data });
    message = { i, report: { success: report.success, violations: report.violations } };
  } catch (e) {
    message = { i, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(message);
  Atomics.store(done, i, 1);
  Atomics.notify(done, i);
}
port.close();
`;

/** How many runs at once by default: the cores Node may use, at most four (each run is one cfn-guard process). */
export function defaultGuardParallelism(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** A worker that claimed a run and never reported it: give up after this long rather than hang the synth. */
const CLAIMED_RUN_LIMIT_MS = 15 * 60 * 1000;

interface WorkerMessage {
  i: number;
  report?: GuardJobReport;
  error?: string;
}

export interface RunOptions {
  /**
   * false: only worker threads run cfn-guard and the main thread waits (tests use this to exercise the
   * workers, which otherwise may find every job taken by the main thread).
   * @default true
   */
  readonly mainThreadTakesJobs?: boolean;
}

/**
 * Runs every job through the unmodified CfnGuardValidator, up to `parallelism` at once, and returns their
 * reports in job order. Jobs are taken in the order given, so put the longest first.
 */
export function runGuardJobs(jobs: readonly GuardJob[], parallelism: number = defaultGuardParallelism(), options: RunOptions = {}): GuardJobReport[] {
  if (jobs.length === 0) return [];
  const mainTakesJobs = options.mainThreadTakesJobs ?? true;
  const workerCount = Math.max(mainTakesJobs ? 0 : 1, Math.min(Math.floor(parallelism), jobs.length) - (mainTakesJobs ? 1 : 0));
  if (workerCount === 0) return jobs.map(validateJob);

  // [0]: the next unclaimed job; [1 + i]: 1 once a worker has posted job i's report.
  const state = new SharedArrayBuffer(4 * (1 + jobs.length));
  const next = new Int32Array(state, 0, 1);
  const done = new Int32Array(state, 4, jobs.length);
  const plainJobs = jobs.map((job) => ({ rules: [...job.rules], data: [...job.data] }));
  const validatorModule = require.resolve('@cdklabs/cdk-validator-cfnguard');
  const ports = Array.from({ length: workerCount }, () => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_PROGRAM, { eval: true, workerData: { jobs: plainJobs, port: port2, state, validatorModule }, transferList: [port2] });
    worker.unref(); // never keeps the process alive; it ends on its own once no job is left
    return port1;
  });

  const reports = new Map<number, GuardJobReport>();
  const mine = new Set<number>();
  for (let i = mainTakesJobs ? Atomics.add(next, 0, 1) : jobs.length; i < jobs.length; i = Atomics.add(next, 0, 1)) {
    mine.add(i);
    reports.set(i, validateJob(jobs[i] as GuardJob));
  }

  const deadline = Date.now() + CLAIMED_RUN_LIMIT_MS;
  const collect = (): void => {
    for (const port of ports) {
      for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
        const message = received.message as WorkerMessage;
        if (message.error !== undefined || message.report === undefined) {
          throw new Error(`cfn-guard run ${message.i + 1} of ${jobs.length} failed: ${message.error ?? 'no report'}`);
        }
        reports.set(message.i, message.report);
      }
    }
  };
  for (let i = 0; i < jobs.length; i++) {
    if (mine.has(i)) continue;
    while (!reports.has(i)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`cfn-guard run ${i + 1} of ${jobs.length} did not report within ${CLAIMED_RUN_LIMIT_MS / 60000} minutes`);
      // Posted before it is flagged: once flagged, the report is already in the port's queue.
      Atomics.wait(done, i, 0, Math.min(left, 1000));
      collect();
    }
  }
  for (const port of ports) port.close();
  return jobs.map((_, i) => reports.get(i) as GuardJobReport);
}
