/**
 * DSelect-k: the gate against a float64 re-implementation of google-research's DSelectKGate (binary codes
 * most significant bit first, product of smooth steps, softmax-weighted selectors), its sparsity once the
 * smooth steps saturate, and the whole model against MMoE with a gate forced onto the same experts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { dselectK, dselectWeights, smoothStep } from './dselect-k';
import { mmoe } from './mmoe';
import { buildEntry, forwardFlat, normalTensor, withDefaults } from './testing';

const softmax = (v: number[]) => {
  const e = v.map((x) => Math.exp(x));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};

/** The reference gate for one task: z [k][m], w [k]; codes c >= E count for expert c mod E (our fold). */
function referenceWeights(z: number[][], w: number[], E: number, gamma: number): number[] {
  const step = (t: number) =>
    t <= -gamma / 2 ? 0 : t >= gamma / 2 ? 1 : (-2 / gamma ** 3) * t ** 3 + (3 / (2 * gamma)) * t + 0.5;
  const m = Math.ceil(Math.log2(E));
  const sw = softmax(w);
  const a = new Array<number>(E).fill(0);
  z.forEach((zi, i) => {
    for (let c = 0; c < 2 ** m; c++) {
      const bits = c.toString(2).padStart(m, '0');
      const r = zi.reduce((p, zij, j) => p * (bits[j] === '1' ? step(zij) : 1 - step(zij)), 1);
      a[c % E] = (a[c % E] ?? 0) + (sw[i] ?? NaN) * r;
    }
  });
  return a;
}

describe('dselect-k gate', () => {
  it('the smooth step is 0 below -γ/2, 1 above γ/2 and the cubic between', () => {
    const got = Array.from(smoothStep(tf.tensor1d([-3, -1, -0.5, 0, 0.25, 1, 3]), 2).dataSync());
    // γ = 2: -t³/4 + 3t/4 + 1/2; at t = -0.5: 1/32 - 3/8 + 1/2 = 0.15625, at 0.25: -1/256 + 3/16 + 1/2.
    const want = [0, 0, 0.15625, 0.5, 0.68359375, 1, 1];
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i] ?? NaN, 6));
  });

  it.each([4, 5, 8])('weights match the reference and sum to 1 (E = %i, k = 3)', (E) => {
    const m = Math.ceil(Math.log2(E));
    const rng = new Rng(E);
    tf.tidy(() => {
      for (const gamma of [1, 0.3]) {
        // Logits in and beyond the smooth region, for 2 tasks.
        const z = rng.uniformArray(2 * 3 * m, -0.4, 0.4);
        const w = rng.uniformArray(2 * 3, -2, 2);
        const got = dselectWeights(
          tf.tensor3d(z, [2, 3, m]),
          tf.tensor2d(w, [2, 3]),
          E,
          gamma,
        ).arraySync() as number[][];
        for (let t = 0; t < 2; t++) {
          const zt = [0, 1, 2].map((i) => Array.from(z.subarray((t * 3 + i) * m, (t * 3 + i + 1) * m)));
          const want = referenceWeights(zt, Array.from(w.subarray(t * 3, t * 3 + 3)), E, gamma);
          want.forEach((v, e) => expect(Math.abs((got[t]?.[e] ?? NaN) - v)).toBeLessThan(1e-6));
          expect((got[t] ?? []).every((v) => v >= 0)).toBe(true);
          expect(Math.abs((got[t] ?? []).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
        }
      }
    });
  });

  it('saturated selectors pick exactly k experts, weighted by softmax(w)', () => {
    tf.tidy(() => {
      // E = 8, m = 3, γ = 1: ±1 saturates. Selectors pick codes 5 = 101, 0 = 000 and 6 = 110.
      const z = tf.tensor3d([
        [
          [1, -1, 1],
          [-1, -1, -1],
          [1, 1, -1],
        ],
      ]);
      const w = [0.3, -0.2, 1];
      const got = Array.from(dselectWeights(z, tf.tensor2d([w]), 8, 1).dataSync());
      const sw = softmax(w);
      const want = [sw[1], 0, 0, 0, 0, sw[0], sw[2], 0];
      got.forEach((v, e) => expect(Math.abs(v - (want[e] ?? NaN))).toBeLessThan(1e-6));
      expect(got.filter((v) => v > 0)).toHaveLength(3);
      // E = 5: code 6 = 110 is beyond the experts and folds onto expert 6 - 5 = 1.
      const folded = Array.from(dselectWeights(tf.tensor3d([[[1, 1, -1]]]), undefined, 5, 1).dataSync());
      expect(folded).toEqual([0, 1, 0, 0, 0]);
    });
  });
});

describe('dselect-k', () => {
  it.each(['task', 'example'])(
    'a gate saturated on one expert per task equals MMoE forced onto it (%s)',
    (routing) => {
      const T = 3;
      const dims = { numTasks: T, inputDim: 4, outputDim: 2 };
      const common = { expertWidths: [6], activation: 'tanh', experts: 4 };
      const d = buildEntry(dselectK, withDefaults(dselectK, { ...common, k: 1, routing }), dims, 1);
      const m = buildEntry(mmoe, withDefaults(mmoe, common), dims, 2);
      const chosen = [2, 0, 3]; // expert of each task; codes 10, 00, 11
      tf.tidy(() => {
        const x = normalTensor([1, 7, 4], 3) as tf.Tensor3D;
        const bits = chosen.flatMap((e) => [e >> 1, e & 1].map((b) => (b ? 2 : -2)));
        const mTask = (name: string) =>
          m.taskParams[m.built.taskParams.findIndex((p) => p.name === name)] as tf.Tensor;
        const dParams = d.built.taskParams.map((p, i) => {
          if (p.name === 'gate.z') return tf.tensor3d(bits, [T, 1, 2]);
          if (p.name === 'gate.z.bias') return tf.tensor2d(bits, [T, 2]);
          if (p.name === 'gate.z.kernel') return tf.zeros(p.shape);
          if (p.name.startsWith('head.')) return mTask(p.name);
          return d.taskParams[i] as tf.Tensor;
        });
        const oneHot = chosen.flatMap((e) => [0, 1, 2, 3].map((j) => (j === e ? 50 : -50)));
        const mParams = m.built.taskParams.map((p, i) => {
          if (p.name === 'gate.kernel') return tf.zeros(p.shape);
          if (p.name === 'gate.bias') return tf.tensor2d(oneHot, [T, 4]);
          return m.taskParams[i] as tf.Tensor;
        });
        // The experts are laid out alike in θ: run both on MMoE's θ.
        const got = forwardFlat(d, m.theta, x, dParams).dataSync();
        const want = forwardFlat(m, m.theta, x, mParams).dataSync();
        got.forEach((v, i) => expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThan(1e-6));
      });
      [d, m].forEach((b) => b.dispose());
    },
  );

  it('declares k·m code logits and k selector logits per task (none when k = 1), static or per input', () => {
    const dims = { numTasks: 2, inputDim: 4, outputDim: 2, rng: new Rng(1) };
    const gate = (p: Record<string, number | string>) =>
      dselectK
        .build(withDefaults(dselectK, p), dims)
        .taskParams.filter((q) => q.name.startsWith('gate.'))
        .map((q) => [q.name, q.shape]);
    expect(gate({ experts: 5, k: 2 })).toEqual([
      ['gate.z', [2, 2, 3]],
      ['gate.w', [2, 2]],
    ]);
    expect(gate({ experts: 4, k: 1 })).toEqual([['gate.z', [2, 1, 2]]]);
    expect(gate({ experts: 4, k: 3, routing: 'example' })).toEqual([
      ['gate.z.kernel', [2, 4, 6]],
      ['gate.z.bias', [2, 6]],
      ['gate.w.kernel', [2, 4, 3]],
      ['gate.w.bias', [2, 3]],
    ]);
    // The reference's initialisation: z within ±γ/100, w within ±0.05.
    const built = dselectK.build(withDefaults(dselectK, { gamma: 2 }), dims);
    const z = built.taskParams.find((q) => q.name === 'gate.z')?.init ?? new Float32Array();
    expect(Math.max(...Array.from(z).map(Math.abs))).toBeLessThanOrEqual(0.02);
    expect(Math.max(...Array.from(z).map(Math.abs))).toBeGreaterThan(0.005);
  });
});
