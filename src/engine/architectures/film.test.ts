/**
 * Task FiLM against numbers computed without tfjs: a case worked by hand, a plain float64 forward pass of a
 * deeper net, and its start (γ = 1, β = 0) being the shared-bottom net with the same weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { film } from './film';
import { layerSharing } from './layer-sharing';
import { buildEntry, forwardFlat, normalTensor, withDefaults } from './testing';

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());

/** Task tensors by name, in the order the built layout declares them. */
const byName = (names: string[], given: Record<string, number[]>, shapes: number[][]) =>
  names.map((n, i) => tf.tensor(given[n] ?? [], shapes[i]));

describe('film', () => {
  it('a case worked by hand: relu(γ_t ⊙ (x W + b) + β_t), then each task its head', () => {
    // x = (1, 2), W = (1, -1)ᵀ, b = 0.5: z = 1 - 2 + 0.5 = -0.5.
    // Task 1: γ = 2, β = 0 -> relu(-1) = 0, head 3·0 + 1 = 1. Task 2: γ = -1, β = 1 -> relu(1.5) = 1.5,
    // head 2·1.5 + 0 = 3.
    const dims = { numTasks: 2, inputDim: 2, outputDim: 1 };
    const b = buildEntry(film, withDefaults(film, { widths: [1], activation: 'relu' }), dims);
    const names = b.built.taskParams.map((p) => p.name);
    expect(names).toEqual(['layer1.gamma', 'layer1.beta', 'head.out.kernel', 'head.out.bias']);
    tf.tidy(() => {
      const taskParams = byName(
        names,
        {
          'layer1.gamma': [2, -1],
          'layer1.beta': [0, 1],
          'head.out.kernel': [3, 2],
          'head.out.bias': [1, 0],
        },
        b.built.taskParams.map((p) => p.shape),
      );
      const theta = tf.tensor2d([[1, -1, 0.5]]); // layer1.kernel [2, 1], layer1.bias [1]
      const out = forwardFlat(b, theta, tf.tensor3d([[[1, 2]]]), taskParams);
      expect(values(out)).toEqual([1, 3]);
    });
    b.dispose();
  });

  it.each([1, 3])('matches a plain float64 forward pass (tanh, 2 layers, a head layer; Sx = %i)', (Sx) => {
    const T = 3;
    const [D, B, O] = [4, 5, 2];
    const params = withDefaults(film, { widths: [6, 5], activation: 'tanh', headLayers: 1, headWidth: 3 });
    const b = buildEntry(film, params, { numTasks: T, inputDim: D, outputDim: O });
    const xs = normalTensor([Sx, B, D], 21);
    const got = tf.tidy(() => values(forwardFlat(b, b.theta, xs as tf.Tensor3D)));
    // Read every tensor back by name and compute in float64 with loops.
    const theta = values(b.theta);
    const shared: Record<string, number[]> = {};
    b.built.shared.reduce((offset, s) => {
      const n = s.shape.reduce((a, c) => a * c, 1);
      shared[s.name] = theta.slice(offset, offset + n);
      return offset + n;
    }, 0);
    const own: Record<string, number[]> = {};
    b.built.taskParams.forEach((p, i) => (own[p.name] = values(b.taskParams[i] as tf.Tensor)));
    const x = values(xs);
    const get = (m: Record<string, number[]>, k: string) => m[k] ?? [];
    /** row [in] times kernel [in, out] (row-major, starting at `offset`) plus bias. */
    const dense = (row: number[], k: number[], bias: number[], out: number, offset = 0, biasAt = 0) =>
      Array.from({ length: out }, (_, j) =>
        row.reduce((s, v, i) => s + v * (k[offset + i * out + j] ?? NaN), bias[biasAt + j] ?? NaN),
      );
    const want: number[] = [];
    for (let t = 0; t < T; t++) {
      for (let n = 0; n < B; n++) {
        const s = Sx === 1 ? 0 : t;
        let h = x.slice((s * B + n) * D, (s * B + n + 1) * D);
        for (const [l, w] of [
          [1, 6],
          [2, 5],
        ] as const) {
          const z = dense(h, get(shared, `layer${l}.kernel`), get(shared, `layer${l}.bias`), w);
          const g = get(own, `layer${l}.gamma`);
          const be = get(own, `layer${l}.beta`);
          h = z.map((v, j) => Math.tanh((g[t * w + j] ?? NaN) * v + (be[t * w + j] ?? NaN)));
        }
        const hk = get(own, 'head.layer1.kernel');
        const hidden = dense(h, hk, get(own, 'head.layer1.bias'), 3, t * 5 * 3, t * 3).map(Math.tanh);
        want.push(
          ...dense(hidden, get(own, 'head.out.kernel'), get(own, 'head.out.bias'), O, t * 3 * O, t * O),
        );
      }
    }
    expect(got).toHaveLength(want.length);
    got.forEach((v, i) => expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThan(1e-5));
    xs.dispose();
    b.dispose();
  });

  it('starts at γ = 1, β = 0: the shared-bottom net with the same initial weights', () => {
    const dims = { numTasks: 3, inputDim: 4, outputDim: 2 };
    const common = { widths: [6, 5], activation: 'elu', headLayers: 1, headWidth: 3 };
    const f = buildEntry(film, withDefaults(film, common), dims, 7);
    const sb = buildEntry(
      layerSharing,
      withDefaults(layerSharing, { ...common, shared: [true, true] }),
      dims,
      7,
    );
    // Same seed, same draws: identical shared segments and heads.
    expect(f.built.shared).toEqual(sb.built.shared);
    const heads = f.built.taskParams.filter((p) => p.name.startsWith('head.'));
    expect(heads).toEqual(sb.built.taskParams);
    for (const p of f.built.taskParams.filter((q) => !q.name.startsWith('head.')))
      expect(new Set(p.init)).toEqual(new Set([p.name.endsWith('.gamma') ? 1 : 0]));
    tf.tidy(() => {
      const x = normalTensor([1, 7, 4], 3) as tf.Tensor3D;
      const initial = f.built.taskParams.map((p) => tf.tensor(p.init, p.shape));
      const sbHeads = sb.built.taskParams.map((p) => tf.tensor(p.init, p.shape));
      const want = values(forwardFlat(sb, f.theta, x, sbHeads));
      values(forwardFlat(f, f.theta, x, initial)).forEach((v, i) =>
        expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThan(1e-6),
      );
      // The perturbed γ, β of buildEntry do change the outputs.
      const moved = values(forwardFlat(f, f.theta, x));
      expect(moved.some((v, i) => Math.abs(v - (want[i] ?? NaN)) > 1e-3)).toBe(true);
    });
    [f, sb].forEach((b) => b.dispose());
  });
});
