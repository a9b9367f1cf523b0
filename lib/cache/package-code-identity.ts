/**
 * The identity of this package's own code, for a verdict that this code computes (the tier proof and the
 * reviewer's report, lib/nag): every file under the package's code folder — `lib/` in the checkout (the
 * TypeScript the app runs through bin/register-ts.js), `dist/lib/` when installed — and under `policies/`
 * (the packaged tier policy and its schema), by content; the package's own version; the versions of the
 * libraries that code calls while it judges and writes (aws-cdk-lib and constructs for the construct tree,
 * yaml and zod for the policy, exceljs for the spreadsheet, esbuild when the sources are transpiled); and
 * Node.js's version.
 *
 * Deliberately more than the proof reads: any edit anywhere in `lib/` is a different identity (a verdict is
 * judged afresh, never reused across a change of code). Read once per process (~1 MB, ~20 ms of CPU); with a
 * memo directory (the tier proof's cache) the files are read only when one of them changed on disk since
 * they were last read (file-tree-digest.ts folderContentDigest).
 * node only: no aws-cdk-lib import.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { filesUnder, folderContentDigest } from './file-tree-digest';

/** The libraries whose code runs inside the proof or the report, besides this package's own. */
const LIBRARIES = ['aws-cdk-lib', 'constructs', 'yaml', 'zod', 'exceljs', 'esbuild'] as const;

/** The installed version of `name`, found from here; `absent` when it is not installed (esbuild in a package install). */
function installedVersion(name: string): string {
  try {
    let dir = path.dirname(require.resolve(name, { paths: [__dirname] }));
    for (let i = 0; i < 8; i++) {
      const file = path.join(dir, 'package.json');
      if (fs.existsSync(file)) {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? 'unknown';
      }
      dir = path.dirname(dir);
    }
    return 'unknown';
  } catch {
    return 'absent';
  }
}

/** Every file under `dir`, sorted by relative path: (path, content) folded, their digest into `hash`. */
function hashTree(dir: string, label: string, hash: ReturnType<typeof createHash>, memoDir: string | undefined): number {
  if (!fs.existsSync(dir)) {
    hash.update(`${label}:absent;`);
    return 0;
  }
  const files = filesUnder(dir, (_f, isFile) => isFile());
  hash.update(`${label}:${files.length}:${folderContentDigest(dir, files, { label, ...(memoDir !== undefined ? { memoDir } : {}) })};`);
  return files.length;
}

let identity: string | undefined;

/** The digest above, computed once per process; `memoDir` remembers the folders' digests across processes. */
export function packageCodeIdentity(memoDir?: string): string {
  if (identity !== undefined) return identity;
  // This file is lib/cache/package-code-identity.(ts|js): its code folder is lib/ (or dist/lib/).
  const codeDir = path.resolve(__dirname, '..');
  const root = path.basename(path.dirname(codeDir)) === 'dist' ? path.resolve(codeDir, '..', '..') : path.resolve(codeDir, '..');
  const hash = createHash('sha256');
  const manifest = path.join(root, 'package.json');
  const version = fs.existsSync(manifest) ? ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown') : 'unknown';
  hash.update(`closed-telework@${version} node@${process.version} ${path.extname(__filename)};`);
  for (const name of LIBRARIES) hash.update(`${name}@${installedVersion(name)};`);
  hashTree(codeDir, 'code', hash, memoDir);
  hashTree(path.join(root, 'policies'), 'policies', hash, memoDir);
  identity = hash.digest('hex');
  return identity;
}
