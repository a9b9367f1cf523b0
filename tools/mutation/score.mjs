// Prints mutation scores from the results in tools/mutation/incremental/ (Stryker's incremental files, which
// are mutation-testing-report documents), with Stryker's definition: detected (killed + timed out) over valid
// mutants (detected + survived + no coverage). Mutants that do not compile or crash at load are not valid and
// are counted apart, as are ignored ones.
//
// - engine.json (tools/mutation/engine.mjs, the whole engine in chunks): per file, per folder and overall, and
//   which files are complete (every mutant Stryker makes in the file's current source has a result).
// - --sample SEED (tools/mutation/run-sample.sh): only the drawn mutants count; the score with its 95 % Wilson
//   interval, over the whole frame and over the files engine.json does not hold complete; then the engine's
//   estimate: complete files counted in full, the rest estimated from the sample.
// - other *.json: the named batches of tools/mutation/run.sh BATCH.
//
// Usage: node tools/mutation/score.mjs [--survivors [FILE_PREFIX]] [--sample SEED] [--markdown]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = join(ROOT, 'tools/mutation/incremental');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const listSurvivors = process.argv.includes('--survivors');
const survivorPrefix = arg('--survivors')?.startsWith('--') ? undefined : arg('--survivors');
const sampleSeed = arg('--sample');

const KIND = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', CompileError: 'errors', RuntimeError: 'errors', Ignored: 'ignored' };
const empty = () => ({ total: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0, other: 0 });
const add = (a, b) => { for (const k of Object.keys(a)) a[k] += b[k]; };
const valid = (t) => t.killed + t.timeout + t.survived + t.noCoverage;
const detected = (t) => t.killed + t.timeout;
const pct = (n, d) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const row = (name, t, note = '') => `${pct(detected(t), valid(t))}  ${String(t.total).padStart(5)} mutants: ${t.killed} killed, ${t.timeout} timed out, ${t.survived} survived, ${t.noCoverage} no coverage, ${t.errors} errors${t.ignored ? `, ${t.ignored} ignored` : ''}  ${name}${note}`;
const tally = (mutants) => {
  const t = empty();
  for (const m of mutants) { t.total++; t[KIND[m.status] ?? 'other']++; }
  return t;
};
/** 95 % Wilson score interval for x successes in n. */
function wilson(x, n) {
  if (n === 0) return [0, 1];
  const z = 1.959964;
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
const interval = ([lo, hi]) => `${(100 * lo).toFixed(1)}–${(100 * hi).toFixed(1)} %`;

// Every mutant Stryker makes in a file's current source (same instrumenter and mutators as `stryker run`).
const coreRequire = createRequire(createRequire(import.meta.url).resolve('@stryker-mutator/core'));
const { Instrumenter } = await import(coreRequire.resolve('@stryker-mutator/instrumenter'));
const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
async function currentMutants(file) {
  const path = join(ROOT, file);
  if (!existsSync(path)) return undefined;
  const { mutants } = await new Instrumenter(quiet).instrument([{ name: file, content: readFileSync(path, 'utf8'), mutate: true }], { plugins: null, excludedMutations: [], ignorers: [] });
  return mutants;
}
const key = (m) => `${m.mutatorName}|${m.replacement}|${m.location.start.line}:${m.location.start.column}`;
const keyOf0 = (m) => `${m.mutatorName}|${m.replacement}|${m.location.start.line + 1}:${m.location.start.column + 1}`;

const printSurvivors = (file, mutants) => {
  if (!listSurvivors || (survivorPrefix && !file.startsWith(survivorPrefix))) return;
  for (const m of mutants) {
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    console.log(`    ${m.status === 'Survived' ? 'survived' : 'no cover'} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}`);
  }
};

// The whole engine (engine.json).
const complete = new Set();
const engine = existsSync(join(dir, 'engine.json')) ? JSON.parse(readFileSync(join(dir, 'engine.json'), 'utf8')) : undefined;
let fullTotals;
if (engine) {
  console.log('engine (tools/mutation/engine.mjs): files with results');
  const folders = new Map();
  const all = empty();
  for (const [file, { mutants, source }] of Object.entries(engine.files).sort()) {
    const now = await currentMutants(file);
    const isCurrent = now !== undefined && readFileSync(join(ROOT, file), 'utf8') === source;
    const have = new Set(mutants.map(key));
    const whole = isCurrent && now.every((m) => have.has(keyOf0(m)));
    if (whole) complete.add(file);
    const t = tally(mutants);
    const note = whole ? '' : isCurrent ? ` (partial: ${now.filter((m) => have.has(keyOf0(m))).length} of ${now.length})` : ' (source changed since: stale)';
    console.log(`  ${row(file, t, note)}`);
    printSurvivors(file, mutants);
    if (!whole) continue;
    const folder = file.split('/').slice(0, -1).join('/');
    if (!folders.has(folder)) folders.set(folder, { t: empty(), files: 0 });
    add(folders.get(folder).t, t);
    folders.get(folder).files++;
    add(all, t);
  }
  console.log('complete files only, per folder:');
  for (const [folder, { t, files }] of [...folders].sort()) console.log(`  ${row(`${folder} (${files} files)`, t)}`);
  console.log(`  ${row(`all complete files (${complete.size})`, all)}`);
  fullTotals = all;
}

// A sample (run-sample.sh SEED).
if (sampleSeed) {
  const sample = JSON.parse(readFileSync(join(dir, `sample-${sampleSeed}.json`), 'utf8'));
  const report = JSON.parse(readFileSync(join(dir, `sample-${sampleSeed}-report.json`), 'utf8'));
  const results = new Map();
  for (const [file, { mutants }] of Object.entries(report.files)) for (const m of mutants) results.set(`${file}|${key(m)}`, m);
  const drawn = sample.mutants.map((d) => ({ ...d, result: results.get(`${d.file}|${d.mutatorName}|${d.replacement}|${d.start.line}:${d.start.column}`) }));
  const missing = drawn.filter((d) => !d.result);
  if (missing.length > 0) console.log(`sample ${sampleSeed}: ${missing.length} drawn mutants have no result (the run did not finish, or the source changed since the draw)`);
  const show = (label, ds, frameSize) => {
    const t = tally(ds.filter((d) => d.result).map((d) => d.result));
    const [lo, hi] = wilson(detected(t), valid(t));
    console.log(`  ${row(`${label} — ${ds.length} drawn of ${frameSize}`, t)}; 95 % interval ${interval([lo, hi])}`);
    return t;
  };
  console.log(`sample ${sampleSeed} (seed ${sample.seed}, ${sample.n} drawn uniformly from ${sample.frame} mutants in ${sample.frameFiles.length} files):`);
  show('the whole frame', drawn, sample.frame);
  for (const folder of ['lib/checks', 'lib/cidr', 'lib/model']) {
    const frameHere = sample.frameSizes?.[folder];
    show(folder, drawn.filter((d) => d.file.startsWith(`${folder}/`)), frameHere ?? '?');
  }
  if (engine) {
    // The files engine.json does not hold complete: a uniform sample of the frame, restricted to them, is a
    // uniform sample of their mutants.
    const rest = drawn.filter((d) => !complete.has(d.file));
    const restFrame = Object.entries(sample.frameFileSizes ?? {}).filter(([f]) => !complete.has(f)).reduce((s, [, n]) => s + n, 0);
    const t = show(`files not complete in engine.json (${[...new Set(Object.keys(sample.frameFileSizes ?? {}))].filter((f) => !complete.has(f)).length} files)`, rest, restFrame);
    const n = t.total - t.other;
    if (fullTotals && n > 0) {
      // Estimate: complete files counted in full; the rest's valid and detected mutants estimated as the frame size
      // times the sample's fractions. The interval scales the sample's Wilson interval by the rest's share.
      const vRest = (restFrame * valid(t)) / n;
      const dRest = (restFrame * detected(t)) / n;
      const vAll = valid(fullTotals) + vRest;
      const [lo, hi] = wilson(detected(t), valid(t));
      const est = (detected(fullTotals) + dRest) / vAll;
      const low = (detected(fullTotals) + vRest * lo) / vAll;
      const high = (detected(fullTotals) + vRest * hi) / vAll;
      console.log(`engine estimate: ${(100 * est).toFixed(1)} % (95 % interval ${interval([low, high])}) — ${valid(fullTotals)} valid mutants scored in full, about ${Math.round(vRest)} estimated from ${valid(t)} sampled`);
    }
  }
  if (listSurvivors) for (const d of drawn) if (d.result && (d.result.status === 'Survived' || d.result.status === 'NoCoverage')) console.log(`    ${d.result.status === 'Survived' ? 'survived' : 'no cover'} ${d.file}:${d.start.line}:${d.start.column} ${d.mutatorName}: ${JSON.stringify(d.replacement ?? '')}`);
}

// The named batches of earlier sessions (run.sh BATCH).
const batches = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'engine.json' && !f.startsWith('sample-') && !f.startsWith('chunk-')).sort() : [];
if (batches.length > 0) {
  const all = empty();
  for (const b of batches) {
    const report = JSON.parse(readFileSync(join(dir, b), 'utf8'));
    console.log(`batch ${b.replace(/\.json$/, '')}`);
    for (const [file, { mutants }] of Object.entries(report.files).sort()) {
      const t = tally(mutants);
      add(all, t);
      console.log(`  ${row(file, t)}`);
      printSurvivors(file, mutants);
    }
  }
  console.log(row('batches overall', all));
}
if (!engine && !sampleSeed && batches.length === 0) {
  console.error('nothing has run yet: node tools/mutation/engine.mjs, or tools/mutation/run-sample.sh SEED');
  process.exit(1);
}
