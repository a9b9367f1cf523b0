// Prints the mutation score of every batch run so far (tools/mutation/incremental/*.json, Stryker's
// incremental files, which are mutation-testing-report documents): per file and overall, with Stryker's
// definition — detected (killed + timed out) over valid mutants (detected + survived + no coverage); mutants
// that do not compile or crash at load are not valid and are counted apart.
// Usage: node tools/mutation/score.mjs [--survivors [BATCH]]   (lists each surviving mutant with its place)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'incremental');
const listSurvivors = process.argv.includes('--survivors');
const only = listSurvivors ? process.argv[process.argv.indexOf('--survivors') + 1] : undefined;
const batches = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
if (batches.length === 0) {
  console.error('no batch has run yet: tools/mutation/run.sh BATCH');
  process.exit(1);
}
const pct = (n, d) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const row = (name, t) => `${pct(t.killed + t.timeout, t.killed + t.timeout + t.survived + t.noCoverage)}  ${String(t.total).padStart(5)} mutants: ${t.killed} killed, ${t.timeout} timed out, ${t.survived} survived, ${t.noCoverage} no coverage, ${t.errors} errors  ${name}`;
const empty = () => ({ total: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, other: 0 });
const all = empty();
for (const b of batches) {
  const report = JSON.parse(readFileSync(join(dir, b), 'utf8'));
  console.log(`batch ${b.replace(/\.json$/, '')}`);
  for (const [file, { mutants }] of Object.entries(report.files).sort()) {
    const t = empty();
    for (const m of mutants) {
      t.total++;
      const k = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', CompileError: 'errors', RuntimeError: 'errors' }[m.status] ?? 'other';
      t[k]++;
      if (listSurvivors && (m.status === 'Survived' || m.status === 'NoCoverage') && (!only || b === `${only}.json`)) {
        console.log(`    ${m.status === 'Survived' ? 'survived' : 'no cover'} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}`);
      }
    }
    for (const k of Object.keys(all)) all[k] += t[k];
    console.log(`  ${row(file, t)}`);
  }
}
console.log(row('overall', all));
