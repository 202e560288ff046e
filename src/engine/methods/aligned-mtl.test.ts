import { describe, expect, it } from 'vitest';
import { alignedMtl, alignedWeights } from './aligned-mtl';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

// References: numpy 2.4 (eigh, the official ProcrustesSolver's rank rule with float32 eps, α = B·1), an
// implementation independent of solvers/eigen.ts. torchjd's test value for [[-4,1,1],[6,1,1]] is
// [0.2133, 0.9673, 0.9673] with its preference 1/T: exactly half of ours (B·1).
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const gramOf = (G: number[][]) => G.map((a) => G.map((b) => dot(a, b)));
const expectRel = (actual: number[], expected: number[], tol = 1e-4) =>
  expected.forEach((v, i) =>
    expect(Math.abs((actual[i] ?? NaN) - v)).toBeLessThan(tol * Math.max(1, Math.abs(v))),
  );

async function run(G: number[][], scaleMode = 'min') {
  const m = instantiate(
    alignedMtl,
    { replicas: 1, tasks: G.length, shared: G[0]?.length ?? 0 },
    { scaleMode },
  );
  const out = await aggregatePlain(m, { grads: [G], losses: [G.map(() => 1)] });
  return { d: out.direction[0] ?? [], w: out.weights[0] ?? [] };
}
const G3 = [
  [1, 0.2, -0.3],
  [-0.5, 1, 0.4],
  [0.3, -0.8, 1.2],
];

describe('aligned-mtl', () => {
  it("2 tasks: twice torchjd's test value (sum convention of the official code and LibMTL)", async () => {
    const { d, w } = await run([
      [-4, 1, 1],
      [6, 1, 1],
    ]);
    expectRel(d, [0.42655749193733783, 1.934665967511425, 1.934665967511425]);
    expectRel(w, [1.1181438313131213, 0.8165221361983038]);
  });

  it('2 tasks by hand: g₁ = (3, 0), g₂ = (0, 1) are aligned to (1, 0) and (0, 1) (scale min = 1)', async () => {
    // Gram diag(9, 1): B = √1 · diag(1/3, 1), α = (1/3, 1): both gradients shrink to the smallest norm.
    const { d, w } = await run([
      [3, 0],
      [0, 1],
    ]);
    expectRel(w, [1 / 3, 1], 1e-6);
    expectRel(d, [1, 1], 1e-6);
  });

  it('orthogonal gradients of equal norm: B = I, the sum (T × the mean), 2 and 3 tasks', async () => {
    for (const mode of ['min', 'median', 'rmse']) {
      const { d, w } = await run(
        [
          [0, 2, 0, 0],
          [2, 0, 0, 0],
          [0, 0, 0, -2],
        ],
        mode,
      );
      expectRel(w, [1, 1, 1], 1e-6);
      expectRel(d, [2, 2, 0, -2], 1e-6);
    }
  });

  it.each([
    ['min', [1.0705384993416163, 1.0270021066814528, 0.7752292536697674]],
    ['median', [1.6548387267941242, 1.587540158229554, 1.1983496080761324]],
    ['rmse', [1.62298668931411, 1.5569834714647253, 1.1752839908576214]],
  ])('3 conflicting tasks, scale %s (numpy)', async (mode, expected) => {
    expectRel((await run(G3, mode)).w, expected);
  });

  it('4 tasks, median of an even count is the lower middle eigenvalue, as torch.median (numpy)', () => {
    const G = [
      [1, 0.2, -0.3, 0],
      [-0.5, 1, 0.4, 0.1],
      [0.3, -0.8, 1.2, 0],
      [0.1, 0.1, 0.1, 2],
    ];
    expectRel(
      alignedWeights(gramOf(G), 'median'),
      [1.6289543110915845, 1.539773223736558, 1.1819206329258332, 0.5172059665762978],
      1e-12,
    );
    expectRel(
      alignedWeights(gramOf(G), 'rmse'),
      [1.888681352848598, 1.7852808734322478, 1.37037082302091, 0.599671370770428],
      1e-12,
    );
  });

  it('3 tasks of very different magnitudes and nearly collinear ones (numpy)', async () => {
    const magnitudes = [
      [10, 0, 1],
      [-0.1, 0.02, 0],
      [0.5, -3, 0.1],
    ];
    expectRel(
      (await run(magnitudes)).w,
      [0.01060709789534464, 1.0160096692958587, 0.009984613550210554],
      1e-3,
    );
    const collinear = [
      [1, 0.01, 0],
      [-1, 0.02, 0.01],
      [0.2, 1, 0],
    ];
    // The smallest eigenvalue (~1e-4 of the largest) carries the float32 noise of the Gram matrix.
    expectRel((await run(collinear)).w, [0.9872165380666532, 0.9821184616353739, -0.02229198776083437], 2e-3);
    expectRel(
      alignedWeights(gramOf(collinear), 'rmse'),
      [141.01170365922326, 140.28350633346994, -3.1841354463751665],
      1e-10,
    );
  });

  it('more tasks than dimensions (rank 2 of 3): only the kept eigenvalues count (numpy)', () => {
    const G = [
      [1, 0],
      [0, 2],
      [1, 1],
    ];
    expectRel(
      alignedWeights(gramOf(G), 'min'),
      [0.6958850907063713, 0.3479425453531853, 0.8698563633829638],
      1e-10,
    );
    expectRel(
      alignedWeights(gramOf(G), 'rmse'),
      [0.9993138935727441, 0.49965694678637157, 1.2491423669659296],
      1e-10,
    );
  });

  it('the aligned gradients are orthogonal with norm σ, so |d|² = |Σ aligned g_t|² = T·λ_min', async () => {
    // 3 tasks: λ_min of G3's Gram matrix is 0.68308432 (numpy eigvalsh).
    const three = await run(G3);
    expect(dot(three.d, three.d)).toBeCloseTo(3 * 0.68308432, 5);
    // 2 tasks: λ_min = (a + c)/2 − √(((a − c)/2)² + b²) in closed form.
    for (let seed = 0; seed < 8; seed++) {
      const G = randomPlainInput(seed, 1, 2, 5).grads[0] ?? [];
      const [[a = 0, b = 0], [, c = 0]] = gramOf(G) as [[number, number], [number, number]];
      const lambdaMin = (a + c) / 2 - Math.sqrt(((a - c) / 2) ** 2 + b * b);
      const { d } = await run(G);
      expect(dot(d, d) / (2 * lambdaMin)).toBeCloseTo(1, 4);
    }
  });

  it('scale invariance: multiplying every gradient by c leaves the weights and scales d by c', async () => {
    const a = await run(G3);
    const b = await run(G3.map((g) => g.map((v) => v * 1e-3)));
    expectRel(b.w, a.w, 1e-4);
    expectRel(
      b.d.map((v) => v * 1e3),
      a.d,
      1e-4,
    );
  });
});
