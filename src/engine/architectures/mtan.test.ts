/**
 * MTAN: masks saturated at 1 give the shared-bottom net, masks at 0 leave only the heads' biases, and the
 * probe sits on the task branches (not on the trunk).
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { layerSharing } from './layer-sharing';
import { mtan } from './mtan';
import { buildEntry, forwardFlat, normalTensor, taskLosses, withDefaults, type Built } from './testing';

const T = 3;
const dims = { numTasks: T, inputDim: 4, outputDim: 2 };
const common = { widths: [6, 5], activation: 'tanh' };

/** MTAN's task parameters with every attention kernel 0 and bias `logit`: masks of sigmoid(logit). */
const saturated = (b: Built, logit: number) =>
  b.built.taskParams.map((p, i) => {
    if (!p.name.startsWith('attention')) return b.taskParams[i] as tf.Tensor;
    return p.name.endsWith('.bias') ? tf.fill(p.shape, logit) : tf.zeros(p.shape);
  });
const task = (b: Built, name: string) =>
  b.taskParams[b.built.taskParams.findIndex((p) => p.name === name)] as tf.Tensor;

describe('mtan', () => {
  it.each([1, T])('with every mask at 1 it is the shared-bottom net (Sx = %i)', (Sx) => {
    const m = buildEntry(mtan, withDefaults(mtan, common), dims, 1);
    const sb = buildEntry(
      layerSharing,
      withDefaults(layerSharing, { ...common, shared: [true, true] }),
      dims,
      2,
    );
    expect(m.built.shared.map((s) => s.shape)).toEqual(sb.built.shared.map((s) => s.shape));
    tf.tidy(() => {
      const x = normalTensor([Sx, 7, 4], 3) as tf.Tensor3D;
      // Shared bottom with MTAN's trunk (θ) and heads.
      const want = forwardFlat(sb, m.theta, x, [
        task(m, 'head.out.kernel'),
        task(m, 'head.out.bias'),
      ]).dataSync();
      const got = forwardFlat(m, m.theta, x, saturated(m, 50)).dataSync();
      got.forEach((v, i) => expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThan(1e-6));
      // The initial masks (about one half) give something else.
      const initial = forwardFlat(m, m.theta, x).dataSync();
      expect(initial.some((v, i) => Math.abs(v - (want[i] ?? NaN)) > 1e-3)).toBe(true);
    });
    [m, sb].forEach((b) => b.dispose());
  });

  it('with every mask at 0 each head sees zeros and outputs its bias', () => {
    const m = buildEntry(mtan, withDefaults(mtan, common), dims);
    tf.tidy(() => {
      const out = forwardFlat(m, m.theta, normalTensor([1, 7, 4], 4) as tf.Tensor3D, saturated(m, -50));
      const bias = task(m, 'head.out.bias').expandDims(1).tile([1, 7, 1]);
      expect(tf.max(tf.abs(tf.sub(out, bias))).dataSync()[0]).toBeLessThan(1e-6);
    });
    m.dispose();
  });

  it('the probe is on the task branches: with saturated masks only h_L gets a gradient, dL/dout · W_headᵀ', () => {
    const m = buildEntry(mtan, withDefaults(mtan, common), dims);
    expect(m.built.representationSize).toBe(11);
    tf.tidy(() => {
      const x = normalTensor([1, 7, 4], 5) as tf.Tensor3D;
      const y = normalTensor([T, 7, 2], 6) as tf.Tensor3D;
      const tp = saturated(m, 50);
      const loss = (p: tf.Tensor) => tf.sum(taskLosses(forwardFlat(m, m.theta, x, tp, p as tf.Tensor3D), y));
      const [first, last] = tf.split(tf.grad(loss)(tf.zeros([T, 7, 11])), [6, 5], 2) as [
        tf.Tensor,
        tf.Tensor,
      ];
      // A probe on the trunk would reach the output through layer 2 too; on the branches it cannot,
      // because a saturated mask passes no gradient.
      expect(tf.max(tf.abs(first)).dataSync()[0]).toBe(0);
      const dOut = tf.mul(tf.sub(forwardFlat(m, m.theta, x, tp), y), 2 / (7 * 2));
      const want = tf.matMul(dOut, task(m, 'head.out.kernel'), false, true);
      expect(tf.max(tf.abs(tf.sub(last, want))).dataSync()[0]).toBeLessThan(1e-6);
    });
    m.dispose();
  });

  it('declares per task a kernel on the shared features, one on the previous attended features, a bias', () => {
    const m = buildEntry(mtan, withDefaults(mtan, common), dims);
    expect(m.built.taskParams.map((p) => [p.name, p.shape])).toEqual([
      ['attention1.shared', [T, 6, 6]],
      ['attention1.bias', [T, 6]],
      ['attention2.shared', [T, 5, 5]],
      ['attention2.previous', [T, 6, 5]],
      ['attention2.bias', [T, 5]],
      ['head.out.kernel', [T, 5, 2]],
      ['head.out.bias', [T, 2]],
    ]);
    m.dispose();
  });
});
