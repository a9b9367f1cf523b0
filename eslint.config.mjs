// ESLint (flat config) with typescript-eslint's recommended rules over the TypeScript sources.
// Runs in `npm test` (npm run lint). Type-aware rules are left out on purpose: they re-run the type
// checker, which `tsc --noEmit` already runs once.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', 'reports/', 'coverage/', '.stryker-tmp/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused names are the compiler's job (noUnusedLocals / noUnusedParameters); `_`-prefixed are intended.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The engine embeds resolved references in strings between U+0001 marks (lib/model/resolve/values.ts):
    // a control character no template text contains, matched on purpose.
    files: ['lib/model/resolve/values.ts', 'test/support/snapshot-from-templates.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests read synthesised CloudFormation, which is untyped JSON.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
