import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { activationGrad } from './activation-grad';

describe('activationGrad', () => {
  const dy = tf.tensor3d([1, 2, 3, 4, 5, 6], [2, 1, 3]);

  it.each([
    ['relu', [-1, 0, 2], [0, 0, 3, 0, 0, 6]],
    ['tanh', [0, 0.5, -1], [1, 1.5, 0, 4, 3.75, 0]],
    ['sigmoid', [0.5, 0, 1], [0.25, 0, 0, 1, 0, 0]],
    ['elu', [-0.5, 0, 2], [0.5, 2, 3, 2, 5, 6]],
  ] as const)('%s: dy · f′ from the output h, h shared by both tasks', async (activation, h, expected) => {
    const out = activationGrad(dy, tf.tensor3d([...h], [1, 1, 3]), activation);
    Array.from(await out.data()).forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 6));
  });

  it('linear passes dy through without a kernel', () => {
    expect(activationGrad(dy, tf.zeros([1, 1, 3]), 'linear')).toBe(dy);
  });

  it('refuses an h that neither matches nor broadcasts', () => {
    expect(() => activationGrad(dy, tf.zeros([2, 1, 2]), 'relu')).toThrow(
      'activationGrad: h is [2, 1, 2], dy is [2, 1, 3]; accepted h: [1 or T, B, W] for dy [T, B, W]',
    );
  });
});
