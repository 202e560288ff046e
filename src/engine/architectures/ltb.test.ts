/**
 * Learning to branch: with one-hot branching logits (large) the relaxed network is the hard tree, computed
 * here block by block with plain 2-D products; the temperature only rescales the logits.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { sizeOf } from './layout';
import { ltb } from './ltb';
import { buildEntry, forwardFlat, normalTensor, withDefaults, type Built } from './testing';

const T = 3;
const dims = { numTasks: T, inputDim: 4, outputDim: 2 };
const widths = [6, 5, 4];

/** θ [1, P] with the branching logits of layer l set to 50 at parents[l][k] for block k, -50 elsewhere. */
function withTree(b: Built, parents: Record<number, number[]>): tf.Tensor2D {
  const flat = Array.from(b.theta.dataSync());
  let offset = 0;
  for (const s of b.built.shared) {
    const match = /^branch(\d+)\.logits$/.exec(s.name);
    const chosen = match ? parents[Number(match[1])] : undefined;
    if (chosen)
      chosen.forEach((p, k) => [0, 1, 2].forEach((j) => (flat[offset + k * T + j] = j === p ? 50 : -50)));
    offset += sizeOf(s.shape);
  }
  return tf.tensor2d(flat, [1, flat.length]);
}

/** The hard tree: block k of layer l applies its own weights to the output of block parents[l][k]. */
function hardTree(
  b: Built,
  theta: tf.Tensor2D,
  parents: Record<number, number[]>,
  x: tf.Tensor2D,
  t: number,
) {
  const segs = new Map<string, tf.Tensor>();
  let offset = 0;
  for (const s of b.built.shared) {
    segs.set(s.name, theta.slice([0, offset], [1, sizeOf(s.shape)]).reshape(s.shape));
    offset += sizeOf(s.shape);
  }
  const block = (l: number, k: number, h: tf.Tensor2D) => {
    const kernel = (segs.get(`block.layer${l}.kernel`) as tf.Tensor).gather([k]).squeeze<tf.Tensor2D>([0]);
    const bias = (segs.get(`block.layer${l}.bias`) as tf.Tensor).gather([k]).squeeze([0]);
    return tf.relu<tf.Tensor2D>(tf.add(tf.matMul(h, kernel), bias));
  };
  let outs = [0, 1, 2].map((k) => block(1, k, x));
  for (let l = 2; l <= widths.length; l++) {
    const prev = outs;
    outs = [0, 1, 2].map((k) => block(l, k, prev[parents[l]?.[k] ?? -1] as tf.Tensor2D));
  }
  const task = (name: string) =>
    (b.taskParams[b.built.taskParams.findIndex((p) => p.name === name)] as tf.Tensor)
      .gather([t])
      .squeeze([0]);
  return tf.add(
    tf.matMul(outs[t] as tf.Tensor2D, task('head.out.kernel') as tf.Tensor2D),
    task('head.out.bias'),
  );
}

describe('ltb', () => {
  // A tree: layer 2 grows blocks 0 and 1 from block 0 and block 2 from block 2; layer 3 from blocks 1, 1, 2.
  const parents = { 2: [0, 0, 2], 3: [1, 1, 2] };

  it.each([1, T])('with one-hot branching logits it equals the hard tree (Sx = %i)', (Sx) => {
    const b = buildEntry(ltb, withDefaults(ltb, { widths }), dims);
    tf.tidy(() => {
      const x = normalTensor([Sx, 7, 4], 3) as tf.Tensor3D;
      const theta = withTree(b, parents);
      const got = forwardFlat(b, theta, x).arraySync();
      for (let t = 0; t < T; t++) {
        const xt = x.slice([Sx === 1 ? 0 : t, 0, 0], [1, 7, 4]).reshape<tf.Tensor2D>([7, 4]);
        const want = hardTree(b, theta, parents, xt, t).arraySync() as number[][];
        want.forEach((row, i) =>
          row.forEach((v, o) => expect(Math.abs((got[t]?.[i]?.[o] ?? NaN) - v)).toBeLessThan(1e-5)),
        );
      }
      // The relaxed (perturbed uniform) branching is not that tree.
      const soft = forwardFlat(b, b.theta, x).dataSync();
      const hard = forwardFlat(b, theta, x).dataSync();
      expect(soft.some((v, i) => Math.abs(v - (hard[i] ?? NaN)) > 1e-3)).toBe(true);
    });
    b.dispose();
  });

  it('the temperature divides the logits: (2α, τ = 2) equals (α, τ = 1)', () => {
    const one = buildEntry(ltb, withDefaults(ltb, { widths, temperature: 1 }), dims);
    const two = buildEntry(ltb, withDefaults(ltb, { widths, temperature: 2 }), dims);
    tf.tidy(() => {
      const x = normalTensor([1, 7, 4], 4) as tf.Tensor3D;
      const flat = Array.from(one.theta.dataSync());
      let offset = 0;
      for (const s of one.built.shared) {
        if (s.name.startsWith('branch'))
          for (let i = 0; i < sizeOf(s.shape); i++) flat[offset + i] = 2 * (flat[offset + i] ?? 0);
        offset += sizeOf(s.shape);
      }
      const want = forwardFlat(one, one.theta, x).dataSync();
      const got = forwardFlat(two, tf.tensor2d(flat, [1, flat.length]), x, one.taskParams).dataSync();
      got.forEach((v, i) => expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThan(1e-6));
    });
    [one, two].forEach((b) => b.dispose());
  });

  it('keeps every block and the branching logits in θ, only the heads per task', () => {
    const b = buildEntry(ltb, withDefaults(ltb, { widths }), dims);
    expect(b.built.shared.map((s) => [s.name, s.shape])).toEqual([
      ['block.layer1.kernel', [T, 4, 6]],
      ['block.layer1.bias', [T, 6]],
      ['branch2.logits', [T, T]],
      ['block.layer2.kernel', [T, 6, 5]],
      ['block.layer2.bias', [T, 5]],
      ['branch3.logits', [T, T]],
      ['block.layer3.kernel', [T, 5, 4]],
      ['block.layer3.bias', [T, 4]],
    ]);
    expect(b.built.taskParams.map((p) => p.name)).toEqual(['head.out.kernel', 'head.out.bias']);
    expect(b.built.representationSize).toBe(T * 4);
    b.dispose();
  });
});
