/** Jest runs the TypeScript sources directly; `npm test` type-checks once with `tsc --noEmit` first,
 * so ts-jest only transpiles (isolatedModules) to keep the suite fast. */
// The tests judge with cdk-nag's packs every time: their verdict is never reused from an earlier test or run
// (test/nag-verdict names its own cache directories to test the reuse against these unreused verdicts).
process.env.CLOSED_TELEWORK_NAG_CACHE ??= 'off';
// Likewise the tier proof: every test judges the templates and renders the report afresh (test/nag/proof-reuse
// names its own cache directories to test the reuse against these).
process.env.CLOSED_TELEWORK_TIER_CACHE ??= 'off';

module.exports = {
  // TMPDIR is a directory of this run's own (a folder per worker), removed after the run; a test file that
  // leaves files there fails (test/support/temp-dirs).
  testEnvironment: '<rootDir>/test/support/temp-dirs/environment.ts',
  globalSetup: '<rootDir>/test/support/temp-dirs/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/temp-dirs/global-teardown.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120000,
};
