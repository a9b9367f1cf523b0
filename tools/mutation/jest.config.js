/**
 * Jest for a mutation batch: the project's configuration, run on only the test files the batch names
 * (MUTATION_TESTS, comma-separated globs relative to the repository root, set by tools/mutation/run.sh).
 * Jest loads every matched test file for every mutant, so a tight list is what makes a batch fit a shared
 * 2-core machine; docs/verify.md lists each batch's tests next to its score.
 */
const path = require('path');
const base = require('../../jest.config.js');

const tests = (process.env.MUTATION_TESTS ?? '').split(',').map((t) => t.trim()).filter(Boolean);
if (tests.length === 0) throw new Error('tools/mutation/jest.config.js: set MUTATION_TESTS (run a batch with tools/mutation/run.sh BATCH)');

module.exports = { ...base, rootDir: path.resolve(__dirname, '../..'), testMatch: tests.map((t) => `<rootDir>/${t}`) };
