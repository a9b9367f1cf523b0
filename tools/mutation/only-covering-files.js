/**
 * Jest test sequencer for mutation runs: runs only the test files that hold a test the mutant's run asks for.
 *
 * Why: with coverageAnalysis "perTest", Stryker's jest runner starts each mutant's run with the covering
 * tests as a name pattern (--testNamePattern) but without test files, so jest still loads every test file of
 * the run — each in a fresh module registry, with the instrumented engine — only to skip its tests. That
 * loading was most of a mutant's cost. This sequencer drops the files none of whose tests match the pattern,
 * and orders the rest cheapest first.
 *
 * It knows which file holds which test from tools/mutation/test-index.json, written by test-index.mjs right
 * before the run (tools/mutation/run.sh). It never drops a test jest would run: a file missing from the index
 * is kept, and a pattern that matches no indexed test keeps every file.
 */
const fs = require('fs');
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

// One index per test set (MUTATION_TESTS), so that runs over different sets can share the checkout.
const INDEX = path.join(__dirname, require('./test-index-name').testIndexName());
// The repository root — or the Stryker sandbox's copy of it, where the run's test paths point.
const ROOT = path.resolve(__dirname, '../..');

class OnlyCoveringFiles extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig?.testNamePattern;
    // jest matches --testNamePattern case-insensitively against each test's full name (jest-circus).
    this.index = this.pattern && fs.existsSync(INDEX) ? JSON.parse(fs.readFileSync(INDEX, 'utf8')) : undefined;
  }

  sort(tests) {
    if (!this.index) return super.sort(tests);
    const matches = new RegExp(this.pattern, 'i');
    const byFile = new Map(Object.entries(this.index.files).map(([file, names]) => [path.resolve(ROOT, file), names]));
    const wanted = (test) => {
      const names = byFile.get(test.path);
      return names === undefined || names.some((n) => matches.test(n));
    };
    const kept = tests.filter(wanted);
    const anyIndexedMatch = kept.some((t) => byFile.has(t.path));
    // Cheapest file first: a run stops at its first failing test (bail-runner.js), so a killed mutant is
    // usually decided by the quick direct tests before the city-wide and property tests load.
    const cost = new Map(Object.entries(this.index.costMs ?? {}).map(([file, ms]) => [path.resolve(ROOT, file), ms]));
    const costOf = (t) => cost.get(t.path) ?? Number.MAX_SAFE_INTEGER;
    return [...(anyIndexedMatch ? kept : tests)].sort((a, b) => costOf(a) - costOf(b) || (a.path < b.path ? -1 : 1));
  }
}

module.exports = OnlyCoveringFiles;
