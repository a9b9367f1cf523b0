/**
 * `verify` side by side: a large input whose templates fall into independent parts (linking-keys.ts,
 * parts.ts) is judged on worker threads, one model per part, and the parts are merged into exactly the
 * output one model of the whole gives (merge.ts). Whenever that cannot be shown — a file the pre-pass cannot
 * classify, one component, a finding, a rule condition over the whole input, any error — it returns no
 * result (only a note) and `verify` judges the whole input as one model, as it always did: a slower correct
 * answer, never a faster wrong one. `--jobs auto` asks for it only from four cores on (verify-command.ts). Why this is sound: docs/performance.md, "verify side by side".
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { VerifyResult } from '../../checks';
import { emptyModel } from '../../model/facts/types';
import type { TierPolicy } from '../../policy/schema';
import { mergeParts } from './merge';
import { assign, components, type FileUnit } from './parts';
import type { PartResult } from './part-result';
import type { FileRef, FromWorker, ToWorker } from './worker';

/** Below this much template input, `--jobs auto` judges in one model: starting a worker costs ~0.2 s. */
export const AUTO_MIN_BYTES = 8 * 1024 * 1024;

export interface PartsOutcome {
  /** The merged result, or undefined: judge the whole input as one model. */
  result?: VerifyResult;
  networkResources?: number;
  /** How it went, for `CLOSED_TELEWORK_VERIFY_PARTS_TRACE=1` and the tests. */
  note: string;
}

function startWorker(files: FileRef[]): Worker {
  const ext = path.extname(__filename);
  const code = `const { workerData } = require('worker_threads'); if (workerData.register) require(workerData.register); require(workerData.module);`;
  return new Worker(code, {
    eval: true,
    workerData: {
      files,
      module: path.join(__dirname, `worker${ext}`),
      // In the repository the sources are TypeScript (bin/register-ts.js); the published package runs dist/.
      ...(ext === '.ts' ? { register: path.join(__dirname, '..', '..', '..', 'bin', 'register-ts.js') } : {}),
    },
  });
}

function nextMessage(w: Worker): Promise<FromWorker> {
  return new Promise((resolve) => {
    const done = (m: FromWorker): void => {
      w.off('message', done);
      w.off('error', failed);
      w.off('exit', exited);
      resolve(m);
    };
    const failed = (err: Error): void => done({ kind: 'error', message: err.message });
    const exited = (code: number): void => done({ kind: 'error', message: `worker exited (${code})` });
    w.on('message', done);
    w.on('error', failed);
    w.on('exit', exited);
  });
}

/**
 * `jobs`: the number of workers (≥ 2). `always`: split whatever the input's size (`--jobs N` given);
 * otherwise only inputs of AUTO_MIN_BYTES or more.
 */
export async function verifyInParts(paths: readonly string[], policy: TierPolicy, asOf: string, jobs: number, always: boolean): Promise<PartsOutcome> {
  const started = performance.now();
  const sizes: number[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return { note: `one model: ${p} cannot be read` };
    }
    if (!st.isFile()) return { note: 'one model: a cloud assembly directory (only template files are split)' };
    sizes.push(st.size);
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  if (!always && total < AUTO_MIN_BYTES) return { note: 'one model: a small input' };
  const n = Math.min(jobs, paths.length);
  if (n < 2) return { note: 'one model: one file' };
  // Contiguous shares of equal bytes: neighbouring files (a prefecture's) tend to link, so most stay together.
  const chunks: FileRef[][] = Array.from({ length: n }, () => []);
  let acc = 0;
  paths.forEach((p, index) => {
    // A file goes to the share its middle byte falls in (two files of one size: one each).
    const w = Math.min(n - 1, Math.floor(((acc + sizes[index] / 2) / Math.max(total, 1)) * n));
    chunks[w].push({ index, path: p });
    acc += sizes[index];
  });
  if (chunks.some((c) => c.length === 0)) return { note: 'one model: too few files' };
  const workers = chunks.map(startWorker);
  const stop = async (note: string): Promise<PartsOutcome> => {
    await Promise.all(workers.map((w) => w.terminate()));
    return { note };
  };
  const reads = await Promise.all(workers.map(nextMessage));
  const readAt = performance.now();
  const units: FileUnit[] = [];
  const byIndex = new Map<number, { stacks: string[]; files: string[] }>();
  for (let w = 0; w < reads.length; w++) {
    const r = reads[w];
    if (r.kind !== 'read') return stop(`one model: ${r.kind === 'error' ? r.message : 'unexpected message'}`);
    for (const u of r.units) {
      if (u.keys === null) return stop('one model: a template the pre-pass cannot classify');
      units.push({ index: u.index, bytes: sizes[u.index], worker: w, keys: u.keys });
      byIndex.set(u.index, u);
    }
  }
  const stacks = new Set<string>();
  for (const u of byIndex.values()) for (const s of u.stacks) {
    if (stacks.has(s)) return stop('one model: a stack name used twice');
    stacks.add(s);
  }
  units.sort((a, b) => a.index - b.index);
  const comps = components(units);
  const shares = assign(units, comps, n);
  if (!shares) return stop(`one model: ${comps.length} component(s), not worth splitting`);
  const replies = workers.map(nextMessage);
  workers.forEach((w, i) => {
    const own = new Set(chunks[i].map((f) => f.index));
    const message: ToWorker = {
      kind: 'verify', policy, asOf,
      keep: shares[i].filter((f) => own.has(f)),
      add: shares[i].filter((f) => !own.has(f)).map((index) => ({ index, path: paths[index] })),
    };
    w.postMessage(message);
  });
  const results = await Promise.all(replies);
  const partsAt = performance.now();
  const parts: PartResult[] = [];
  for (const r of results) {
    if (r.kind !== 'part') return stop(`one model: ${r.kind === 'error' ? r.message : 'unexpected message'}`);
    parts.push(r.part);
  }
  // Each worker has said all it will say and ends by itself; tearing down its heap (hundreds of MB) is not
  // waited for: the process exits when the output is written.
  for (const w of workers) w.unref();
  const merged = mergedResult(parts, units.map((u) => byIndex.get(u.index)!), started);
  if ('whole' in merged) return { note: `one model: ${merged.whole}` };
  const readS = ((readAt - started) / 1000).toFixed(2);
  const judgedS = ((partsAt - readAt) / 1000).toFixed(2);
  return { ...merged, note: `${n} parts side by side (${comps.length} independent components; read ${readS} s, judged ${judgedS} s, merged ${((performance.now() - partsAt) / 1000).toFixed(2)} s)` };
}

/**
 * The parts merged into the result one model gives (merge.ts), with the sources of every file in
 * command-line order; or why not.
 */
export function mergedResult(parts: readonly PartResult[], files: ReadonlyArray<{ stacks: string[]; files: string[] }>, started: number): { result: VerifyResult; networkResources: number } | { whole: string } {
  const outcome = mergeParts(parts);
  if ('whole' in outcome) return outcome;
  const sources = files.flatMap((u) => u.stacks.map((stack, i) => ({ stack, file: u.files[i] })));
  const m = outcome.merged;
  return {
    result: {
      findings: [],
      // The parts' models stay in their workers: the text, JSON and SARIF outputs read none of it.
      model: emptyModel(),
      matrix: m.matrix,
      flows: [],
      sanctionedFlows: m.sanctionedFlows,
      coverage: m.coverage,
      sources,
      stats: { templates: sources.length, resources: m.resources, milliseconds: performance.now() - started },
    },
    networkResources: m.networkResources,
  };
}
