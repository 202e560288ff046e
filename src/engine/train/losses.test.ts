import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { chanceLevel } from '../tasks/losses';
import { taskMetric } from './losses';

const value = async (t: tf.Tensor) => (await t.data())[0] as number;

describe('taskMetric', () => {
  it('accuracy of a softmax task: the largest logit against the one-hot class', async () => {
    // Rows predict classes 2, 0, 1; the targets are 2, 1, 1: two of three right.
    const pred = tf.tensor2d([0, 1, 5, 3, 2, 1, -1, 4, 0], [3, 3]);
    const target = tf.tensor2d([0, 0, 1, 0, 1, 0, 0, 1, 0], [3, 3]);
    expect(await value(taskMetric('accuracy', 'softmax-ce', pred, target))).toBeCloseTo(2 / 3, 6);
  });

  it('accuracy of a binary task: a logit above 0 predicts the positive class', async () => {
    const pred = tf.tensor2d([2, -1, 0.5, -3], [4, 1]);
    const target = tf.tensor2d([1, 1, 0, 0], [4, 1]);
    expect(await value(taskMetric('accuracy', 'bce-logits', pred, target))).toBeCloseTo(0.5, 6);
  });

  it("the 'loss' metric of a softmax task is its mean cross-entropy (summed over classes)", async () => {
    const pred = tf.tensor2d([0, 0, 0, 0], [1, 4]);
    const target = tf.tensor2d([0, 1, 0, 0], [1, 4]);
    expect(await value(taskMetric('loss', 'softmax-ce', pred, target))).toBeCloseTo(Math.log(4), 6);
  });
});

describe('chanceLevel', () => {
  it('is 1.5/C for C classes (capped at the binary 0.6), 0.05 for R², none for error metrics', () => {
    expect(chanceLevel({ loss: 'softmax-ce', metric: 'accuracy', classes: 10 })).toBeCloseTo(0.15);
    expect(chanceLevel({ loss: 'softmax-ce', metric: 'accuracy', classes: 2 })).toBe(0.6);
    expect(chanceLevel({ loss: 'bce-logits', metric: 'accuracy' })).toBe(0.6);
    expect(chanceLevel({ loss: 'mse', metric: 'r2' })).toBe(0.05);
    expect(chanceLevel({ loss: 'mse', metric: 'mse' })).toBeUndefined();
  });
});
