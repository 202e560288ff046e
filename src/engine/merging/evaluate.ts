/**
 * Per-task loss and metric of given parameters (plain arrays) on a split, with the merging run's own copy
 * of the model (the same data and layout as every trainer it runs): several parameter sets, one readback.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readAll } from '../metrics/readback';
import type { Model } from '../train/model';
import type { ModelParams } from './specialist-params';
import type { Score } from './report';

export async function evaluateParams(
  model: Model,
  sets: readonly ModelParams[],
  split: 'train' | 'test',
): Promise<Score[][]> {
  const T = model.tasks.length;
  const tensors = tf.tidy(() => {
    const out: Record<string, tf.Tensor> = {};
    sets.forEach((set, s) => {
      const theta = tf.tensor2d(set.theta, [1, set.theta.length]);
      const heads = model.taskParams.map((p, i) => tf.tensor(set.heads[i] as Float32Array, p.shape));
      const { loss, metric } = model.evaluate(theta, heads, split);
      out[`loss${s}`] = loss;
      out[`metric${s}`] = metric;
    });
    return out;
  });
  try {
    const values = await readAll(tensors);
    return sets.map((_, s) =>
      Array.from({ length: T }, (_, t) => ({
        loss: (values[`loss${s}`] as Float32Array)[t] as number,
        metric: (values[`metric${s}`] as Float32Array)[t] as number,
      })),
    );
  } finally {
    tf.dispose(Object.values(tensors));
  }
}
