/**
 * One worker of `verify`'s side-by-side run (index.ts): reads its share of the files and reports their
 * linking keys; then judges the files it is given as one model — the engine's own buildModel and verifyModel,
 * with the order tags recorded — and reports its part (part-result.ts). Anything that goes wrong is reported,
 * and the main thread then judges the whole input itself (the error, if the input is bad, is the whole run's).
 */
import * as fs from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { loadPaths, type LoadResult } from '../../model/load';
import type { TierPolicy } from '../../policy/schema';
import { judgePart } from './judge-part';
import { linkingKeys } from './linking-keys';
import type { PartResult } from './part-result';

export interface FileRef {
  index: number;
  path: string;
}

export type ToWorker = { kind: 'verify'; keep: number[]; add: FileRef[]; policy: TierPolicy; asOf: string };
export type FromWorker =
  | { kind: 'read'; units: Array<{ index: number; stacks: string[]; files: string[]; keys: string[] | null }> }
  | { kind: 'part'; part: PartResult }
  | { kind: 'error'; message: string };

const port = parentPort!;
const loaded = new Map<number, LoadResult>();

function read(file: FileRef): LoadResult {
  return loadPaths([file.path]);
}

function post(message: FromWorker): void {
  port.postMessage(message);
}

try {
  const files = (workerData as { files: FileRef[] }).files;
  const units: Extract<FromWorker, { kind: 'read' }>['units'] = [];
  for (const f of files) {
    const r = read(f);
    loaded.set(f.index, r);
    const raw = (file: string): string | undefined => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    };
    units.push({ index: f.index, stacks: r.templates.map((t) => t.stack), files: r.templates.map((t) => t.file), keys: linkingKeys(r.templates, raw).keys });
  }
  post({ kind: 'read', units });
} catch (err) {
  post({ kind: 'error', message: (err as Error).message });
}

port.on('message', (msg: ToWorker) => {
  try {
    const keep = new Set(msg.keep);
    for (const i of [...loaded.keys()]) if (!keep.has(i)) loaded.delete(i);
    for (const f of msg.add) loaded.set(f.index, read(f));
    // The files in the command line's order, as loadPaths gives the whole input.
    const mine = [...loaded.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    loaded.clear();
    post({ kind: 'part', part: judgePart(mine, msg.policy, msg.asOf) });
  } catch (err) {
    post({ kind: 'error', message: (err as Error).message });
  }
  port.close();
});
