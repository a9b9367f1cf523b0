/**
 * What a cdk-nag pack's verdict depends on besides the construct tree: the pack's code and rules, and the
 * libraries its rules call — read from disk WITHOUT loading cdk-nag (loading it, and the aws-cdk-lib service
 * modules its rules touch, is most of what a pack costs on an unchanged tree).
 *
 *   - every JavaScript file of the installed cdk-nag (the packs, every rule and its helpers), by content, so a
 *     patched or reinstalled cdk-nag is a different rule set even under the same version;
 *   - cdk-nag's, aws-cdk-lib's and constructs' versions (the L1 classes, `Stack.resolve`, the acknowledgement
 *     metadata the rules read) and Node.js's (the engine that runs the rules);
 * Read once per process; with a memo directory (the pack's cache), cdk-nag's files are read only when one of
 * them changed on disk since they were last read (lib/cache/file-tree-digest.ts folderContentDigest).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { filesUnder, folderContentDigest } from '../cache/file-tree-digest';

function packageDir(name: string, from?: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, from ? { paths: [from] } : undefined));
}

function version(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

let identity: string | undefined;

/** The digest of cdk-nag's code and the versions above; `memoDir` remembers the code's digest across processes. */
export function nagPackIdentity(memoDir?: string): string {
  if (identity !== undefined) return identity;
  const cdkNag = packageDir('cdk-nag');
  const cdkLib = packageDir('aws-cdk-lib', cdkNag);
  const constructs = packageDir('constructs', cdkLib);
  const hash = createHash('sha256');
  hash.update(`cdk-nag@${version(cdkNag)} aws-cdk-lib@${version(cdkLib)} constructs@${version(constructs)} node@${process.version};`);
  const rules = path.join(cdkNag, 'lib');
  hash.update(folderContentDigest(rules, filesUnder(rules, (f) => f.endsWith('.js')), { label: 'javascript', ...(memoDir !== undefined ? { memoDir } : {}) }));
  identity = hash.digest('hex');
  return identity;
}
