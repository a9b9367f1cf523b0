/**
 * Jest environment for mutation runs: jest's node environment, which
 * - skips the remaining tests of a file once a test has failed under the active mutant (stop-at-first-failure.js);
 *   jest-circus announces each test ("test_start") before deciding whether to skip it, so marking it skipped
 *   there is enough;
 * - skips the tests that read the engine's source TEXT (SOURCE_TEXT_TESTS): Stryker instruments that text, so they
 *   fail on every run, mutated or not. They check the layout of the code (one rule per file), not what it does,
 *   so they can kill no mutant; `npm test` runs them.
 */
const NodeEnvironment = require('jest-environment-node').default;
const { failedAlready, markFailed } = require('./stop-at-first-failure');

const SOURCE_TEXT_TESTS = new Set(['one rule per file: each file in lib/checks/rules exports exactly one rule']);

const fullName = (test) => {
  const names = [];
  for (let block = test.parent; block && block.parent; block = block.parent) names.unshift(block.name);
  return [...names, test.name].join(' ');
};

class BailEnvironment extends NodeEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_start' && (failedAlready() || SOURCE_TEXT_TESTS.has(fullName(event.test)))) event.test.mode = 'skip';
    if (event.name === 'test_done' && event.test.errors.length > 0) markFailed();
    if (event.name === 'hook_failure' || event.name === 'test_fn_failure') markFailed();
  }
}

module.exports = BailEnvironment;
