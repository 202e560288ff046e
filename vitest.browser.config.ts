import { defineConfig } from 'vitest/config';

// Browser tests drive the built app in Chromium: one file at a time, generous timeouts (SwiftShader is slow).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
