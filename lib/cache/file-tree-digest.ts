/**
 * Folding a folder's files into a digest by relative path and content — what every "the code that computed
 * this verdict" identity reads (this package's own code: package-code-identity.ts; cdk-nag's rules:
 * lib/nag-verdict/nag-pack-identity.ts). By content, not by modification time or version, so a patched or
 * reinstalled file is a different identity. node only: no aws-cdk-lib import.
 */
import type { Hash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The files under `dir` (relative paths, sorted) that `keep` accepts. */
export function filesUnder(dir: string, keep: (relativePath: string) => boolean): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter(keep)
    .sort();
}

/** Folds each file into `hash` as (path length, path, content length, content): no two lists fold alike. */
export function foldFiles(dir: string, files: readonly string[], hash: Hash): void {
  for (const f of files) {
    const content = fs.readFileSync(path.join(dir, f));
    hash.update(`${f.length}:${f}${content.length}:`).update(content);
  }
}
