import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { aggregatePlain, instantiate } from './testing';
import { uw } from './uw';

describe('uw', () => {
  it('starts at s = −0.5 (LibMTL): w = e^0.5 / 2, ∂/∂s = 1/2 − w·L', async () => {
    const m = instantiate(uw, { replicas: 1, tasks: 2, shared: 2 });
    expect(m.trainables).toHaveLength(1);
    const out = await aggregatePlain(m, {
      grads: [
        [
          [1, 0],
          [0, 2],
        ],
      ],
      losses: [[2, 0.5]],
    });
    const w = Math.exp(0.5) / 2; // 0.8243606353500641
    out.weights[0]?.forEach((v) => expect(v).toBeCloseTo(w, 6));
    [w, 2 * w].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 6));
    [0.5 - 2 * w, 0.5 - 0.5 * w].forEach((v, i) => expect(out.trainableGrads[0]?.[0]?.[i]).toBeCloseTo(v, 6));
    m.dispose();
  });

  it('follows its learnt log-variances (3 tasks, 2 replicas)', async () => {
    const m = instantiate(uw, { replicas: 2, tasks: 3, shared: 1 });
    const s = [
      [0, Math.log(2), -1],
      [1, 0, 0],
    ];
    tf.tidy(() => m.trainables[0]?.assign(tf.tensor2d(s)));
    const losses = [
      [1, 4, 0.5],
      [2, 2, 2],
    ];
    const out = await aggregatePlain(m, {
      grads: [
        [[1], [1], [1]],
        [[1], [-1], [2]],
      ],
      losses,
    });
    // By hand: w = 1/(2e^s); grad = 1/2 − w L.
    const w = s.map((row) => row.map((v) => 1 / (2 * Math.exp(v))));
    w.forEach((row, r) => row.forEach((v, t) => expect(out.weights[r]?.[t]).toBeCloseTo(v, 6)));
    w.forEach((row, r) =>
      row.forEach((v, t) =>
        expect(out.trainableGrads[0]?.[r]?.[t]).toBeCloseTo(0.5 - v * (losses[r]?.[t] ?? 0), 6),
      ),
    );
    expect(out.direction[0]?.[0]).toBeCloseTo(0.5 + 0.25 + Math.E / 2, 5); // w = 1/2, 1/4, e/2
    expect(out.direction[1]?.[0]).toBeCloseTo(1 / (2 * Math.E) - 0.5 + 1, 5);
    m.dispose();
  });
});
