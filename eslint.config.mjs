// Lint: typescript-eslint's type-checked recommendations over the TypeScript projects, the untyped ones over the
// build scripts and bin stubs. `npm run lint` (and the `lint` stage of `npm test`) fails on any finding.
import tseslint from 'typescript-eslint';

const TS_PROJECTS = ['shared', 'server', 'client', 'media', 'test', 'bench'];
const unusedVars = ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'media/dist/', '.cache/', '.workbench/', 'test-results/', 'test/fixtures/'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: TS_PROJECTS.map((p) => `./${p}/tsconfig.json`), tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },
  {
    // The LSP convention (as in vscode-languageserver-protocol): each request is a namespace holding its method and type.
    files: ['shared/src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.d.mts'],
    extends: [tseslint.configs.recommended],
    rules: { '@typescript-eslint/no-unused-vars': unusedVars },
  },
  {
    // The bin stubs are CommonJS: they require the bundles.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
