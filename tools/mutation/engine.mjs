// Mutation run over the whole engine — lib/model, lib/checks, lib/cidr — in chunks that each finish in minutes,
// so that a run stopped at any point keeps everything scored before it, and a re-run scores only what is missing
// or changed.
//
// - The scope is cut into chunks of whole files (at most CHUNK mutants); a larger file is cut into line ranges,
//   followed by the whole file, in which Stryker's incremental mode re-tests only the mutants that straddle a cut.
// - Every chunk is one `stryker run` (tools/mutation/stryker.config.json: the engine's test set, perTest coverage,
//   two workers), niced to 19 so that the machine's other work goes first.
// - Results accumulate in tools/mutation/incremental/engine.json (a mutation-testing-report document, merged
//   per mutant after each chunk). Each chunk starts from it, so Stryker reuses every result whose code and
//   covering tests are unchanged; a chunk whose files all have results for their current source is skipped.
// - node tools/mutation/score.mjs prints the scores.
//
// Usage: node tools/mutation/engine.mjs [--list] [--only NAME_PREFIX | --file lib/…/FILE.ts] [--concurrency N]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
// In the order the chunks run: the checks, then the model from packets (reachability) back to templates, then the
// address arithmetic (much of which earlier batches scored).
const SCOPE = ['lib/checks', 'lib/model/reachability', 'lib/model/resolve', 'lib/model/load', 'lib/model/facts', 'lib/model', 'lib/cidr'];
const CHUNK = 300;
const STORE = join(ROOT, 'tools/mutation/incremental/engine.json');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const concurrency = arg('--concurrency') ?? '2';
const only = arg('--only');

const coreRequire = createRequire(createRequire(import.meta.url).resolve('@stryker-mutator/core'));
const { Instrumenter } = await import(coreRequire.resolve('@stryker-mutator/instrumenter'));
const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

const walk = (p) => (statSync(p).isDirectory() ? readdirSync(p).flatMap((n) => walk(join(p, n))) : [p]);
const files = [...new Set(SCOPE.flatMap((d) => walk(join(ROOT, d)).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).map((n) => relative(ROOT, n)).sort()))];

/** Each file's mutants (0-based lines, as the instrumenter gives them). */
async function mutantsOf(file) {
  const { mutants } = await new Instrumenter(quiet).instrument([{ name: file, content: readFileSync(join(ROOT, file), 'utf8'), mutate: true }], { plugins: null, excludedMutations: [], ignorers: [] });
  return mutants;
}

const folderOf = (file) => file.split('/').slice(1, -1).join('-') || 'lib';

/** Chunks: [{ name, patterns, files }] in scope order. */
async function chunks() {
  const out = [];
  let current;
  const flush = () => { if (current) out.push(current); current = undefined; };
  for (const file of files) {
    const mutants = await mutantsOf(file);
    if (mutants.length === 0) continue;
    const folder = folderOf(file);
    if (mutants.length > CHUNK) {
      flush();
      // Cut at line boundaries so that each part holds at most CHUNK mutants that lie wholly inside it.
      const lines = [...new Set(mutants.map((m) => m.location.start.line))].sort((a, b) => a - b);
      let from = 0;
      let part = 1;
      let count = 0;
      for (const line of lines) {
        const here = mutants.filter((m) => m.location.start.line === line).length;
        if (count > 0 && count + here > CHUNK) {
          out.push({ name: `${folder}-${base(file)}-${part++}`, patterns: [`${file}:${from + 1}-${line}`], files: [file], size: count });
          from = line;
          count = 0;
        }
        count += here;
      }
      out.push({ name: `${folder}-${base(file)}-${part}`, patterns: [`${file}:${from + 1}-999999`], files: [file], size: count });
      // The whole file last: only the mutants that straddle a cut are new to it.
      out.push({ name: `${folder}-${base(file)}-whole`, patterns: [file], files: [file], size: mutants.length });
      continue;
    }
    if (current && (current.folder !== folder || current.size + mutants.length > CHUNK)) flush();
    current ??= { name: `${folder}-${out.filter((c) => c.folder === folder).length + 1}`, folder, patterns: [], files: [], size: 0 };
    current.patterns.push(file);
    current.files.push(file);
    current.size += mutants.length;
  }
  flush();
  return out;
}
function base(file) {
  return file.split('/').pop().replace(/\.ts$/, '');
}

const readReport = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined);
const key = (m) => `${m.mutatorName}|${m.replacement}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}`;

/** Merges a chunk's report into the store: per file, per mutant, the chunk's result wins; a file whose source
 * changed keeps only the chunk's results. */
function merge(chunkReport) {
  const store = readReport(STORE) ?? { ...chunkReport, files: {}, testFiles: {} };
  for (const [file, result] of Object.entries(chunkReport.files)) {
    const before = store.files[file];
    const mutants = new Map();
    if (before && before.source === result.source) for (const m of before.mutants) mutants.set(key(m), m);
    for (const m of result.mutants) mutants.set(key(m), m);
    store.files[file] = { ...result, mutants: [...mutants.values()] };
  }
  store.testFiles = { ...store.testFiles, ...(chunkReport.testFiles ?? {}) };
  store.thresholds = chunkReport.thresholds;
  store.schemaVersion = chunkReport.schemaVersion;
  store.config = chunkReport.config;
  writeFileSync(STORE, JSON.stringify(store));
}

/** True when the store has a result for every mutant of these files at their current source. */
async function done(chunk) {
  const store = readReport(STORE);
  if (!store) return false;
  for (const file of chunk.files) {
    const had = store.files[file];
    if (!had || had.source !== readFileSync(join(ROOT, file), 'utf8')) return false;
    const have = new Set(had.mutants.map((m) => `${m.mutatorName}|${m.replacement}|${m.location.start.line + 1}:${m.location.start.column + 1}`));
    const want = (await mutantsOf(file)).filter((m) => chunk.patterns[0] === file || inPattern(m, chunk.patterns[0]));
    if (want.some((m) => !have.has(`${m.mutatorName}|${m.replacement}|${m.location.start.line + 1}:${m.location.start.column + 1}`))) return false;
  }
  return true;
}
function inPattern(m, pattern) {
  const [, from, to] = /:(\d+)-(\d+)$/.exec(pattern) ?? [];
  if (from === undefined) return true;
  return m.location.start.line + 1 >= Number(from) && m.location.end.line + 1 <= Number(to);
}

// --file PATH: that one file as its own chunk (scored in full, merged into the store like any chunk).
const oneFile = arg('--file');
const list = oneFile ? [{ name: oneFile.replace(/^lib\//, '').replace(/\.ts$/, '').replaceAll('/', '-'), patterns: [oneFile], files: [oneFile], size: (await mutantsOf(oneFile)).length }] : await chunks();
if (process.argv.includes('--list')) {
  for (const c of list) console.log(`${String(c.size).padStart(5)}  ${c.name}  ${c.patterns.join(' ')}`);
  console.log(`${list.filter((c) => !c.name.endsWith('-whole')).reduce((s, c) => s + c.size, 0)} mutants in ${list.length} chunks`);
  process.exit(0);
}
mkdirSync(join(ROOT, 'tools/mutation/incremental'), { recursive: true });
// Which test file holds which test, for the sequencer (only-covering-files.js); also proves the test set green.
const index = spawnSync('nice', ['-n', '19', 'node', 'tools/mutation/test-index.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
if (index.status !== 0) process.exit(1);
for (const chunk of list) {
  if (only && !chunk.name.startsWith(only)) continue;
  if (await done(chunk)) {
    console.log(`${new Date().toISOString()} ${chunk.name}: every mutant has a result, skipped`);
    continue;
  }
  const work = join(ROOT, `tools/mutation/incremental/chunk-${chunk.name}.json`);
  if (existsSync(STORE)) copyFileSync(STORE, work);
  console.log(`${new Date().toISOString()} ${chunk.name}: ${chunk.size} mutants (${chunk.patterns.join(' ')})`);
  const run = spawnSync('nice', ['-n', '19', 'npx', 'stryker', 'run', 'tools/mutation/stryker.config.json', '--concurrency', concurrency,
    // One --mutate, comma-separated: Stryker's CLI keeps only the last of repeated --mutate options, so a chunk of
    // several files passed one per option mutated its last file alone.
    '--incrementalFile', relative(ROOT, work), '--mutate', chunk.patterns.join(',')], { cwd: ROOT, stdio: 'inherit' });
  const report = run.status === 0 ? readReport(work) : undefined;
  if (!report) {
    console.error(`${new Date().toISOString()} ${chunk.name}: stryker exited ${run.status ?? run.signal}; its results are not kept`);
    rmSync(work, { force: true });
    process.exit(1);
  }
  merge(report);
  rmSync(work, { force: true });
  console.log(`${new Date().toISOString()} ${chunk.name}: merged into ${relative(ROOT, STORE)}`);
}
