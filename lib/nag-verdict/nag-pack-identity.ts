/**
 * What a cdk-nag pack's verdict depends on besides the construct tree: the pack's code and rules, and the
 * libraries its rules call — read from disk WITHOUT loading cdk-nag (loading it, and the aws-cdk-lib service
 * modules its rules touch, is most of what a pack costs on an unchanged tree).
 *
 *   - every JavaScript file of the installed cdk-nag (the packs, every rule and its helpers), by content, so a
 *     patched or reinstalled cdk-nag is a different rule set even under the same version;
 *   - cdk-nag's, aws-cdk-lib's and constructs' versions (the L1 classes, `Stack.resolve`, the acknowledgement
 *     metadata the rules read) and Node.js's (the engine that runs the rules);
 * Read once per process.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';

function packageDir(name: string, from?: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, from ? { paths: [from] } : undefined));
}

function version(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every `.js` file under `dir`, sorted, as (relative path, content) pairs folded into `hash`. */
function hashJavaScript(dir: string, hash: ReturnType<typeof createHash>): number {
  const files = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .sort();
  for (const f of files) {
    const content = fs.readFileSync(path.join(dir, f));
    hash.update(`${f.length}:${f}${content.length}:`).update(content);
  }
  return files.length;
}

let identity: string | undefined;

/** The digest of cdk-nag's code and the versions above. */
export function nagPackIdentity(): string {
  if (identity !== undefined) return identity;
  const cdkNag = packageDir('cdk-nag');
  const cdkLib = packageDir('aws-cdk-lib', cdkNag);
  const constructs = packageDir('constructs', cdkLib);
  const hash = createHash('sha256');
  hash.update(`cdk-nag@${version(cdkNag)} aws-cdk-lib@${version(cdkLib)} constructs@${version(constructs)} node@${process.version};`);
  hashJavaScript(path.join(cdkNag, 'lib'), hash);
  identity = hash.digest('hex');
  return identity;
}
