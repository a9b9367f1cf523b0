/**
 * Runs the whole jest suite with every call of the engine's `verify()` recorded (its templates, missing
 * nested stacks, policy and date) into $PARITY_CORPUS, one file per distinct input. The corpus is then
 * replayed by tools/parity/replay.ts at two commits, and the two `verify --format json` outputs compared:
 * the proof that a refactor changed no verdict (issue 16, point 6).
 *
 *   PARITY_CORPUS=/tmp/corpus npx jest -c tools/parity/jest.capture.config.js
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), '<rootDir>/tools/parity/capture-setup.ts'],
};
