import { describe, expect, it } from 'vitest';
import { nashMtl } from './nash-mtl';
import { restoreMethod, snapshotMethod } from '../stateful/state';
import { aggregatePlain, instantiate, instantiateWithRng, randomPlainInput, runSequence } from './testing';

// References: scipy.optimize.least_squares on A α − 1/α (bounds (0, ∞), tolerances 1e-15; scipy 1.17),
// then d = Σ α_t g_t and the clip to max_norm, independent of solvers/nash-system.ts. The 2-task `base`
// case is torchjd's test value (NashMTL(n_tasks=2) on [[-4,1,1],[6,1,1]] → [0.0542, 0.7061, 0.7061]).
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const expectRel = (actual: number[], expected: number[], tol = 1e-5) =>
  expected.forEach((v, i) =>
    expect(Math.abs((actual[i] ?? NaN) - v)).toBeLessThan(tol * Math.max(1, Math.abs(v))),
  );

async function run(G: number[][], params: Record<string, number> = {}) {
  const m = instantiate(nashMtl, { replicas: 1, tasks: G.length, shared: G[0]?.length ?? 0 }, params);
  const out = await aggregatePlain(m, { grads: [G], losses: [G.map(() => 1)] });
  return { d: out.direction[0] ?? [], w: out.weights[0] ?? [] };
}

describe('nash-mtl', () => {
  it("2 tasks, torchjd's test value: α = (0.5915, 0.4071), |d| = √2 clipped to 1", async () => {
    const { d, w } = await run([
      [-4, 1, 1],
      [6, 1, 1],
    ]);
    expectRel(d, [0.05415326964997462, 0.7060691975246538, 0.7060691975246538]);
    expectRel(w, [0.4182261915497948, 0.28784300597485896]);
  });

  it('2 orthogonal tasks by hand (no clipping): α_t = 1/|g_t|, d = Σ ĝ_t', async () => {
    const { d, w } = await run(
      [
        [2, 0],
        [0, 0.5],
      ],
      { maxNorm: 0 },
    );
    expectRel(w, [0.5, 2]);
    expectRel(d, [1, 1]);
  });

  it.each([
    [
      'conflicting',
      [
        [1, 0.2, -0.3],
        [-0.5, 1, 0.4],
        [0.3, -0.8, 1.2],
      ],
      [1.3173810363933394, 1.2594518915086073, 0.9117679668058428],
    ],
    [
      'very different magnitudes',
      [
        [10, 0, 1],
        [-0.1, 0.02, 0],
        [0.5, -3, 0.1],
      ],
      [1.59281214387253, 166.31101299282017, 1.1891778212761344],
    ],
    [
      'nearly collinear (two almost opposite)',
      [
        [1, 0.01, 0],
        [-1, 0.02, 0.01],
        [0.2, 1, 0],
      ],
      [36.67474486416616, 36.78242656066719, 0.5901164605811547],
    ],
  ])('3 tasks, %s: α from scipy, g_t·d = 1/α_t, |d|² = T', async (_, G, alpha) => {
    const raw = await run(G, { maxNorm: 0 });
    expectRel(raw.w, alpha, 1e-4); // float32 Gram on the device
    G.forEach((g, t) => expect(dot(raw.d, g) * (raw.w[t] ?? 0)).toBeCloseTo(1, 3));
    expect(dot(raw.d, raw.d)).toBeCloseTo(3, 3);
    const clipped = await run(G); // max_norm = 1
    expect(Math.sqrt(dot(clipped.d, clipped.d))).toBeCloseTo(1, 5);
    expectRel(
      clipped.w,
      alpha.map((a) => a / Math.sqrt(3)),
      1e-4,
    );
  });

  it('non-conflicting for any T (g_t·d = 1/α_t > 0), and invariant to the gradients’ scale', async () => {
    for (let seed = 0; seed < 12; seed++) {
      const T = 2 + (seed % 5);
      const G = randomPlainInput(seed, 1, T, 8).grads[0] ?? [];
      const { d } = await run(G);
      G.forEach((g) => expect(dot(d, g)).toBeGreaterThan(0));
      const scaled = await run(G.map((g) => g.map((v) => v * 1e-3)));
      expectRel(scaled.d, d, 1e-4);
    }
  });

  it('update_weights_every = 3: α is solved at steps 0 and 3 and kept in the method state between', async () => {
    const T = 3;
    const inputs = Array.from({ length: 5 }, (_, s) => randomPlainInput(40 + s, 1, T, 4));
    const every3 = instantiateWithRng(
      nashMtl,
      { replicas: 1, tasks: T, shared: 4 },
      { updateWeightsEvery: 3, maxNorm: 0 },
    );
    const outs = await runSequence(every3.method, inputs.slice(0, 2));
    const alphaBox = every3.method.state.values.get('alpha');
    const fresh = async (s: number) => (await run(inputs[s]?.grads[0] ?? [], { maxNorm: 0 })).w;
    const alpha0 = await fresh(0);
    expectRel(outs[0]?.weights[0] ?? [], alpha0);
    expectRel(outs[1]?.weights[0] ?? [], alpha0); // step 1 reuses step 0's α on new gradients
    expectRel((alphaBox?.value as number[][])[0] ?? [], alpha0, 1e-6);
    // A fresh instance restored from the snapshot continues with the stored α, then solves at step 3.
    const snap = await snapshotMethod('nash-mtl', every3.method.state, every3.rng);
    const resumed = instantiateWithRng(
      nashMtl,
      { replicas: 1, tasks: T, shared: 4 },
      { updateWeightsEvery: 3, maxNorm: 0 },
      99,
    );
    restoreMethod('nash-mtl', resumed.method.state, resumed.rng, snap);
    const rest = await runSequence(resumed.method, inputs.slice(2), 0.3, 2);
    expectRel(rest[0]?.weights[0] ?? [], alpha0);
    expectRel(rest[1]?.weights[0] ?? [], await fresh(3));
    expectRel(rest[2]?.weights[0] ?? [], await fresh(3));
  });

  it('a zero task gradient gets weight 0 (the authors’ CVXPY problem is infeasible there)', async () => {
    const { w } = await run(
      [
        [1, 0],
        [0, 0],
      ],
      { maxNorm: 0 },
    );
    expectRel(w, [1, 0]);
  });
});
