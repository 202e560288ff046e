import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createOptimizer } from './registry';

/** PyTorch's Adam, written out in float64 (the reference). */
function adamReference(theta: number, grads: number[], lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): number {
  let m = 0;
  let v = 0;
  grads.forEach((g, i) => {
    const t = i + 1;
    m = b1 * m + (1 - b1) * g;
    v = b2 * v + (1 - b2) * g * g;
    theta -= (lr * (m / (1 - b1 ** t))) / (Math.sqrt(v / (1 - b2 ** t)) + eps);
  });
  return theta;
}

describe('optimizers', () => {
  it("Adam matches PyTorch's update rule", () => {
    const v = tf.variable(tf.tensor1d([0.5, -2]));
    const opt = createOptimizer({ id: 'adam', params: { beta1: 0.9, beta2: 0.999, eps: 1e-8 } }, 0.1, [v]);
    const grads = [
      [0.3, -1e-3],
      [-0.2, 2],
      [1.5, 0.5],
    ];
    for (const g of grads) tf.tidy(() => opt.apply([tf.tensor1d(g)]));
    const got = Array.from(v.dataSync());
    expect(got[0]).toBeCloseTo(
      adamReference(
        0.5,
        grads.map((g) => g[0] as number),
        0.1,
      ),
      5,
    );
    expect(got[1]).toBeCloseTo(
      adamReference(
        -2,
        grads.map((g) => g[1] as number),
        0.1,
      ),
      5,
    );
    opt.dispose();
    v.dispose();
  });

  it('Adam over many steps, two variables of different shapes, and a learning-rate change mid-run', async () => {
    const a = tf.variable(tf.tensor2d([0.5, -2, 1, 3], [2, 2]));
    const b = tf.variable(tf.tensor1d([0.1]));
    const opt = createOptimizer({ id: 'adam', params: { beta1: 0.8, beta2: 0.99, eps: 1e-6 } }, 0.05, [a, b]);
    const gradsA = Array.from({ length: 40 }, (_, t) => [Math.sin(t), Math.cos(t), 0, 10 * Math.sin(3 * t)]);
    const gradsB = gradsA.map((g) => [(g[0] as number) * 0.5]);
    gradsA.forEach((g, t) => {
      if (t === 20) opt.setLearningRate(0.01);
      tf.tidy(() => opt.apply([tf.tensor2d(g, [2, 2]), tf.tensor1d(gradsB[t] as number[])]));
    });
    // The reference with the same mid-run change: 20 steps at 0.05, then 20 at 0.01 (moments carry over).
    const reference = (theta: number, gs: number[]) => {
      let [m, v] = [0, 0];
      gs.forEach((g, i) => {
        const t = i + 1;
        m = 0.8 * m + 0.2 * g;
        v = 0.99 * v + 0.01 * g * g;
        theta -= ((i < 20 ? 0.05 : 0.01) * (m / (1 - 0.8 ** t))) / (Math.sqrt(v / (1 - 0.99 ** t)) + 1e-6);
      });
      return theta;
    };
    const got = Array.from(await a.data());
    [0.5, -2, 1, 3].forEach((start, j) =>
      expect(got[j]).toBeCloseTo(
        reference(
          start,
          gradsA.map((g) => g[j] as number),
        ),
        5,
      ),
    );
    expect((await b.data())[0]).toBeCloseTo(
      reference(
        0.1,
        gradsB.map((g) => g[0] as number),
      ),
      5,
    );
    opt.dispose();
    tf.dispose([a, b]);
  });

  it('SGD with momentum matches heavy-ball updates, and the learning rate can change mid-run', () => {
    const v = tf.variable(tf.scalar(1));
    const opt = createOptimizer({ id: 'sgd', params: { momentum: 0.5 } }, 0.1, [v]);
    tf.tidy(() => opt.apply([tf.scalar(2)])); // b = 2, θ = 1 - 0.2 = 0.8
    opt.setLearningRate(1);
    tf.tidy(() => opt.apply([tf.scalar(1)])); // b = 0.5·2 + 1 = 2, θ = 0.8 - 2 = -1.2
    expect(v.dataSync()[0]).toBeCloseTo(-1.2, 6);
    opt.dispose();
    v.dispose();
  });

  it('plain SGD (no momentum) takes θ - lr · g', () => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    const opt = createOptimizer({ id: 'sgd', params: { momentum: 0 } }, 0.5, [v]);
    tf.tidy(() => opt.apply([tf.tensor1d([2, -2])]));
    expect(Array.from(v.dataSync())).toEqual([0, 3]);
    opt.dispose();
    v.dispose();
  });

  it('leaks no tensors per step', () => {
    const v = tf.variable(tf.zeros([3]));
    const opt = createOptimizer({ id: 'adam', params: { beta1: 0.9, beta2: 0.999, eps: 1e-8 } }, 0.01, [v]);
    const g = tf.ones([3]);
    opt.apply([g]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) opt.apply([g]);
    expect(tf.memory().numTensors).toBe(before);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before - 1); // its one state variable, the moments [2, 3]
    tf.dispose([v, g]);
  });
});
