import { describe, expect, it } from 'vitest';
import { fairgrad } from './fairgrad';
import { nashMtl } from './nash-mtl';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

// References: scipy.optimize.least_squares(A x − x^(−1/α), x0 = 1/T, bounds (0, ∞)) exactly as the
// FairGrad code calls it (tolerances tightened to 1e-15; scipy 1.17), d = Σ w_t g_t.
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const gramOf = (G: number[][]) => G.map((a) => G.map((b) => dot(a, b)));
const expectRel = (actual: number[], expected: number[], tol = 1e-4) =>
  expected.forEach((v, i) =>
    expect(Math.abs((actual[i] ?? NaN) - v)).toBeLessThan(tol * Math.max(1, Math.abs(v))),
  );
const G3 = [
  [1, 0.2, -0.3],
  [-0.5, 1, 0.4],
  [0.3, -0.8, 1.2],
];

async function run(G: number[][], params: Record<string, number> = {}, entry = fairgrad) {
  const m = instantiate(entry, { replicas: 1, tasks: G.length, shared: G[0]?.length ?? 0 }, params);
  const out = await aggregatePlain(m, { grads: [G], losses: [G.map(() => 1)] });
  return { d: out.direction[0] ?? [], w: out.weights[0] ?? [] };
}

describe('fairgrad', () => {
  it('2 tasks, α = 2 (the authors’ CelebA/QM9 setting) against scipy', async () => {
    const { d, w } = await run(
      [
        [-4, 1, 1],
        [6, 1, 1],
      ],
      { alpha: 2 },
    );
    expectRel(w, [0.47136292232353755, 0.3194542281854953]);
    expectRel(d, [0.031273679818821565, 0.7908171505090329, 0.7908171505090329]);
  });

  it('2 orthogonal tasks by hand: w_t = |g_t|^(−2α/(α+1)), so α = 1 gives 1/|g_t|', async () => {
    const G = [
      [2, 0],
      [0, 0.5],
    ];
    expectRel((await run(G)).w, [0.5, 2], 1e-5);
    expectRel((await run(G, { alpha: 3 })).w, [Math.pow(2, -1.5), Math.pow(0.5, -1.5)], 1e-5);
  });

  it('3 tasks, α = 2: conflicting, very different magnitudes, nearly collinear (scipy)', async () => {
    expectRel((await run(G3, { alpha: 2 })).w, [1.4193755171302005, 1.340597579418621, 0.9158063892200081]);
    const magnitudes = [
      [10, 0, 1],
      [-0.1, 0.02, 0],
      [0.5, -3, 0.1],
    ];
    expectRel(
      (await run(magnitudes, { alpha: 2 })).w,
      [4.776365155821005, 499.07535989182395, 3.356871080911764],
    );
    const collinear = [
      [1, 0.01, 0],
      [-1, 0.02, 0.01],
      [0.2, 1, 0],
    ];
    expectRel(
      (await run(collinear, { alpha: 2 })).w,
      [157.8827744178826, 157.8597172279537, 0.04365641231519896],
      1e-3,
    );
  });

  it('α = 1 is Nash-MTL without its clipping (same weights and direction)', async () => {
    for (let seed = 0; seed < 5; seed++) {
      const G = randomPlainInput(seed, 1, 2 + (seed % 3), 5).grads[0] ?? [];
      const a = await run(G, { alpha: 1 });
      const b = await run(G, { maxNorm: 0 }, nashMtl);
      expectRel(a.w, b.w, 1e-6);
      expectRel(a.d, b.d, 1e-6);
    }
  });

  it('α → 0 tends to the sum (w ≈ 1 − α·log((A1)_t)); α → ∞ to A w = 1 (equal progress)', async () => {
    const A = gramOf(G3);
    const A1 = A.map((row) => row.reduce((s, v) => s + v, 0));
    const small = await run(G3, { alpha: 0.01 });
    expectRel(small.w, [1.0070344304700833, 1.0064093004166015, 0.9961742009674357]); // scipy
    small.w.forEach((w, t) => expect(Math.abs(w - (1 - 0.01 * Math.log(A1[t] ?? 1)))).toBeLessThan(5e-4));
    const large = await run(G3, { alpha: 100 });
    expectRel(large.w, [1.6268066910367767, 1.5084574255610332, 0.952699143159919]); // scipy
    // A⁻¹1 = (1.6334, 1.5139, 0.9543) (numpy); the gap shrinks like 1/α.
    expectRel(large.w, [1.6334351577329365, 1.5138826257810993, 0.9543228427734393], 0.01);
    G3.forEach((g) => expect(dot(large.d, g)).toBeCloseTo(1, 1));
  });

  it('non-conflicting for any T and α (g_t·d = w_t^(−1/α) > 0); max_norm clips', async () => {
    for (let seed = 0; seed < 12; seed++) {
      const T = 2 + (seed % 5);
      const G = randomPlainInput(seed, 1, T, 8).grads[0] ?? [];
      for (const alpha of [0.1, 1, 10]) {
        const { d, w } = await run(G, { alpha });
        G.forEach((g, t) => {
          expect(dot(d, g)).toBeGreaterThan(0);
          expect(dot(d, g) / Math.pow(w[t] ?? 0, -1 / alpha)).toBeCloseTo(1, 3);
        });
      }
      const clipped = await run(G, { maxNorm: 0.5 });
      expect(Math.sqrt(dot(clipped.d, clipped.d))).toBeCloseTo(0.5, 5);
    }
  });
});
