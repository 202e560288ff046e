import { describe, expect, it } from 'vitest';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';
import { upgrad } from './upgrad';

// References: numpy 2.4, torchjd's normalize/regularize followed by an exact QP (brute-force enumeration
// of the active sets in numpy, independent of solvers/box-qp.ts). The 2-task `base` case is torchjd's
// tests/unit/aggregation/test_values.py (UPGrad: [0.2929, 1.9004, 1.9004], weights [1.1109, 0.7894]).
const BASE = [
  [-4, 1, 1],
  [6, 1, 1],
];
const G3 = [
  [1, 0.2, -0.3],
  [-0.5, 1, 0.4],
  [0.3, -0.8, 1.2],
];
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);

async function run(G: number[][], params: Record<string, number | number[]> = {}) {
  const m = instantiate(upgrad, { replicas: 1, tasks: G.length, shared: G[0]?.length ?? 0 }, params);
  const out = await aggregatePlain(m, { grads: [G], losses: [G.map(() => 1)] });
  return { d: out.direction[0] ?? [], w: out.weights[0] ?? [] };
}
const expectRel = (actual: number[], expected: number[], tol = 1e-5) =>
  expected.forEach((v, i) =>
    expect(Math.abs((actual[i] ?? NaN) - v)).toBeLessThan(tol * Math.max(1, Math.abs(v))),
  );

describe('upgrad', () => {
  it("2 tasks, torchjd's test value (defaults: norm_eps = reg_eps = 1e-4)", async () => {
    const { d, w } = await run(BASE);
    expectRel(d, [0.29290200015693646, 1.9003520780018968, 1.9003520780018968]);
    expectRel(w, [1.1109210467854445, 0.7894310312164523]);
  });

  it('2 tasks by hand (reg_eps = 0): g₁ = (1,0), g₂ = (−1,1) give d = (¼, ¾)', async () => {
    // Dual cone: x₁ ≥ 0 and x₂ ≥ x₁. π(g₁/2) = π(½, 0) = (¼, ¼) (onto the ray x₂ = x₁);
    // π(g₂/2) = π(−½, ½) = (0, ½) (onto x₁ = 0). Sum (¼, ¾) = 1·g₁ + ¾·g₂.
    const { d, w } = await run(
      [
        [1, 0],
        [-1, 1],
      ],
      { regEps: 0 },
    );
    expectRel(d, [0.25, 0.75]);
    expectRel(w, [1, 0.75]);
  });

  it('3 conflicting tasks (numpy), defaults and reg_eps = 0', async () => {
    const def = await run(G3);
    expectRel(def.w, [0.5933365070679029, 0.5990541233761457, 0.4793514765254476]);
    expectRel(def.d, [0.43761488833746426, 0.33424024356936827, 0.6368424690606245]);
    const exact = await run(G3, { regEps: 0 });
    expectRel(exact.w, [0.593476448559688, 0.5991733861543791, 0.47939990601318183]);
  });

  it('3 tasks of very different magnitudes: reg_eps (relative to the trace) matters, as in torchjd', async () => {
    const G = [
      [100, 0, 1],
      [-1, 0.02, 0],
      [0.5, -3, 0.1],
    ];
    expectRel((await run(G)).w, [0.3366561420238022, 17.080554868357677, 0.3353013387155357]);
    const exact = await run(G, { regEps: 0 });
    expectRel(exact.w, [0.72862136441875, 73.1434415078158, 0.5545085621459596], 1e-3); // float32 Gram entries of 1e4 beside 1: ~1e-4 relative noise
    G.forEach((g) => expect(dot(exact.d, g)).toBeGreaterThanOrEqual(-1e-4));
  });

  it('3 nearly collinear tasks (two almost opposite), reg_eps = 0', async () => {
    const G = [
      [1, 0.001, 0],
      [-1, 0.002, 0.001],
      [0.2, 1, 0],
    ];
    const { w } = await run(G, { regEps: 0 });
    expectRel(w, [0.6666656666676667, 0.7326640033466499, 0.3333333333333333], 1e-4);
  });

  it('the mean when no two gradients conflict (2 and 3 tasks, random positive gradients)', async () => {
    for (const T of [2, 3]) {
      const plain = randomPlainInput(T, 1, T, 4);
      const G = (plain.grads[0] ?? []).map((g) => g.map(Math.abs)); // positive entries: all dots ≥ 0
      const { d, w } = await run(G);
      w.forEach((v) => expect(v).toBeCloseTo(1 / T, 6));
      d.forEach((v, k) => expect(v).toBeCloseTo(G.reduce((s, g) => s + (g[k] ?? 0), 0) / T, 5));
    }
  });

  it('non-conflicting: with reg_eps = 0 exactly; with torchjd’s 1e-4 up to reg_eps·trace·w_t', async () => {
    for (let seed = 0; seed < 20; seed++) {
      const T = 2 + (seed % 4);
      const G = randomPlainInput(seed, 1, T, 6).grads[0] ?? [];
      const trace = G.reduce((s, g) => s + dot(g, g), 0);
      const exact = await run(G, { regEps: 0 });
      const def = await run(G);
      G.forEach((g, t) => {
        const scale = Math.sqrt(dot(g, g) * dot(exact.d, exact.d));
        expect(dot(exact.d, g)).toBeGreaterThanOrEqual(-1e-6 * scale);
        expect(dot(def.d, g)).toBeGreaterThanOrEqual(
          -1e-4 * trace * (def.w[t] ?? 0) - 1e-5 * Math.sqrt(dot(g, g) * dot(def.d, def.d)),
        );
      });
    }
  });

  it('linear under scaling (reg_eps = 0): U(diag(a·c₁ + b·c₂) J) = a·U(diag(c₁) J) + b·U(diag(c₂) J)', async () => {
    const G = G3;
    const scaled = (c: number[]) => G.map((g, t) => g.map((v) => v * (c[t] ?? 0)));
    const c1 = [0.3, 1.7, 0.9];
    const c2 = [2.1, 0.4, 1.1];
    const [a, b] = [0.6, 1.4];
    const x1 = (await run(scaled(c1), { regEps: 0 })).d;
    const x2 = (await run(scaled(c2), { regEps: 0 })).d;
    const x = (await run(scaled(c1.map((v, t) => a * v + b * (c2[t] ?? 0))), { regEps: 0 })).d;
    x.forEach((v, k) => expect(v).toBeCloseTo(a * (x1[k] ?? 0) + b * (x2[k] ?? 0), 5));
  });

  it('preference vector [1, 2] (numpy) and its length check', async () => {
    const { d, w } = await run(BASE, { prefVector: [1, 2] });
    expectRel(w, [3.443684187141778, 2.5788620624329046]);
    expectRel(d, [1.6984356260303173, 6.022546249574683, 6.022546249574683]);
    expect(upgrad.check?.({ prefVector: [1], normEps: 0, regEps: 0 }, { numTasks: 2 })).toHaveLength(1);
    expect(upgrad.check?.({ prefVector: [], normEps: 0, regEps: 0 }, { numTasks: 2 })).toHaveLength(0);
  });

  it('gradients whose squared norms sum below norm_eps: the mean, as torchjd', async () => {
    const { w } = await run([
      [1e-3, 0],
      [-1e-3, 1e-3],
    ]); // trace 3e-6 < 1e-4
    w.forEach((v) => expect(v).toBeCloseTo(0.5, 7));
  });
});
