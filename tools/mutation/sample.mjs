// A seeded, uniformly random sample of the engine's mutants: what stands for the mutants a full run did not reach.
//
// - The frame: every mutant Stryker makes in lib/model, lib/checks and lib/cidr (same instrumenter and mutators as
//   `stryker run`), in a fixed order (file, line, column, mutator, replacement); with --rest, only the files that
//   tools/mutation/incremental/engine.json does not hold complete for their current source.
// - The draw: a Fisher–Yates shuffle of the frame driven by mulberry32(SEED); the first N are the sample.
// - tools/mutation/run-sample.sh SEED runs Stryker over the files holding drawn mutants, and its checker
//   (sample-checker.mjs) sets every other mutant aside before any test runs, so exactly the drawn ones are tested.
//
// Writes tools/mutation/incremental/sample-SEED.json ({ seed, n, frame, frameFiles, fullyScored, mutants }).
// Usage: node tools/mutation/sample.mjs --seed 20261206 --n 500 [--rest]
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SCOPE = ['lib/checks', 'lib/cidr', 'lib/model'];
const STORE = join(ROOT, 'tools/mutation/incremental/engine.json');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const seed = Number(arg('--seed'));
const n = Number(arg('--n'));
if (!Number.isInteger(seed) || !Number.isInteger(n) || n <= 0) {
  console.error('usage: node tools/mutation/sample.mjs --seed INTEGER --n COUNT [--rest]');
  process.exit(2);
}
const rest = process.argv.includes('--rest');

const coreRequire = createRequire(createRequire(import.meta.url).resolve('@stryker-mutator/core'));
const { Instrumenter } = await import(coreRequire.resolve('@stryker-mutator/instrumenter'));
const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
const walk = (p) => (statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => walk(join(p, f))) : [p]);
const files = SCOPE.flatMap((d) => walk(join(ROOT, d))).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => relative(ROOT, f)).sort();

const store = rest && existsSync(STORE) ? JSON.parse(readFileSync(STORE, 'utf8')) : undefined;
// Report positions are 1-based (line and column); the instrumenter's are 0-based.
const reportKey = (file, m) => `${file}|${m.mutatorName}|${m.replacement}|${m.location.start.line}:${m.location.start.column}`;
const frame = [];
const fullyScored = [];
for (const file of files) {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const { mutants } = await new Instrumenter(quiet).instrument([{ name: file, content: source, mutate: true }], { plugins: null, excludedMutations: [], ignorers: [] });
  const had = store?.files[file];
  if (had && had.source === source) {
    const have = new Set(had.mutants.map((m) => reportKey(file, m)));
    const one = (m) => reportKey(file, { ...m, location: { start: { line: m.location.start.line + 1, column: m.location.start.column + 1 } } });
    if (mutants.every((m) => have.has(one(m)))) {
      fullyScored.push(file);
      continue;
    }
  }
  for (const m of mutants) {
    frame.push({ file, mutatorName: m.mutatorName, replacement: m.replacement, start: { line: m.location.start.line + 1, column: m.location.start.column + 1 }, end: { line: m.location.end.line + 1, column: m.location.end.column + 1 } });
  }
}
frame.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.start.line - b.start.line || a.start.column - b.start.column || (a.mutatorName < b.mutatorName ? -1 : a.mutatorName > b.mutatorName ? 1 : 0) || (a.replacement < b.replacement ? -1 : a.replacement > b.replacement ? 1 : 0));

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);
const order = frame.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const drawn = order.slice(0, Math.min(n, frame.length)).sort((a, b) => a - b).map((i) => frame[i]);
mkdirSync(join(ROOT, 'tools/mutation/incremental'), { recursive: true });
const out = join(ROOT, `tools/mutation/incremental/sample-${seed}.json`);
const frameFileSizes = {};
for (const m of frame) frameFileSizes[m.file] = (frameFileSizes[m.file] ?? 0) + 1;
const frameSizes = {};
for (const m of frame) { const folder = m.file.split('/').slice(0, 2).join('/'); frameSizes[folder] = (frameSizes[folder] ?? 0) + 1; }
writeFileSync(out, `${JSON.stringify({ seed, n: drawn.length, frame: frame.length, frameFiles: files.filter((f) => !fullyScored.includes(f)), frameSizes, frameFileSizes, fullyScored, mutants: drawn }, null, 1)}\n`);
console.log(`frame: ${frame.length} mutants in ${files.length - fullyScored.length} files (${fullyScored.length} files fully scored, left out)`);
console.log(`drawn: ${drawn.length} (seed ${seed}) in ${new Set(drawn.map((m) => m.file)).size} files`);
console.log(`written: ${relative(ROOT, out)}`);
