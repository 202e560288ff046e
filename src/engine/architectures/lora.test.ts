/**
 * LoRA adapters: with B = 0 the network is the shared MLP; each task's change is a rank-r update of the
 * weights (seen through the forward pass alone); at B = 0 only B gets a gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { layerSharing } from './layer-sharing';
import { lora } from './lora';
import { buildEntry, forwardFlat, normalTensor, taskLosses, withDefaults, type Built } from './testing';

const T = 3;
const dims = { numTasks: T, inputDim: 4, outputDim: 2 };

const isB = (name: string) => name.endsWith('.loraB');
/** LoRA's task parameters with every B replaced. */
const withB = (b: Built, value: (shape: number[], i: number) => tf.Tensor) =>
  b.built.taskParams.map((p, i) => (isB(p.name) ? value(p.shape, i) : (b.taskParams[i] as tf.Tensor)));

/** Rank of a small matrix by Gaussian elimination with partial pivoting (float64), relative tolerance. */
function rank(rows: number[][], tol = 1e-4): number {
  const a = rows.map((r) => [...r]);
  const scale = Math.max(...a.flat().map(Math.abs));
  let r = 0;
  for (let c = 0; c < (a[0]?.length ?? 0) && r < a.length; c++) {
    let p = r;
    for (let i = r + 1; i < a.length; i++) if (Math.abs(a[i]?.[c] ?? 0) > Math.abs(a[p]?.[c] ?? 0)) p = i;
    if (Math.abs(a[p]?.[c] ?? 0) <= tol * scale) continue;
    [a[r], a[p]] = [a[p] as number[], a[r] as number[]];
    const pivot = a[r] as number[];
    for (let i = r + 1; i < a.length; i++) {
      const row = a[i] as number[];
      const f = (row[c] ?? 0) / (pivot[c] ?? 1);
      row.forEach((v, j) => (row[j] = v - f * (pivot[j] ?? 0)));
    }
    r++;
  }
  return r;
}

describe('lora', () => {
  it('starts with B = 0 (and A drawn within ±1/√in)', () => {
    const built = buildEntry(lora, withDefaults(lora), dims).built;
    for (const p of built.taskParams.filter((q) => q.name.includes('.lora'))) {
      const values = Array.from(p.init);
      if (isB(p.name)) expect(values.every((v) => v === 0)).toBe(true);
      else expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(p.shape[1] ?? 1));
    }
  });

  it.each([1, T])('with B = 0 it is the shared MLP with the same weights (Sx = %i)', (Sx) => {
    const common = { widths: [6, 5], activation: 'tanh', headLayers: 1, headWidth: 3 };
    const l = buildEntry(lora, withDefaults(lora, { ...common, rank: 2 }), dims, 1);
    const sb = buildEntry(
      layerSharing,
      withDefaults(layerSharing, { ...common, shared: [true, true] }),
      dims,
      2,
    );
    tf.tidy(() => {
      const x = normalTensor([Sx, 7, 4], 3) as tf.Tensor3D;
      const heads = l.built.taskParams.flatMap((p, i) =>
        p.name.startsWith('head.') ? [l.taskParams[i] as tf.Tensor] : [],
      );
      const want = forwardFlat(sb, l.theta, x, heads).dataSync();
      const got = forwardFlat(
        l,
        l.theta,
        x,
        withB(l, (shape) => tf.zeros(shape)),
      ).dataSync();
      got.forEach((v, i) => expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThan(1e-6));
      // The (perturbed) adapters of buildEntry do change the outputs.
      const adapted = forwardFlat(l, l.theta, x).dataSync();
      expect(adapted.some((v, i) => Math.abs(v - (want[i] ?? NaN)) > 1e-3)).toBe(true);
    });
    [l, sb].forEach((b) => b.dispose());
  });

  it('each task changes the weights by a rank-r update, scaled by α/r', () => {
    // Linear layer, identity inputs: out_t(I) - out_t(I; B = 0) = (α/r) A_t B_t H_t, a 6 x 5 matrix.
    const d = { numTasks: 2, inputDim: 6, outputDim: 5 };
    const build = (alpha: number) =>
      buildEntry(lora, withDefaults(lora, { widths: [7], rank: 2, alpha, activation: 'linear' }), d);
    const [l, l2] = [build(2), build(4)];
    tf.tidy(() => {
      const x = tf.eye(6).reshape<tf.Tensor3D>([1, 6, 6]);
      const randomB = withB(l, (shape, i) => normalTensor(shape, 40 + i));
      const diff = tf.sub(
        forwardFlat(l, l.theta, x, randomB),
        forwardFlat(
          l,
          l.theta,
          x,
          withB(l, (s) => tf.zeros(s)),
        ),
      );
      for (const m of (diff as tf.Tensor3D).arraySync()) expect(rank(m)).toBe(2);
      // Doubling α doubles the update (same seed: same W, A and heads).
      const diff2 = tf.sub(
        forwardFlat(l2, l2.theta, x, randomB),
        forwardFlat(
          l2,
          l2.theta,
          x,
          withB(l2, (s) => tf.zeros(s)),
        ),
      );
      expect(tf.max(tf.abs(tf.sub(diff2, tf.mul(diff, 2)))).dataSync()[0]).toBeLessThan(1e-5);
    });
    [l, l2].forEach((b) => b.dispose());
  });

  it('at B = 0 only B gets a gradient (why the contract tests perturb task parameters)', () => {
    const l = buildEntry(lora, withDefaults(lora, { widths: [6] }), dims);
    tf.tidy(() => {
      const x = normalTensor([1, 7, 4], 5) as tf.Tensor3D;
      const y = normalTensor([T, 7, 2], 6) as tf.Tensor3D;
      const start = withB(l, (shape) => tf.zeros(shape));
      const grads = tf.grads((...tp: tf.Tensor[]) => tf.sum(taskLosses(forwardFlat(l, l.theta, x, tp), y)))(
        start,
      );
      const max = (name: string) =>
        tf
          .max(tf.abs(grads[l.built.taskParams.findIndex((p) => p.name === name)] as tf.Tensor))
          .dataSync()[0];
      expect(max('layer1.loraA')).toBe(0);
      expect(max('layer1.loraB')).toBeGreaterThan(0);
    });
    expect(l.built.representationSize).toBeUndefined();
    l.dispose();
  });
});
