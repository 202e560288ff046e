import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../methods/solvers/eigen';
import { regularizerGradients, type Regularization, type TaskParamInfo } from './regularizers';

type Strengths = { l2?: number; orthogonality?: number; traceNorm?: number };

/** Run the regularizers on plain arrays; read back and dispose everything. */
async function regularize(
  values: Strengths,
  params: { shape: number[]; values: number[] }[],
): Promise<{ penalty: number; grads: number[][] } | null> {
  const tensors = params.map((p) => tf.tensor(p.values, p.shape));
  const info: TaskParamInfo[] = params.map((p, i) => ({ name: `p${i}`, shape: p.shape }));
  let out: Regularization | null = null;
  try {
    out = await regularizerGradients(values, tensors, info);
    if (!out) return null;
    return {
      penalty: (await out.penalty.data())[0] ?? NaN,
      grads: await Promise.all(out.grads.map(async (g) => Array.from(await g.data()))),
    };
  } finally {
    tf.dispose([...tensors, ...(out ? [out.penalty, ...out.grads] : [])]);
  }
}

// --- A float64 re-implementation written the direct way, for finite differences. ---
/** Slice t of a row-major [T, rows, out] kernel as rows x out. */
const slice = (v: number[], rows: number, out: number, t: number): number[][] =>
  Array.from({ length: rows }, (_, r) => v.slice(t * rows * out + r * out, t * rows * out + (r + 1) * out));
const sumSq = (v: number[]) => v.reduce((s, x) => s + x * x, 0);
function orthogonalityDirect(v: number[], T: number, rows: number, out: number): number {
  let total = 0;
  for (let i = 0; i < T; i++)
    for (let j = i + 1; j < T; j++) {
      const Wi = slice(v, rows, out, i);
      const Wj = slice(v, rows, out, j);
      for (let a = 0; a < out; a++)
        for (let b = 0; b < out; b++) {
          let c = 0; // (W_iᵀ W_j)_{ab}
          for (let r = 0; r < rows; r++) c += (Wi[r]?.[a] ?? 0) * (Wj[r]?.[b] ?? 0);
          total += c * c;
        }
    }
  return total;
}
function nuclearNormDirect(v: number[], T: number): number {
  const n = v.length / T;
  const M = Array.from({ length: T }, (_, t) => v.slice(t * n, (t + 1) * n));
  const gram = M.map((a) => M.map((b) => a.reduce((s, x, k) => s + x * (b[k] ?? 0), 0)));
  return symmetricEigen(gram).values.reduce((s, l) => s + Math.sqrt(Math.max(l, 0)), 0);
}

const KERNEL = {
  shape: [3, 2, 2],
  values: [0.5, -1.0, 2.0, 0.3, 1.5, 0.2, -0.7, 1.1, 0.1, 0.9, 0.4, -1.3],
};
const BIAS = { shape: [3, 2], values: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6] };

describe('regularizers', () => {
  it('returns null, computing nothing, when every strength is 0 or missing', async () => {
    expect(await regularize({}, [KERNEL])).toBeNull();
    expect(await regularize({ l2: 0, orthogonality: 0, traceNorm: 0 }, [KERNEL, BIAS])).toBeNull();
  });

  it('l2: λ Σ|θ|² over every tensor, gradient 2λθ', async () => {
    const out = await regularize({ l2: 0.5 }, [KERNEL, BIAS]);
    // Σ squares: kernel 0.25+1+4+0.09+2.25+0.04+0.49+1.21+0.01+0.81+0.16+1.69 = 12; bias 0.91.
    expect(out?.penalty).toBeCloseTo(0.5 * 12.91, 5);
    out?.grads[0]?.forEach((g, k) => expect(g).toBeCloseTo(KERNEL.values[k] ?? NaN, 6));
    out?.grads[1]?.forEach((g, k) => expect(g).toBeCloseTo(BIAS.values[k] ?? NaN, 6));
  });

  it('orthogonality by hand (2 and 3 tasks); biases take no part', async () => {
    // W1 = I, W2 = [[1, 1], [0, 2]]: W1ᵀW2 = W2, |W2|² = 6.
    const two = { shape: [2, 2, 2], values: [1, 0, 0, 1, 1, 1, 0, 2] };
    const a = await regularize({ orthogonality: 2 }, [two, { shape: [2, 1], values: [3, 4] }]);
    expect(a?.penalty).toBeCloseTo(12, 5);
    // ∂/∂W1 = 2 W2 W2ᵀ W1 = 2 [[2, 2], [2, 4]]; ∂/∂W2 = 2 W1 W1ᵀ W2 = 2 W2; times λ = 2.
    [8, 8, 8, 16, 4, 4, 0, 8].forEach((v, k) => expect(a?.grads[0]?.[k]).toBeCloseTo(v, 5));
    a?.grads[1]?.forEach((g) => expect(g).toBe(0));
    // Add W3 = [[0, 1], [1, 0]]: W1ᵀW3 = W3 (|.|² = 2), W2ᵀW3 = [[0, 1], [2, 1]] (|.|² = 6): 6 + 2 + 6.
    const three = { shape: [3, 2, 2], values: [...two.values, 0, 1, 1, 0] };
    expect((await regularize({ orthogonality: 1 }, [three]))?.penalty).toBeCloseTo(14, 5);
  });

  it('orthogonal kernels (W_iᵀ W_j = 0) give zero penalty and zero gradient', async () => {
    // Task 0 writes only row 0, task 1 only row 1, task 2 only row 2 of [3, 3, 2].
    const values = new Array<number>(18).fill(0);
    [
      [0, 0, 0.7],
      [0, 1, -1.2],
      [1, 1 * 2 + 0, 2.5],
      [1, 1 * 2 + 1, 0.3],
      [2, 2 * 2 + 0, -0.4],
      [2, 2 * 2 + 1, 1.9],
    ].forEach(([t = 0, k = 0, v = 0]) => (values[t * 6 + k] = v));
    const out = await regularize({ orthogonality: 3 }, [{ shape: [3, 3, 2], values }]);
    expect(out?.penalty).toBeCloseTo(0, 6);
    out?.grads[0]?.forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-6));
  });

  it('trace norm matches numpy: |M|_* and U Vᵀ of the thin SVD', async () => {
    const out = await regularize({ traceNorm: 1 }, [KERNEL]);
    // numpy: S.sum() and (U @ Vt) of np.linalg.svd(W.reshape(3, -1), full_matrices=False).
    expect(out?.penalty).toBeCloseTo(5.837247676506287, 4);
    [
      0.28277094, -0.39049743, 0.86835681, 0.11622737, 0.84759127, 0.19435286, -0.24591998, 0.42818146,
      0.29800781, 0.58673774, 0.26132671, -0.70614341,
    ].forEach((v, k) => expect(out?.grads[0]?.[k]).toBeCloseTo(v, 4));
  });

  it('trace norm of a rank-1 M = [m; 2m]: √5 |m|, gradient (1, 2)ᵀ mᵀ / (√5 |m|); zero kernel: zero', async () => {
    const m = [3, 4, 0, 0]; // |m| = 5
    const out = await regularize({ traceNorm: 1 }, [
      { shape: [2, 2, 2], values: [...m, ...m.map((x) => 2 * x)] },
      { shape: [2, 1, 3], values: new Array<number>(6).fill(0) },
    ]);
    expect(out?.penalty).toBeCloseTo(Math.sqrt(5) * 5, 4);
    [1, 2].forEach((u, t) =>
      m.forEach((x, k) => expect(out?.grads[0]?.[t * 4 + k]).toBeCloseTo((u * x) / (Math.sqrt(5) * 5), 4)),
    );
    out?.grads[1]?.forEach((g) => expect(g).toBe(0));
  });

  it('all three together: penalty and gradients match finite differences of a float64 re-implementation', async () => {
    const strengths = { l2: 0.3, orthogonality: 0.7, traceNorm: 1.1 };
    const kernel4 = {
      shape: [3, 2, 1, 2],
      values: [0.2, -0.5, 1.0, 0.8, -0.3, 0.6, 1.4, -0.9, 0.5, 0.5, -1.1, 0.2],
    };
    const params = [KERNEL, BIAS, kernel4];
    const penalty = (vs: number[][]): number =>
      strengths.l2 * vs.reduce((s, v) => s + sumSq(v), 0) +
      strengths.orthogonality *
        (orthogonalityDirect(vs[0] ?? [], 3, 2, 2) + orthogonalityDirect(vs[2] ?? [], 3, 2, 2)) +
      strengths.traceNorm * (nuclearNormDirect(vs[0] ?? [], 3) + nuclearNormDirect(vs[2] ?? [], 3));
    const base = params.map((p) => p.values);
    const out = await regularize(strengths, params);
    expect(out?.penalty ?? NaN).toBeCloseTo(penalty(base), 4);
    const h = 1e-6;
    base.forEach((v, i) =>
      v.forEach((_, k) => {
        const shifted = (d: number) =>
          base.map((w, j) => (j === i ? w.map((x, q) => (q === k ? x + d : x)) : w));
        const fd = (penalty(shifted(h)) - penalty(shifted(-h))) / (2 * h);
        expect(Math.abs((out?.grads[i]?.[k] ?? NaN) - fd)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
      }),
    );
  });

  it('rejects descriptions that do not match the tensors', async () => {
    const p = tf.tensor(KERNEL.values, KERNEL.shape);
    await expect(regularizerGradients({ l2: 1 }, [p], [{ name: 'k', shape: [3, 4] }])).rejects.toThrow(
      /'k' has shape/,
    );
    await expect(regularizerGradients({ l2: 1 }, [p], [])).rejects.toThrow(/1 tensors but 0/);
    p.dispose();
  });

  it('leaks no tensors', async () => {
    const tensors = [KERNEL, BIAS].map((p) => tf.tensor(p.values, p.shape));
    const info = [KERNEL, BIAS].map((p, i) => ({ name: `p${i}`, shape: p.shape }));
    const before = tf.memory().numTensors;
    for (let s = 0; s < 3; s++) {
      const out = await regularizerGradients({ l2: 1, orthogonality: 1, traceNorm: 1 }, tensors, info);
      expect(out?.grads).toHaveLength(2);
      expect(tf.memory().numTensors).toBe(before + 3); // penalty + one gradient per tensor
      tf.dispose([out?.penalty, ...(out?.grads ?? [])]);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(tensors);
  });
});
