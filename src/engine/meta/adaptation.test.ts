/** The shared adaptation evaluation: 0 steps is the plain prediction, 1 step is a hand-computed SGD step. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { SineTask } from '../tasks/sine-family';
import { adaptedParams, evaluateAdaptation } from './adaptation';
import { createMetaNet } from './net';
import { singleForward } from './trainer-parts';

const linear = singleForward(createMetaNet([], 'linear'));
/** y = 2x known from shots x = (1, 2); judged at x = (0, 3). */
const task: SineTask = {
  amplitude: 1,
  phase: 0,
  shotsX: Float32Array.from([1, 2]),
  shotsY: Float32Array.from([2, 4]),
  queryX: Float32Array.from([0, 3]),
  queryY: Float32Array.from([0, 6]),
};

describe('evaluateAdaptation', () => {
  it('reports the plain prediction at k = 0 and one hand-computed step at k = 1', async () => {
    const theta = [tf.tensor2d([[1]]), tf.tensor1d([0])];
    const before = tf.memory().numTensors;
    const out = await evaluateAdaptation(linear, theta, [task], { lr: 0.1, steps: 2, curves: 1 });
    expect(tf.memory().numTensors).toBe(before);
    // k = 0: predictions (0, 3) against (0, 6): MSE 4.5. k = 1: θ = (1.5, 0.3) (learners.test.ts), predictions
    // (0.3, 4.8): MSE (0.09 + 1.44) / 2 = 0.765.
    expect(out.lossAfterSteps[0]).toBeCloseTo(4.5, 5);
    expect(out.lossAfterSteps[1]).toBeCloseTo(0.765, 5);
    expect(out.lossAfterSteps).toHaveLength(3);
    const fits = out.fits[0]?.fits ?? [];
    expect(fits.map((f) => f.steps)).toEqual([0, 1, 2]);
    expect(fits[0]?.y).toEqual([0, 3]);
    expect(fits[1]?.y[0]).toBeCloseTo(0.3, 5);
    expect(fits[1]?.y[1]).toBeCloseTo(4.8, 5);
    expect(out).toMatchObject({ shots: 2, adaptLr: 0.1, heldOut: 1 });
    tf.dispose(theta);
  });

  it('with 0 steps equals the plain prediction for any network and sine', async () => {
    const net = createMetaNet([8, 8], 'relu');
    const { Rng } = await import('../random/rng');
    const theta = net.init(new Rng(5)).map((v, i) => tf.tensor(v, net.shapes[i]));
    const forward = singleForward(net);
    const out = await evaluateAdaptation(forward, theta, [task], { lr: 0.01, steps: 1, curves: 1 });
    const plain = await tf.tidy(() => forward(theta, tf.tensor3d(task.queryX, [1, 2, 1]))).data();
    expect(out.fits[0]?.fits[0]?.y).toEqual(Array.from(plain));
    const kept = adaptedParams(forward, theta, task, 0.01, 0);
    for (let i = 0; i < theta.length; i++) expect(await kept[i]!.data()).toEqual(await theta[i]!.data());
    tf.dispose([...theta, ...kept]);
  });
});
