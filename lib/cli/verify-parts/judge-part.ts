/**
 * Judges one part — a set of whole files, each with its nested stacks, in command-line order — as one model,
 * with the order tags recorded, and reports it for the merge (part-result.ts). The worker runs this; so does
 * tools/parity/parts.ts, in process, to prove the merge over the captured corpus.
 */
import { verifyModel } from '../../checks';
import { buildModel } from '../../model/facts';
import { InsertionOrder } from '../../model/facts/insertion-order';
import type { LoadResult } from '../../model/load';
import { FlowTrace } from '../../model/reachability';
import type { TierPolicy } from '../../policy/schema';
import { partResult, type PartResult } from './part-result';

export function judgePart(files: readonly LoadResult[], policy: TierPolicy, asOf: string): PartResult {
  const templates = files.flatMap((r) => r.templates);
  const missingNested = files.flatMap((r) => r.missingNested);
  let order: InsertionOrder | undefined;
  const { model } = buildModel(templates, missingNested, (m) => (order = new InsertionOrder(m)));
  const flows = new FlowTrace();
  const result = verifyModel(model, templates.map((t) => ({ stack: t.stack, file: t.file })), policy, { asOf }, performance.now(), { flows, order: order! });
  return partResult(result, model, order!, flows);
}
