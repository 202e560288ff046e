// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers import one way: ui -> state -> worker/client -> engine, and cli -> engine (DESIGN.md §1).
const uiOnly = ['react', 'react-dom', 'react-dom/*', 'recharts', 'zustand', 'zustand/*'];
const outerLayers = ['**/ui/**', '**/state/**', '**/worker/**', '**/cli/**', '**/backend/**'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test/artifacts', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
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
