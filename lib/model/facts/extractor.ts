/** One extractor per resource family: it reads the types it knows and adds facts to the model. */
import type { ResourceEntry } from '../resolve/resolver';
import type { ExtractContext } from './context';

export interface Extractor {
  /** Resource types this extractor turns into facts. */
  types: readonly string[];
  /** Extractors run in ascending phase so facts they build on already exist. */
  phase: number;
  extract(entry: ResourceEntry, ctx: ExtractContext): void;
}
