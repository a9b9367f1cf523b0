/**
 * Jest test runner for mutation runs: jest's own runner, file by file, that runs no further file once a test
 * has failed under the active mutant (stop-at-first-failure.js). Outside a mutant's run it is jest's runner.
 */
const TestRunner = require('jest-runner').default;
const { failedAlready, markFailed } = require('./stop-at-first-failure');

class BailRunner extends TestRunner {
  constructor(globalConfig, context) {
    super(globalConfig, context);
    this.on('test-file-success', ([, result]) => {
      if (result.numFailingTests > 0 || result.testExecError) markFailed();
    });
    this.on('test-file-failure', () => markFailed());
  }

  async runTests(tests, watcher, options) {
    if (!options.serial || process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) return super.runTests(tests, watcher, options);
    for (const test of tests) {
      if (failedAlready()) return;
      await super.runTests([test], watcher, options);
    }
  }
}

module.exports = BailRunner;
