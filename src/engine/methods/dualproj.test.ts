import { describe, expect, it } from 'vitest';
import { dualproj } from './dualproj';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

// References: numpy 2.4, torchjd's normalize/regularize followed by an exact QP (brute-force enumeration
// of the active sets, independent of solvers/box-qp.ts). The 2-task `base` case is torchjd's
// tests/unit/aggregation/test_values.py (DualProj: [0.5563, 1.1109, 1.1109], weights [0.6109, 0.5]).
const BASE = [
  [-4, 1, 1],
  [6, 1, 1],
];
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);

async function run(G: number[][], params: Record<string, number | number[]> = {}) {
  const m = instantiate(dualproj, { replicas: 1, tasks: G.length, shared: G[0]?.length ?? 0 }, params);
  const out = await aggregatePlain(m, { grads: [G], losses: [G.map(() => 1)] });
  return { d: out.direction[0] ?? [], w: out.weights[0] ?? [] };
}
const expectRel = (actual: number[], expected: number[], tol = 1e-5) =>
  expected.forEach((v, i) =>
    expect(Math.abs((actual[i] ?? NaN) - v)).toBeLessThan(tol * Math.max(1, Math.abs(v))),
  );

describe('dualproj', () => {
  it("2 tasks, torchjd's test value (defaults: norm_eps = reg_eps = 1e-4)", async () => {
    const { d, w } = await run(BASE);
    expectRel(d, [0.5563158128582222, 1.1109210467854445, 1.1109210467854445]);
    expectRel(w, [0.6109210467854445, 0.5]);
  });

  it('2 tasks by hand (reg_eps = 0): g₁ = (1,0), g₂ = (−2,1): the mean (−½, ½) projects to (0, ½)', async () => {
    // Dual cone: x₁ ≥ 0 and x₂ ≥ 2x₁. The mean violates x₁ ≥ 0 only; its projection on x₁ = 0 is (0, ½),
    // which satisfies x₂ ≥ 2x₁. (0, ½) = 1·g₁ + ½·g₂.
    const { d, w } = await run(
      [
        [1, 0],
        [-2, 1],
      ],
      { regEps: 0 },
    );
    expectRel(d, [0, 0.5]);
    expectRel(w, [1, 0.5]);
  });

  it('3 tasks whose pairs conflict but whose mean conflicts with none: the mean itself', async () => {
    const { w } = await run([
      [1, 0.2, -0.3],
      [-0.5, 1, 0.4],
      [0.3, -0.8, 1.2],
    ]);
    w.forEach((v) => expect(v).toBeCloseTo(1 / 3, 6));
  });

  it('3 tasks of very different magnitudes (numpy), defaults and reg_eps = 0', async () => {
    const G = [
      [100, 0, 1],
      [-1, 0.02, 0],
      [0.5, -3, 0.1],
    ];
    expectRel((await run(G)).w, [0.3333333333333333, 16.747221535024345, 0.3333333333333333]);
    const exact = await run(G, { regEps: 0 });
    expectRel(exact.w, [0.3919659760553678, 39.36751726529734, 0.3333333333333333], 1e-3); // float32 Gram entries of 1e4 beside 1: ~1e-4 relative noise
    G.forEach((g) => expect(dot(exact.d, g)).toBeGreaterThanOrEqual(-1e-4));
  });

  it('3 nearly collinear tasks (two almost opposite), reg_eps = 0 (numpy)', async () => {
    const { w } = await run(
      [
        [1, 0.001, 0],
        [-1, 0.002, 0.001],
        [0.2, 1, 0],
      ],
      { regEps: 0 },
    );
    expectRel(w, [0.3333333333333333, 0.3993306700133167, 0.3333333333333333], 1e-4);
  });

  it('aligned gradients: the mean, 2 and 3 tasks', async () => {
    for (const T of [2, 3]) {
      const G = (randomPlainInput(T + 10, 1, T, 4).grads[0] ?? []).map((g) => g.map(Math.abs));
      const { w } = await run(G);
      w.forEach((v) => expect(v).toBeCloseTo(1 / T, 6));
    }
  });

  it('non-conflicting with reg_eps = 0; the closest such direction to the mean', async () => {
    for (let seed = 0; seed < 20; seed++) {
      const T = 2 + (seed % 4);
      const G = randomPlainInput(seed, 1, T, 6).grads[0] ?? [];
      const { d } = await run(G, { regEps: 0 });
      G.forEach((g) => expect(dot(d, g)).toBeGreaterThanOrEqual(-1e-6 * Math.sqrt(dot(g, g) * dot(d, d))));
      // Optimality of the projection: (mean − d)·d = 0 (d is the foot of the perpendicular on the cone).
      const mean = (G[0] ?? []).map((_, k) => G.reduce((s, g) => s + (g[k] ?? 0), 0) / T);
      const residual = mean.map((v, k) => v - (d[k] ?? 0));
      expect(Math.abs(dot(residual, d))).toBeLessThan(1e-5 * Math.max(1, dot(mean, mean)));
    }
  });

  it('preference vector [1, 2] (numpy)', async () => {
    const { d, w } = await run(BASE, { prefVector: [1, 2] });
    expectRel(w, [2.443684187141778, 2]);
    expectRel(d, [2.2252632514328887, 4.443684187141778, 4.443684187141778]);
  });
});
