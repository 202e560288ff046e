/**
 * The isolation and monitoring settings through the real trainer: the lookahead affinity appears in the
 * reports on its schedule, the regularizers act on the task-specific parameters, DTP trains on the batch
 * KPIs, and the tensor count stays flat with all of them on.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { createTrainer } from './trainer';

const base = { task: { id: 'playground-2d' }, learningRate: 0.02, batchSize: 32 };

describe('monitoring and regularizers in training', () => {
  it('reports the affinity matrix averaged over the sampled steps; related tasks help each other', async () => {
    const trainer = createTrainer(parseConfig({ ...base, isolation: { affinityEvery: 5 } }));
    try {
      expect((await trainer.report()).affinity).toBeUndefined();
      await trainer.step(20);
      const report = await trainer.report();
      expect(report.affinity?.samples).toBe(4); // steps 0, 5, 10, 15
      const z = report.affinity?.matrix ?? [];
      expect(z).toHaveLength(2);
      z.flat().forEach((v) => expect(Number.isFinite(v)).toBe(true));
      // A step on task i lowers task i's own loss (diagonal > 0) early in training.
      expect(z[0]?.[0]).toBeGreaterThan(0);
      expect(z[1]?.[1]).toBeGreaterThan(0);
    } finally {
      trainer.dispose();
    }
  });

  it('L2 on the task-specific parameters shrinks the heads: smaller outputs than without it', async () => {
    const spread = async (l2: number) => {
      const trainer = createTrainer(parseConfig({ ...base, isolation: { l2 } }));
      try {
        await trainer.step(150);
        const grid = Float32Array.from({ length: 200 }, (_, i) => ((i % 20) - 10) / 2);
        const out = await trainer.predict(grid, 100);
        return Math.sqrt(out.reduce((s, v) => s + v * v, 0) / out.length);
      } finally {
        trainer.dispose();
      }
    };
    expect(await spread(1)).toBeLessThan(0.7 * (await spread(0)));
  });

  it('keeps the tensor count flat with clipping, masks, regularizers, affinity and a partial sampler on', async () => {
    const trainer = createTrainer(
      parseConfig({
        ...base,
        task: { id: 'sinusoids', params: { numTasks: 3 } },
        method: { id: 'mgda' },
        sampling: { id: 'round-robin' },
        isolation: {
          clipNorm: 1,
          clipPerTask: [1, 0, 2],
          gradientMask: [[0, 0]],
          l2: 0.01,
          orthogonality: 0.01,
          traceNorm: 0.01,
          affinityEvery: 3,
        },
      }),
    );
    try {
      await trainer.step(10);
      await trainer.report();
      const held = tf.memory().numTensors;
      await trainer.step(30);
      await trainer.report();
      expect(tf.memory().numTensors).toBe(held);
    } finally {
      trainer.dispose();
    }
  });

  it('DTP trains on the batch KPIs and is refused on an objective suite', async () => {
    const trainer = createTrainer(parseConfig({ ...base, method: { id: 'dtp' } }));
    try {
      const first = await trainer.report();
      await trainer.step(200);
      const last = await trainer.report();
      last.tasks.forEach((t, i) => expect(t.testLoss).toBeLessThan(first.tasks[i]?.testLoss ?? 0));
      last.weights.forEach((w) => expect(w).toBeGreaterThan(0));
    } finally {
      trainer.dispose();
    }
    expect(() => createTrainer(parseConfig({ task: { id: 'toy' }, method: { id: 'dtp' } }))).toThrow(
      ConfigError,
    );
  });
});
