// Writes tools/mutation/test-index[-SET].json (test-index-name.js): every test's full name, per test file, for the mutation test set
// (MUTATION_TESTS), and what each file cost in this run (the sequencer runs the cheapest first). The mutation runs' test sequencer (only-covering-files.js) reads it to load only the files
// that hold a mutant's covering tests. Runs the test set once, unmutated (jest --json), so the names are
// exactly the names jest gives; it fails when a test fails, since a red test set cannot score mutants.
// Usage: MUTATION_TESTS=... node tools/mutation/test-index.mjs   (tools/mutation/run.sh does it)
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const { testIndexName } = createRequire(import.meta.url)('./test-index-name.js');

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'test-index-'));
try {
  const json = join(out, 'jest.json');
  const run = spawnSync('npx', ['jest', '--config', 'tools/mutation/jest.config.js', '--json', `--outputFile=${json}`, '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const result = JSON.parse(readFileSync(json, 'utf8'));
  if (run.status !== 0 || !result.success) {
    console.error('test-index: the mutation test set is not green; fix it before a mutation run');
    process.exit(1);
  }
  const files = {};
  const costMs = {};
  for (const suite of result.testResults) {
    const file = relative(root, suite.name);
    files[file] = suite.assertionResults.map((a) => a.fullName).sort();
    costMs[file] = suite.endTime - suite.startTime;
  }
  writeFileSync(join(root, 'tools/mutation', testIndexName()), `${JSON.stringify({ costMs, files }, null, 1)}\n`);
  console.error(`test-index: ${Object.values(files).flat().length} tests in ${Object.keys(files).length} files`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
