import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DTP_KPI_EPSILON, dtp } from './dtp';
import { aggregatePlain, disposeInput, instantiate, toInput } from './testing';

/** FL(κ; γ) = −(1 − κ)^γ ln κ, written out for the expectations. */
const focal = (k: number, gamma: number) => -((1 - k) ** gamma) * Math.log(k);

describe('dtp', () => {
  it('2 tasks, κ = (0.9, 0.5), γ = 2: w = (0.01·(−ln 0.9), 0.25·ln 2); direction = Σ w g', async () => {
    const m = instantiate(dtp, { replicas: 1, tasks: 2, shared: 2 }, { gamma: 2 });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [1, 2],
          [-3, 4],
        ],
      ],
      losses: [[1, 1]],
      kpis: [[0.9, 0.5]],
    });
    const w = [0.0010536051565782623, 0.17328679513998632]; // python: -(1-k)**2 * math.log(k)
    w.forEach((v, t) => expect(out.weights[0]?.[t]).toBeCloseTo(v, 6));
    const [w0 = NaN, w1 = NaN] = w;
    [w0 - 3 * w1, 2 * w0 + 4 * w1].forEach((v, k) => expect(out.direction[0]?.[k]).toBeCloseTo(v, 6));
    m.dispose();
  });

  it('3 tasks, 2 replicas, γ = 1: each replica weighs by its own KPIs', async () => {
    const m = instantiate(dtp, { replicas: 2, tasks: 3, shared: 1 }, { gamma: 1 });
    const out = await aggregatePlain(m, {
      grads: [
        [[1], [1], [1]],
        [[1], [1], [1]],
      ],
      losses: [
        [1, 1, 1],
        [1, 1, 1],
      ],
      kpis: [
        [0.2, 0.6, 0.95],
        [0.95, 0.2, 0.6],
      ],
    });
    const w = [1.2875503299472804, 0.2043302495063963, 0.002564664719377531]; // python, γ = 1
    w.forEach((v, t) => expect(out.weights[0]?.[t]).toBeCloseTo(v, 5));
    [w[2], w[0], w[1]].forEach((v, t) => expect(out.weights[1]?.[t]).toBeCloseTo(v ?? NaN, 5));
    expect(out.direction[0]?.[0]).toBeCloseTo(
      w.reduce((a, b) => a + b, 0),
      5,
    );
    m.dispose();
  });

  it('smooths the KPI: κ̄ starts at the first KPI, then κ̄ ← α κ + (1 − α) κ̄', async () => {
    const m = instantiate(dtp, { replicas: 1, tasks: 2, shared: 1 }, { gamma: 2, alpha: 0.5 });
    // Task 0 sees 0.4, 0.8, 0.2 -> κ̄ = 0.4, 0.6, 0.4; task 1 sees 0.6 throughout.
    const expected = [0.4, 0.6, 0.4];
    for (const [step, k] of [0.4, 0.8, 0.2].entries()) {
      const out = await aggregatePlain(m, { grads: [[[1], [1]]], losses: [[1, 1]], kpis: [[k, 0.6]] }, step);
      expect(out.weights[0]?.[0]).toBeCloseTo(focal(expected[step] ?? NaN, 2), 6);
      expect(out.weights[0]?.[1]).toBeCloseTo(0.08173209980255854, 6); // python: FL(0.6; 2)
    }
    m.dispose();
  });

  it('a task left out of the step keeps its average', async () => {
    const m = instantiate(dtp, { replicas: 1, tasks: 2, shared: 1 }, { gamma: 2, alpha: 0.5 });
    await aggregatePlain(m, { grads: [[[1], [1]]], losses: [[1, 1]], kpis: [[0.5, 0.5]] }, 0);
    const input = { ...toInput({ grads: [[[1], [0]]], losses: [[1, 1]], kpis: [[0.9, 0.1]] }, 1) };
    const active = tf.tensor1d([1, 0]);
    const out = await m.aggregate({ ...input, active });
    // κ̄ = (0.5 + 0.9)/2 = 0.7 for task 0; task 1 stays at 0.5.
    const w = Array.from(await out.weights.data());
    expect(w[0]).toBeCloseTo(0.03210074495448593, 6); // python: FL(0.7; 2)
    expect(w[1]).toBeCloseTo(0.17328679513998632, 6); // FL(0.5; 2)
    tf.dispose([out.direction, out.weights, active]);
    disposeInput(input);
    m.dispose();
  });

  it('a lower KPI never gets a lower weight (several γ), and KPIs of 0 and 1 give finite weights', async () => {
    for (const gamma of [0, 0.5, 2, 5]) {
      const m = instantiate(dtp, { replicas: 1, tasks: 6, shared: 1 }, { gamma, alpha: 1 });
      const kpis = [0, 0.05, 0.3, 0.55, 0.8, 1];
      const out = await aggregatePlain(m, {
        grads: [kpis.map(() => [1])],
        losses: [kpis.map(() => 1)],
        kpis: [kpis],
      });
      const w = out.weights[0] ?? [];
      w.forEach((v) => expect(Number.isFinite(v)).toBe(true));
      w.slice(1).forEach((v, t) => expect(v).toBeLessThan(w[t] ?? -Infinity));
      expect(w[0]).toBeCloseTo(focal(DTP_KPI_EPSILON, gamma), 4);
      m.dispose();
    }
  });

  it('refuses to run without KPIs', () => {
    const m = instantiate(dtp, { replicas: 1, tasks: 2, shared: 1 });
    const grads = tf.tensor3d([[[1], [1]]]);
    const losses = tf.tensor2d([[1, 1]]);
    expect(() => m.aggregate({ grads, losses, step: 0 })).toThrow(/KPIs/);
    tf.dispose([grads, losses]);
    m.dispose();
  });
});
