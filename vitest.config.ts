import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A lesson's finding check trains its setup over several seeds (tens of seconds each): those run in
    // `npm run test:lessons` (vitest.lessons.config.ts), a README test command of their own.
    exclude: ['test/browser/**', 'node_modules/**', '**/*.lesson.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-tf.ts'],
    // Measured on a 2-core machine (issue 11): with a fresh process per file (vitest's default) each of
    // ~120 files paid ~3 s to start Node, transform tfjs-core's ES build and register its kernels, ops and
    // gradients: a third of the run. Worker threads that keep their module cache load tfjs once per worker.
    // No test file mocks modules, and files that switch tfjs's backend (or register one) switch back in
    // afterAll; tensor-leak checks compare counts before and after, so files sharing an engine is fine.
    pool: 'threads',
    isolate: false,
    // vitest leaves one core to itself by default (1 worker on 2 cores); its main process mostly waits,
    // so every core runs tests.
    maxWorkers: availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
