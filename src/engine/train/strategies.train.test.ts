import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { createTrainer } from './trainer';

/** The per-task gradient strategy changes the cost of a step, never the run: same seed, same numbers. */
describe('fused, stacked and loop train the same run', () => {
  for (const method of ['ew', 'pcgrad', 'mgda']) {
    it(method, async () => {
      const runs = [];
      // One after the other: the tensor count is global.
      for (const gradients of ['fused', 'stacked', 'loop'] as const)
        runs.push(
          await (async () => {
            const trainer = createTrainer(
              parseConfig({ method: { id: method }, gradients, sampling: { id: 'round-robin' } }),
            );
            try {
              await trainer.step(40);
              const held = tf.memory().numTensors;
              await trainer.step(20);
              // A step holds nothing more than the one before it, whatever the strategy.
              expect(tf.memory().numTensors).toBe(held);
              const report = await trainer.report();
              expect(trainer.info.gradientStrategy).toBe(gradients);
              return report;
            } finally {
              trainer.dispose();
            }
          })(),
        );
      const [fused, ...others] = runs;
      for (const other of others) {
        fused?.tasks.forEach((task, t) => {
          expect(task.trainLoss).toBeCloseTo(other.tasks[t]?.trainLoss ?? NaN, 4);
          expect(task.testLoss).toBeCloseTo(other.tasks[t]?.testLoss ?? NaN, 4);
        });
        const cosines = (r: typeof other) => r.gradients.cosine.flat();
        if (fused) cosines(fused).forEach((c, i) => expect(c).toBeCloseTo(cosines(other)[i] ?? NaN, 3));
      }
    });
  }
});
