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
import { weightGradient } from '../src/engine/train/dense-chain-gradients';

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
  // Wide enough that both weight gradients leave tfjs-wasm's loop (weightGradient): the shared layer's as
  // one product of every task side by side, the task layer's as the grouped product.
  'wide shared and task layers (the XNNPACK weight gradients)': {
    task: { id: 'sinusoids', params: { numTasks: 3 } },
    architecture: { id: 'layer-sharing', params: { widths: [24, 40], shared: [true, false] } },
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
      // Float32 rounding of losses of a few units (the wide case: 4e-6 apart).
      expect(await maxAbsDiff(fused.losses, stacked.losses)).toBeLessThan(1e-5);
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

  it('weightGradient equals the plain product hᵀ dz for a shared and a per-task input', async () => {
    type Shape = [number, number, number];
    const cases: [Shape, Shape][] = [
      [
        [1, 48, 20],
        [3, 48, 12],
      ], // shared input: one product of the tasks side by side
      [
        [3, 48, 20],
        [3, 48, 12],
      ], // per-task inputs: the grouped product
      [
        [1, 48, 4],
        [3, 48, 12],
      ], // few inputs: the loop
    ];
    for (const [hShape, dzShape] of cases) {
      const h = tf.randomNormal<tf.Rank.R3>(hShape, 0, 1, 'float32', 3);
      const dz = tf.randomNormal<tf.Rank.R3>(dzShape, 0, 1, 'float32', 4);
      const before = tf.memory().numTensors;
      const ours = weightGradient(h, dz);
      expect(tf.memory().numTensors).toBe(before + 1);
      const reference = tf.matMul(h, dz, true, false);
      expect(ours.shape).toEqual(reference.shape);
      expect(await maxAbsDiff(ours, reference)).toBeLessThan(1e-4);
      tf.dispose([h, dz, ours, reference]);
    }
  });
});
