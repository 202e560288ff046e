import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { imtl } from './imtl';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const close = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));
/** d·u_t for every task. */
const projections = (d: number[], G: number[][]) => G.map((g) => dot(d, g) / Math.sqrt(dot(g, g)));

describe('imtl', () => {
  it("'gradient', 2 tasks by hand: (2,0), (0,1) give α = (1/3, 2/3), d = (2/3, 2/3), d·u_t = 2/3", async () => {
    const m = instantiate(imtl, { replicas: 1, tasks: 2, shared: 2 }, { mode: 'gradient' });
    expect(m.trainables).toHaveLength(0);
    const G = [
      [2, 0],
      [0, 1],
    ];
    const out = await aggregatePlain(m, { grads: [G], losses: [[1, 1]] });
    close(out.weights[0], [1 / 3, 2 / 3]);
    close(out.direction[0], [2 / 3, 2 / 3]);
    close(projections(out.direction[0] ?? [], G), [2 / 3, 2 / 3]);
  });

  it("'gradient', 2 conflicting tasks of norms 3 and 5: α ∝ 1/|g| = (5/8, 3/8), d = (0.75, 1.5)", async () => {
    const G = [
      [3, 0],
      [-3, 4],
    ];
    const m = instantiate(imtl, { replicas: 1, tasks: 2, shared: 2 }, { mode: 'gradient' });
    const out = await aggregatePlain(m, { grads: [G], losses: [[1, 1]] });
    close(out.weights[0], [5 / 8, 3 / 8]);
    close(out.direction[0], [0.75, 1.5]);
    close(projections(out.direction[0] ?? [], G), [0.75, 0.75]); // by hand: (−2.25 + 6)/5
  });

  it("'gradient', 2 nearly collinear tasks (1 mrad, norms 1 and 10): α = (10/11, 1/11) from a float32 Gram", async () => {
    const e = 1e-3;
    const m = instantiate(imtl, { replicas: 1, tasks: 2, shared: 2 }, { mode: 'gradient' });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [1, 0],
          [10 * Math.cos(e), 10 * Math.sin(e)],
        ],
      ],
      losses: [[1, 1]],
    });
    close(out.weights[0], [10 / 11, 1 / 11], 4);
  });

  it("'gradient', 3 tasks: LibMTL's IMTL.py in numpy; equal projections", async () => {
    const G = [
      [1, 0.2, -0.3],
      [-0.5, 1, 0.4],
      [0.3, -0.8, 1.2],
    ];
    const m = instantiate(imtl, { replicas: 1, tasks: 3, shared: 3 }, { mode: 'gradient' });
    const out = await aggregatePlain(m, { grads: [G], losses: [[1, 1, 1]] });
    close(out.weights[0], [0.37686029303955626, 0.3678391950518441, 0.25530051190859965]);
    close(out.direction[0], [0.2695308490862141, 0.23897084413287561, 0.34043820439919037]);
    close(
      projections(out.direction[0] ?? [], G),
      [0.20243706942875195, 0.20243706942875195, 0.20243706942875195],
    );
  });

  it("'hybrid', by hand: s = (ln 2, 0) scales g_1, IMTL-G on (4,0), (0,1), weights α·e^s, ∂/∂s = e^s L − 1", async () => {
    const m = instantiate(imtl, { replicas: 1, tasks: 2, shared: 2 });
    tf.tidy(() => m.trainables[0]?.assign(tf.tensor2d([[Math.log(2), 0]])));
    const out = await aggregatePlain(m, {
      grads: [
        [
          [2, 0],
          [0, 1],
        ],
      ],
      losses: [[0.5, 3]],
    });
    // Scaled gradients (4,0), (0,1): α ∝ (1/4, 1) = (0.2, 0.8); on the raw gradients (0.2·2, 0.8·1).
    close(out.weights[0], [0.4, 0.8]);
    close(out.direction[0], [0.8, 0.8]);
    close(out.trainableGrads[0]?.[0], [0, 2]);
    m.dispose();
  });

  it("'loss' is IMTL-L alone: weights e^s (equal weighting at s = 0), ∂/∂s = e^s L − 1 (3 tasks)", async () => {
    const m = instantiate(imtl, { replicas: 1, tasks: 3, shared: 1 }, { mode: 'loss' });
    const first = await aggregatePlain(m, { grads: [[[1], [2], [3]]], losses: [[0.5, 1, 2]] });
    close(first.weights[0], [1, 1, 1]);
    close(first.direction[0], [6]);
    close(first.trainableGrads[0]?.[0], [-0.5, 0, 1]);
    tf.tidy(() => m.trainables[0]?.assign(tf.tensor2d([[1, 0, -1]])));
    const next = await aggregatePlain(m, { grads: [[[1], [2], [3]]], losses: [[0.5, 1, 2]] });
    close(next.weights[0], [Math.E, 1, 1 / Math.E]);
    close(next.trainableGrads[0]?.[0], [Math.E / 2 - 1, 0, 2 / Math.E - 1]);
    m.dispose();
  });

  it("'gradient' and 'hybrid': equal projections for 3 to 6 tasks, and no conflict with either of 2 tasks", async () => {
    for (const mode of ['gradient', 'hybrid']) {
      for (const T of [3, 4, 6]) {
        const plain = randomPlainInput(T, 1, T, 8);
        const m = instantiate(imtl, { replicas: 1, tasks: T, shared: 8 }, { mode });
        const s = Array.from({ length: T }, (_, t) => 0.3 * t - 0.5);
        tf.tidy(() => m.trainables[0]?.assign(tf.tensor2d([s])));
        const out = await aggregatePlain(m, plain);
        const p = projections(out.direction[0] ?? [], plain.grads[0] ?? []);
        p.forEach((v) =>
          expect(Math.abs(v - (p[0] ?? 0))).toBeLessThan(1e-4 * Math.max(1, Math.abs(p[0] ?? 0))),
        );
        m.dispose();
      }
      let conflicts = 0;
      for (let seed = 0; seed < 20; seed++) {
        const plain = randomPlainInput(seed, 1, 2, 5);
        const [g1 = [], g2 = []] = plain.grads[0] ?? [];
        if (dot(g1, g2) < 0) conflicts++;
        const out = await aggregatePlain(
          instantiate(imtl, { replicas: 1, tasks: 2, shared: 5 }, { mode }),
          plain,
        );
        for (const g of [g1, g2]) expect(dot(out.direction[0] ?? [], g)).toBeGreaterThanOrEqual(-1e-6);
      }
      expect(conflicts).toBeGreaterThan(3);
    }
  });
});
