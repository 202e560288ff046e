/**
 * Independent nets (no layer shared) have an empty θ. On WASM, which the app picks on machines without a
 * GPU and the CLI uses by default, every reduction over that empty axis used to read leftover heap values
 * (src/backend/wasm-empty-reductions.ts). Every gradient method must train such a model on WASM and report
 * what the CPU backend reports: finite losses, gradient norms of 0 and no conflict.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../src/backend/node';
import { ConfigError, createTrainer, parseConfig } from '../src/engine';
import { METHODS } from '../src/engine/methods/registry';

describe('independent nets on WASM, every method', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
    // Dirty the heap first: the bug read whatever the memory held.
    const junk = tf.fill([1 << 16], 3.25);
    await junk.data();
    junk.dispose();
  });
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  for (const method of METHODS) {
    it(method.id, async () => {
      let trainer;
      try {
        trainer = createTrainer(
          parseConfig({
            task: { id: 'sinusoids', params: { numTasks: 3 } },
            architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [false, false] } },
            method: { id: method.id },
            batchSize: 16,
          }),
        );
      } catch (error) {
        // Methods that cannot serve this suite say so at build time (e.g. Krum needs more tasks).
        expect(error).toBeInstanceOf(ConfigError);
        return;
      }
      try {
        await trainer.step(5);
        const report = await trainer.report();
        expect(tf.getBackend()).toBe('wasm');
        for (const task of report.tasks) expect(Number.isFinite(task.trainLoss)).toBe(true);
        expect(report.gradients.norms.flat().every((n) => n === 0)).toBe(true);
        report.gradients.cosine.forEach((row, i) =>
          row.forEach((c, j) => {
            if (i !== j) expect(c).toBe(0);
          }),
        );
        expect(report.weights.flat().every(Number.isFinite)).toBe(true);
      } finally {
        trainer.dispose();
      }
    });
  }
});
