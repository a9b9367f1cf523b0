// Counts the mutants StrykerJS would make in the given files, per file, without running a test: the
// number a scoped run must cover (docs/verify.md, "Mutation testing"). Same instrumenter and default
// mutators as `stryker run`. Usage: node tools/mutation/count-mutants.mjs lib/model lib/checks (folders or .ts files)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
// The instrumenter the installed @stryker-mutator/core uses (a dependency of core, not of this package).
import { createRequire } from 'node:module';
const coreRequire = createRequire(createRequire(import.meta.url).resolve('@stryker-mutator/core'));
const { Instrumenter } = await import(coreRequire.resolve('@stryker-mutator/instrumenter'));

const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error('usage: node tools/mutation/count-mutants.mjs FOLDER|FILE...');
  process.exit(2);
}
const walk = (p) => (statSync(p).isDirectory() ? readdirSync(p).flatMap((n) => walk(join(p, n))) : [p]);
const names = [...new Set(roots.flatMap(walk))].filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).sort();
const instrumenter = new Instrumenter(quiet);
let total = 0;
for (const name of names) {
  const { mutants } = await instrumenter.instrument([{ name, content: readFileSync(name, 'utf8'), mutate: true }], { plugins: null, excludedMutations: [], ignorers: [] });
  total += mutants.length;
  console.log(`${String(mutants.length).padStart(6)}  ${name}`);
}
console.log(`${String(total).padStart(6)}  total (${names.length} files)`);
