/**
 * `npm run test:lessons`: every lesson's finding, checked by training its setup over several seeds
 * (src/engine/lesson-checks/*.lesson.test.ts, the same checks `cli lesson check` runs). Kept out of
 * `npm test` so that the unit tests stay under five minutes; CI runs both.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Spread, not mergeConfig: mergeConfig concatenates include/exclude lists, and these replace the base's.
export default defineConfig({
  test: {
    ...base.test,
    include: ['src/**/*.lesson.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 600_000,
    // On WASM, as `cli lesson check` trains (test/setup-tf.ts reads this).
    env: { MTL_TEST_BACKEND: 'wasm' },
  },
});
