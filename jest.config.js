/** Jest runs the TypeScript sources directly; `npm test` type-checks once with `tsc --noEmit` first,
 * so ts-jest only transpiles (isolatedModules) to keep the suite fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120000,
};
