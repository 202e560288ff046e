// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers import one way: ui -> state -> worker/client -> engine, and cli -> engine (docs/architecture.md);
// .dependency-cruiser.cjs enforces every arrow, the rules below keep UI libraries and Node out of the engine.
const uiOnly = ['react', 'react-dom', 'react-dom/*', 'recharts', 'zustand', 'zustand/*'];
const outerLayers = ['**/ui/**', '**/state/**', '**/worker/**', '**/cli/**', '**/backend/**'];

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test/artifacts', 'coverage'] },
  js.configs.recommended,
  // Type-checked rules: a promise nobody awaits (a lost error, a step that overlaps the next), an async
  // function where a callback must return void, `any` leaking out of JSON or a catch.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Config files outside every tsconfig: plain JavaScript rules only.
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS config files (dependency-cruiser's) load each other with require.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine trains in a Web Worker, in Node and in the browser alike: no UI, no DOM, no Node APIs.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiOnly
            .filter((p) => !p.includes('*'))
            .map((name) => ({ name, message: 'src/engine must not import UI libraries.' })),
          patterns: [
            {
              group: uiOnly.filter((p) => p.includes('*')),
              message: 'src/engine must not import UI libraries.',
            },
            {
              group: outerLayers,
              message: 'src/engine must not import outer layers (ui, state, worker, cli, backend).',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'src/engine must run in the browser too.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process'],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/state/**', '**/worker/**', ...uiOnly],
              message: 'The CLI talks to the engine only.',
            },
          ],
        },
      ],
    },
  },
);
