/**
 * Seeds trained side by side (src/engine/train/seed-batch.ts) on the WASM backend, where the batch splits
 * its shared-kernel products into one XNNPACK product per seed (seed-batch-matmul.ts) and the one-by-one
 * runs do not: every seed's reports must still equal its own run's to 1e-4, as on the CPU backend
 * (src/engine/train/seed-batch.test.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../src/backend/node';
import { parseConfig } from '../src/engine/config/parse';
import type { Report } from '../src/engine/train/report';
import { batchAndSingles, worstDifference } from '../src/engine/train/seed-batch-testing';

describe('seeds trained as one batch equal their one-by-one runs on WASM', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  for (const method of ['ew', 'mgda', 'pcgrad']) {
    it(`${method} on the default experiment, 3 seeds, 30 steps`, async () => {
      expect(tf.getBackend()).toBe('wasm');
      const seeds = [2, 9, 4];
      const { batched, singles } = await batchAndSingles(parseConfig({ method: { id: method } }), seeds, 30);
      seeds.forEach((seed, r) => {
        for (const at of [0, 1]) {
          const worst = worstDifference(singles[r]?.[at] as Report, batched[at]?.[r] as Report);
          expect(worst.diff, `seed ${seed}, report ${at}: ${worst.at}`).toBeLessThan(1e-4);
        }
      });
    });
  }
});
