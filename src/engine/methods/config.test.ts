import { describe, expect, it } from 'vitest';
import { config, configWeights } from './config';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

// References: numpy 2.4, torchjd's formula on the raw matrix (np.linalg.pinv of the unit gradients, no
// Gram matrix involved), independent of solvers/eigen.ts. The 2-task `base` case is torchjd's test value
// (ConFIG on [[-4,1,1],[6,1,1]] → [0.1588, 2.0706, 2.0706]).
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const gramOf = (G: number[][]) => G.map((a) => G.map((b) => dot(a, b)));
const expectRel = (actual: number[], expected: number[], tol = 1e-4) =>
  expected.forEach((v, i) =>
    expect(Math.abs((actual[i] ?? NaN) - v)).toBeLessThan(tol * Math.max(1, Math.abs(v))),
  );

async function run(G: number[][]) {
  const m = instantiate(config, { replicas: 1, tasks: G.length, shared: G[0]?.length ?? 0 });
  const out = await aggregatePlain(m, { grads: [G], losses: [G.map(() => 1)] });
  return { d: out.direction[0] ?? [], w: out.weights[0] ?? [] };
}
/** cos(d, g_t) for every task. */
const cosines = (d: number[], G: number[][]) => G.map((g) => dot(d, g) / Math.sqrt(dot(d, d) * dot(g, g)));

describe('config', () => {
  it("2 tasks, torchjd's test value", async () => {
    const { d, w } = await run([
      [-4, 1, 1],
      [6, 1, 1],
    ]);
    expectRel(d, [0.15880897580793948, 2.0706067580626217, 2.0706067580626213]);
    expectRel(w, [1.2264831572567787, 0.8441236008058425]);
  });

  it('2 tasks by hand: g₁ = (1, 0), g₂ = (0, 2): û = (1, 1)/√2, length (1 + 2)/√2, d = (1.5, 1.5)', async () => {
    const { d, w } = await run([
      [1, 0],
      [0, 2],
    ]);
    expectRel(d, [1.5, 1.5], 1e-6);
    expectRel(w, [1.5, 0.75], 1e-6);
  });

  it.each([
    [
      'conflicting',
      [
        [1, 0.2, -0.3],
        [-0.5, 1, 0.4],
        [0.3, -0.8, 1.2],
      ],
      [0.8270545007569351, 0.7332812286973477, 1.0446334812231364],
      0.4084414306463583,
    ],
    [
      'very different magnitudes',
      [
        [10, 0, 1],
        [-0.1, 0.02, 0],
        [0.5, -3, 0.1],
      ],
      [-0.032621786546491956, -0.01437849092189286, 0.6193570537512123],
      0.04701688592197451,
    ],
    [
      'nearly collinear (two almost opposite)',
      [
        [1, 0.05, 0],
        [-1, 0.1, 0.05],
        [0.2, 1, 0],
      ],
      [0.002045818539408992, 0.0017644230089914573, 0.08028066213578783],
      0.026534052783260847,
    ],
    [
      'aligned (no conflict: not the mean)',
      [
        [1, 0.5, 0],
        [0.8, 1, 0.1],
        [0.3, 0.2, 1],
      ],
      [1.9662117845276512, 1.2317318478408534, 1.6188015541889258],
      0.8163374089749088,
    ],
  ])('3 tasks, %s: numpy pinv reference, equal cosines', async (_, G, expected, cos) => {
    const { d } = await run(G);
    // Absolute tolerance on the scale of |d|: the float32 Gram matrix limits the small components.
    const scale = Math.sqrt(dot(expected, expected));
    expected.forEach((v, k) => expect(Math.abs((d[k] ?? NaN) - v)).toBeLessThan(2e-4 * scale));
    cosines(d, G).forEach((c) => expect(c).toBeCloseTo(cos, 4));
  });

  it('equal angle with every task and no conflict, T = 2..6 in 8 dimensions (random)', async () => {
    for (let seed = 0; seed < 15; seed++) {
      const T = 2 + (seed % 5);
      const G = randomPlainInput(seed, 1, T, 8).grads[0] ?? [];
      const { d } = await run(G);
      const c = cosines(d, G);
      c.forEach((v) => {
        expect(v).toBeGreaterThan(0);
        expect(v).toBeCloseTo(c[0] ?? NaN, 4);
      });
      // |d| = Σ_t g_t·û: the projections sum to the length.
      const norm = Math.sqrt(dot(d, d));
      expect(G.reduce((s, g) => s + dot(g, d) / norm, 0)).toBeCloseTo(norm, 4);
    }
  });

  it('identical gradients: d = T·g (the sum convention); a zero gradient gets weight 0', () => {
    const g = [1, -2, 0.5];
    const w = configWeights(gramOf([g, g, g]));
    // Rank 1: Â⁺1 = 1/3 · 1 … d = (Σ_t g·ĝ) ĝ = 3g, so the weights sum to 3.
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(3, 10);
    const z = configWeights(
      gramOf([
        [1, 0],
        [0, 0],
        [0, 3],
      ]),
    );
    expect(z[1]).toBe(0);
    // The zero row drops out of the pseudo-inverse: as for (1, 0) and (0, 3) alone, d = 4/2·(1, 1).
    expect(z[0]).toBeCloseTo(2, 10);
    expect(z[2]).toBeCloseTo(2 / 3, 10);
    expect(configWeights([[0]])).toEqual([0]);
  });

  it('linear in a common scale of the gradients (d(cG) = c·d(G))', async () => {
    const G = randomPlainInput(3, 1, 3, 6).grads[0] ?? [];
    const a = await run(G);
    const b = await run(G.map((g) => g.map((v) => v * 1e-3)));
    expectRel(
      b.d.map((v) => v * 1e3),
      a.d,
      1e-4,
    );
  });
});
