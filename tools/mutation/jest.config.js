/**
 * Jest for mutation runs: the project's configuration, on the engine's test set, with a test sequencer that
 * loads only the test files holding a mutant's covering tests (only-covering-files.js), cheapest first, and a
 * runner and environment that end a mutant's run at its first failing test (bail-runner.js, bail-environment.js).
 *
 * The engine's test set is test/model, test/checks and test/cidr: the tests that call the engine directly on
 * plain CloudFormation (test/fixtures/city.ts generates it; no test here synthesises a CDK app). MUTATION_TESTS
 * (comma-separated globs relative to the repository root) replaces it for a narrower batch.
 */
const path = require('path');
const base = require('../../jest.config.js');

const ENGINE_TESTS = ['test/model/**/*.test.ts', 'test/checks/**/*.test.ts', 'test/cidr/**/*.test.ts'];
const listed = (process.env.MUTATION_TESTS ?? '').split(',').map((t) => t.trim()).filter(Boolean);
const tests = listed.length > 0 ? listed : ENGINE_TESTS;

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: tests.map((t) => `<rootDir>/${t}`),
  testSequencer: path.join(__dirname, 'only-covering-files.js'),
  // Inside a mutant's run only: stop at the first failing test (stop-at-first-failure.js).
  runner: path.join(__dirname, 'bail-runner.js'),
  testEnvironment: path.join(__dirname, 'bail-environment.js'),
};
