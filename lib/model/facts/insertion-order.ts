/**
 * When each fact was made, as a tag that compares across separately built models of disjoint templates:
 * the extraction phase, the resource being extracted (its `stack::logicalId` key, which is the canonical
 * order the model is built in), the extractor's place among that resource's extractors of the phase, and
 * the fact's place among those that one call made. Two models of disjoint templates, each built alone,
 * make their facts in the same relative order as one model of both, and the tags say how the two orders
 * interleave — which is what `verify` needs to merge the results of independent parts judged side by side
 * (lib/cli/verify-parts) into exactly the output of one model. Recorded only when asked for (buildModel's
 * `order` argument); `complete` turns false when a collection grew outside the extraction loop, and the
 * parts are then not merged (fail closed: the whole input is judged as one model).
 */
import type { NetworkModel } from './types';

/** A comparable position: compared element by element (numbers as numbers, strings as strings). */
export type OrderTag = ReadonlyArray<string | number>;

export function compareTags(a: OrderTag, b: OrderTag): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** The collections whose order the walk and the matrix depend on (walk sources, the first telework entry found). */
type Tracked = 'subnets' | 'igws' | 'links' | 'tgwAttachments' | 'clientVpns' | 'teleworkEntries';
const TRACKED: readonly Tracked[] = ['subnets', 'igws', 'links', 'tgwAttachments', 'clientVpns', 'teleworkEntries'];

export class InsertionOrder {
  /** Fact key → tag, per keyed collection. */
  readonly keys = new Map<Exclude<Tracked, 'teleworkEntries'>, Map<string, OrderTag>>();
  /** Tag of each telework entry, by its index in model.teleworkEntries. */
  teleworkEntries: OrderTag[] = [];
  /** False when a collection grew outside the extraction loop (its facts have no comparable tag). */
  complete = true;
  private readonly growth = new Map<Tracked, Array<{ tag: OrderTag; count: number }>>(TRACKED.map((t) => [t, []]));
  private readonly last = new Map<Tracked, number>();

  constructor(private readonly model: NetworkModel) {
    for (const t of TRACKED) this.last.set(t, this.size(t));
  }

  private size(t: Tracked): number {
    return t === 'teleworkEntries' ? this.model.teleworkEntries.length : this.model[t].size;
  }

  /** After one extractor ran on one resource: what it added carries the tag. */
  after(phase: number, key: string, extractorIndex: number): void {
    for (const t of TRACKED) {
      const now = this.size(t);
      const before = this.last.get(t)!;
      if (now === before) continue;
      this.growth.get(t)!.push({ tag: [phase, key, extractorIndex], count: now - before });
      this.last.set(t, now);
    }
  }

  /** Once the model is finished: tags assigned in each collection's order; any fact made elsewhere makes it incomplete. */
  finish(): void {
    for (const t of TRACKED) {
      const tags: OrderTag[] = [];
      for (const g of this.growth.get(t)!) for (let i = 0; i < g.count; i++) tags.push([...g.tag, i]);
      if (tags.length !== this.size(t)) this.complete = false;
      if (t === 'teleworkEntries') this.teleworkEntries = tags;
      else {
        const m = new Map<string, OrderTag>();
        let i = 0;
        for (const k of this.model[t].keys()) m.set(k, tags[i++] ?? ['?']);
        this.keys.set(t, m);
      }
    }
  }

  tagOf(collection: Exclude<Tracked, 'teleworkEntries'>, key: string): OrderTag | undefined {
    return this.keys.get(collection)?.get(key);
  }
}
