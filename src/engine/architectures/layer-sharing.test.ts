/** Layer sharing: the mask decides what is shared, where the representation is, and who gets gradients. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { layerSharing } from './layer-sharing';
import { buildEntry, forwardFlat, normalTensor, taskLosses, withDefaults } from './testing';

const dims = { numTasks: 3, inputDim: 4, outputDim: 2 };
const build = (shared: boolean[], seed = 1) =>
  buildEntry(layerSharing, withDefaults(layerSharing, { widths: [6, 5], shared }), dims, seed);
const count = (ps: { init: Float32Array }[]) => ps.reduce((n, p) => n + p.init.length, 0);

describe('layer-sharing', () => {
  it('the mask moves layers between θ and the task parameters', () => {
    const head = 3 * (5 * 2 + 2);
    const expected: [boolean[], number, number][] = [
      [[true, true], 4 * 6 + 6 + 6 * 5 + 5, head],
      [[false, false], 0, 3 * (4 * 6 + 6 + 6 * 5 + 5) + head],
      [[false, true], 6 * 5 + 5, 3 * (4 * 6 + 6) + head],
    ];
    for (const [mask, shared, task] of expected) {
      const { built, dispose } = build(mask);
      expect([count(built.shared), count(built.taskParams)]).toEqual([shared, task]);
      dispose();
    }
    const { built, dispose } = build([true, true]);
    expect(built.shared.map((s) => [s.name, s.layer, s.shape])).toEqual([
      ['layer1.kernel', 'layer 1', [4, 6]],
      ['layer1.bias', 'layer 1', [6]],
      ['layer2.kernel', 'layer 2', [6, 5]],
      ['layer2.bias', 'layer 2', [5]],
    ]);
    dispose();
  });

  it('the representation is the output of the leading run of shared layers', () => {
    const sizes = [
      [true, true],
      [true, false],
      [false, true],
    ].map((mask) => {
      const b = build(mask);
      b.dispose();
      return b.built.representationSize;
    });
    expect(sizes).toEqual([5, 6, undefined]);
  });

  it('a per-task layer gets no gradient from the other tasks (separate bottom, shared top)', () => {
    const b = build([false, true]);
    tf.tidy(() => {
      const x = normalTensor([1, 7, 4], 2) as tf.Tensor3D;
      const y = normalTensor([3, 7, 2], 3) as tf.Tensor3D;
      const layer1 = b.built.taskParams.findIndex((p) => p.name === 'layer1.kernel');
      const gradOf = (t: number) =>
        tf.grads((th: tf.Tensor, ...tp: tf.Tensor[]) =>
          taskLosses(forwardFlat(b, th as tf.Tensor2D, x, tp), y)
            .slice([t], [1])
            .sum(),
        )([b.theta, ...b.taskParams]);
      const [shared1, ...task1] = gradOf(1);
      const kernel = task1[layer1] as tf.Tensor;
      expect(kernel.shape).toEqual([3, 4, 6]);
      expect(Array.from(kernel.slice(0, 1).dataSync()).every((v) => v === 0)).toBe(true);
      expect(Array.from(kernel.slice(1, 1).dataSync()).some((v) => v !== 0)).toBe(true);
      // The shared top layer is shared: task 1's loss moves it.
      expect(Array.from((shared1 as tf.Tensor).dataSync()).some((v) => v !== 0)).toBe(true);
    });
    b.dispose();
  });

  it('the probe sits on the shared bottom: its gradient is dL/dh = dL/dout · W_headᵀ', () => {
    const b = build([true, true]);
    tf.tidy(() => {
      const x = normalTensor([1, 7, 4], 4) as tf.Tensor3D;
      const y = normalTensor([3, 7, 2], 5) as tf.Tensor3D;
      const loss = (p: tf.Tensor) =>
        tf.sum(taskLosses(forwardFlat(b, b.theta, x, b.taskParams, p as tf.Tensor3D), y));
      const got = tf.grad(loss)(tf.zeros([3, 7, 5]));
      const head = b.taskParams[
        b.built.taskParams.findIndex((p) => p.name === 'head.out.kernel')
      ] as tf.Tensor;
      const dOut = tf.mul(tf.sub(forwardFlat(b, b.theta, x), y), 2 / (7 * 2));
      const expected = tf.matMul(dOut, head, false, true);
      const diff = tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0];
      expect(diff).toBeLessThan(1e-6);
    });
    b.dispose();
  });

  it('check() and build() insist on one flag per hidden layer', () => {
    const bad = withDefaults(layerSharing, { widths: [6, 5, 4], shared: [true, false] });
    const issues = layerSharing.check?.(bad, { numTasks: 2 }) ?? [];
    expect(issues.map((i) => i.path)).toEqual(['shared']);
    expect(issues[0]?.message).toMatch(/3 values/);
    expect(() => buildEntry(layerSharing, bad, dims)).toThrow(/length/);
  });
});
