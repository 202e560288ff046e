import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { LossKind } from '../tasks/losses';
import { taskLosses } from '../train/losses';
import { taskLossAndGrad } from './task-loss';
import { taskLossAndGradComposed } from './task-loss-composed';

const read = async (t: tf.Tensor) => Array.from(await t.data());

async function expectClose(got: tf.Tensor, want: tf.Tensor, digits: number): Promise<void> {
  const [a, b] = [await read(got), await read(want)];
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i] as number, digits));
}

describe('taskLossAndGrad', () => {
  it('worked by hand: mse and bce on logits, per task', async () => {
    // Task 0 (mse): errors 1 and 2 → loss (1 + 4) / 2, gradient 2 e / 2. Task 1 (bce): z = 0, y = 1 and
    // z = 0, y = 0 → loss log 2 each, gradient (σ(0) − y) / 2 = ∓1/4.
    const pred = tf.tensor3d([1, 3, 0, 0], [2, 2, 1]);
    const target = tf.tensor3d([0, 1, 1, 0], [2, 2, 1]);
    const { losses, grad } = taskLossAndGrad(pred, target, ['mse', 'bce-logits']);
    const l = await read(losses);
    expect(l[0]).toBeCloseTo(2.5, 6);
    expect(l[1]).toBeCloseTo(Math.LN2, 6);
    const g = await read(grad);
    [1, 2, -0.25, 0.25].forEach((v, i) => expect(g[i]).toBeCloseTo(v, 6));
  });

  it('worked by hand: softmax cross-entropy sums over the classes, its gradient is softmax − y', async () => {
    // One task, two samples of 3 logits. Sample 1: z = (1, 2, 3), class 2: loss log(e + e² + e³) − 3
    // = 0.4076059644; softmax (0.0900306, 0.2447285, 0.6652410). Sample 2: z = (0, 0, 0), class 0: loss
    // log 3; softmax 1/3 each. Mean loss over 2 samples; gradient (softmax − y) / 2.
    const pred = tf.tensor3d([1, 2, 3, 0, 0, 0], [1, 2, 3]);
    const target = tf.tensor3d([0, 0, 1, 1, 0, 0], [1, 2, 3]);
    const { losses, grad } = taskLossAndGrad(pred, target, ['softmax-ce']);
    expect((await read(losses))[0]).toBeCloseTo((0.4076059644 + Math.log(3)) / 2, 6);
    const want = [0.0900306, 0.2447285, 0.665241 - 1, 1 / 3 - 1, 1 / 3, 1 / 3].map((v) => v / 2);
    (await read(grad)).forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 6));
    // The reference composition and the loss the evaluation uses agree.
    expect((await read(taskLosses(['softmax-ce'], pred, target)))[0]).toBeCloseTo(
      (0.4076059644 + Math.log(3)) / 2,
      6,
    );
  });

  it('counts only weighted samples, and a task with no weight has loss 0 and gradient 0', async () => {
    const pred = tf.tensor3d([1, 5, 2, 2], [2, 2, 1]);
    const target = tf.zeros<tf.Rank.R3>([2, 2, 1]);
    const weights = tf.tensor2d([1, 0, 0, 0], [2, 2]);
    const { losses, grad } = taskLossAndGrad(pred, target, ['mse', 'mse'], weights);
    expect(await read(losses)).toEqual([1, 0]);
    expect(await read(grad)).toEqual([2, 0, 0, 0]);
  });

  const kinds: LossKind[][] = [
    ['mse', 'mse'],
    ['bce-logits', 'bce-logits'],
    ['mse', 'bce-logits', 'mse'],
  ];
  it.each(kinds.flatMap((k) => [[k, false] as const, [k, true] as const]))(
    'losses equal train/losses.ts taskLosses and the gradient equals autodiff (%j, weights %s)',
    async (k, weighted) => {
      const [T, B, O] = [k.length, 12, 2];
      // Logits away from 0, where tfjs's autodiff of relu and abs takes subgradient 0 (task-loss-composed.ts).
      const pred = tf.tidy(() => {
        const z = tf.randomNormal<tf.Rank.R3>([T, B, O], 0, 2, 'float32', 7);
        return tf.add<tf.Tensor3D>(z, tf.mul(tf.sign(z), 0.1));
      });
      const target = tf.randomUniform<tf.Rank.R3>([T, B, O], 0, 1, 'float32', 8).round();
      const weights = weighted
        ? tf.tensor2d(
            Array.from({ length: T * B }, (_, i) => (i < B ? 0 : i % 3 ? 1 : 0)),
            [T, B],
          )
        : undefined;
      const reference = taskLosses(k, pred, target, weights);
      const autodiff = tf.grad((p) => tf.sum(taskLosses(k, p as tf.Tensor3D, target, weights)))(pred);
      for (const f of [taskLossAndGrad, taskLossAndGradComposed]) {
        const { losses, grad } = f(pred, target, k, weights);
        await expectClose(losses, reference, 5);
        await expectClose(grad, autodiff, 6);
      }
    },
  );

  it('refuses mismatched inputs with one line', () => {
    const pred = tf.zeros<tf.Rank.R3>([2, 3, 1]);
    expect(() => taskLossAndGrad(pred, tf.zeros<tf.Rank.R3>([2, 3, 2]), ['mse', 'mse'])).toThrow(
      'taskLossAndGrad: target is [2, 3, 2], pred is [2, 3, 1]; they must match',
    );
    expect(() => taskLossAndGrad(pred, pred, ['mse'])).toThrow('taskLossAndGrad: 1 loss kinds for 2 tasks');
    expect(() => taskLossAndGrad(pred, pred, ['mse', 'mse'], tf.ones<tf.Rank.R2>([2, 2]))).toThrow(
      'taskLossAndGrad: weights are [2, 2]; accepted: [2, 3] or none',
    );
  });
});
