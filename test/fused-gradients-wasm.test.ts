/**
 * The hand-written dense-chain gradients (src/engine/train/dense-chain-gradients.ts) on the WASM backend,
 * which runs the forward pass unfused (its fused product refuses a reshaped bias): they must equal the
 * stacked autodiff gradients there too, as they do on the CPU backend (the engine's own test).
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../src/backend/node';
import { parseConfig } from '../src/engine/config/parse';
import { Rng } from '../src/engine/random/rng';
import { buildModel } from '../src/engine/train/build-model';
import { computeTaskGradients } from '../src/engine/train/task-grads';

const maxAbsDiff = async (a: tf.Tensor, b: tf.Tensor) => {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const [v = NaN] = await d.data();
  d.dispose();
  return v;
};

const CASES: Record<string, Record<string, unknown>> = {
  'the default experiment': {},
  'task-specific top layer, tanh, separate inputs': {
    task: { id: 'sinusoids', params: { numTasks: 3, inputs: 'separate' } },
    architecture: {
      id: 'layer-sharing',
      params: { widths: [8, 8], shared: [true, false], activation: 'tanh' },
    },
  },
};

describe('fused gradients on WASM', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  for (const [name, raw] of Object.entries(CASES)) {
    it(name, async () => {
      expect(tf.getBackend()).toBe('wasm');
      const model = buildModel(parseConfig({ batchSize: 16, ...raw }), new Rng(5));
      const theta = tf.tensor2d(model.initialShared, [1, model.numShared]);
      const taskVars = model.taskParams.map((p) => tf.tensor(p.init, p.shape));
      const batch = model.nextBatch({ step: 0 });
      const fused = computeTaskGradients('fused', model, theta, taskVars, batch);
      const stacked = computeTaskGradients('stacked', model, theta, taskVars, batch);
      expect(await maxAbsDiff(fused.losses, stacked.losses)).toBeLessThan(1e-6);
      expect(await maxAbsDiff(fused.shared, stacked.shared)).toBeLessThan(1e-5);
      for (let i = 0; i < taskVars.length; i++)
        expect(
          await maxAbsDiff(fused.taskParams[i] as tf.Tensor, stacked.taskParams[i] as tf.Tensor),
        ).toBeLessThan(1e-5);
      for (const g of [fused, stacked]) tf.dispose([g.losses, g.shared, ...g.taskParams]);
      tf.dispose([theta, ...taskVars, ...(batch ? [batch.x, batch.y] : [])]);
      model.dispose();
    });
  }
});
