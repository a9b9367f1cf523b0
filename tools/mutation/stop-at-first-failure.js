/**
 * What lets a mutant's run stop at its first failing test (jest's own --bail cannot be set programmatically,
 * and Stryker's jest runner turns it off). A mutant is killed by one failing test; every test run after it
 * only adds time. Survivors still run every covering test, so no score changes: only killed mutants get cheaper.
 *
 * Active only inside a mutant's run — while Stryker's __STRYKER_ACTIVE_MUTANT__ is set — never in the initial
 * (dry) run that measures coverage, nor in a plain jest run. The flag lives on the main process (jest runs
 * in band under Stryker), shared by the test runner (skips later files) and the environment (skips later tests
 * in the same file).
 */
const FLAG = Symbol.for('closed-telework.mutation.failedUnderMutant');

const activeMutant = () => process.env.__STRYKER_ACTIVE_MUTANT__;

/** True when a test has already failed under the mutant now active. */
function failedAlready() {
  const mutant = activeMutant();
  return mutant !== undefined && globalThis[FLAG] === mutant;
}

function markFailed() {
  const mutant = activeMutant();
  if (mutant !== undefined) globalThis[FLAG] = mutant;
}

module.exports = { failedAlready, markFailed };
