import { describe, expect, it } from 'vitest';
import { moco } from './moco';
import { instantiate, randomPlainInput, runSequence, type PlainInput, bisectProject } from './testing';

const G2 = [
  [1, 0],
  [0, 2],
];
const G3 = [
  [1, 0.2, -0.3],
  [-0.5, 1, 0.4],
  [0.3, -0.8, 1.2],
];
const expectRow = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));

interface MocoParams {
  beta: number;
  betaDecay: number;
  gamma: number;
  gammaDecay: number;
  rho: number;
  normalization: 'loss' | 'none';
}

/** MoCo's loop written the direct way on the vectors (float64), one replica. */
function reference(inputs: PlainInput[], p: MocoParams) {
  const T = inputs[0]?.grads[0]?.length ?? 0;
  const P = inputs[0]?.grads[0]?.[0]?.length ?? 0;
  let Y = Array.from({ length: T }, () => new Array<number>(P).fill(0));
  let lambda = new Array<number>(T).fill(1 / T);
  return inputs.map((input, i) => {
    const k = i + 1;
    const beta = p.beta / k ** p.betaDecay;
    const gamma = p.gamma / k ** p.gammaDecay;
    Y = Y.map((y, t) => {
      const g = input.grads[0]?.[t] ?? [];
      const norm = Math.sqrt(g.reduce((s, v) => s + v * v, 0));
      const scale = p.normalization === 'loss' ? Math.abs(input.losses[0]?.[t] ?? 0) / norm : 1;
      return y.map((v, j) => v - beta * (v - scale * (g[j] ?? 0)));
    });
    const Ytl = new Array<number>(P)
      .fill(0)
      .map((_, j) => Y.reduce((s, y, t) => s + (lambda[t] ?? 0) * (y[j] ?? 0), 0));
    lambda = bisectProject(
      lambda.map(
        (l, t) => l - gamma * ((Y[t] ?? []).reduce((s, v, j) => s + v * (Ytl[j] ?? 0), 0) + p.rho * l),
      ),
    );
    const direction = new Array<number>(P)
      .fill(0)
      .map((_, j) => Y.reduce((s, y, t) => s + (lambda[t] ?? 0) * (y[j] ?? 0), 0));
    return { lambda, direction };
  });
}

const DEFAULTS: MocoParams = {
  beta: 0.5,
  betaDecay: 0.5,
  gamma: 0.1,
  gammaDecay: 0.5,
  rho: 0,
  normalization: 'loss',
};

describe('moco', () => {
  it('2 tasks by hand, defaults: losses (1, 3) rescale (1,0), (0,2) to (1,0), (0,3); three steps as numpy', async () => {
    // Step 1: Y = ½ ĝ = diag(0.5, 1.5); λ = Π(½ − 0.1·(0.125, 1.125)) = Π(0.4875, 0.3875) = (0.55, 0.45);
    // direction Yᵀλ = (0.275, 0.675). Steps 2 and 3 (β_k = 0.5/√k, γ_k = 0.1/√k): numpy.
    const input = { grads: [G2], losses: [[1, 3]] };
    const outs = await runSequence(instantiate(moco, { replicas: 1, tasks: 2, shared: 2 }), [
      input,
      input,
      input,
    ]);
    const expected = [
      [
        [0.55, 0.45],
        [0.275, 0.675],
      ],
      [
        [0.6066779118865254, 0.3933220881134746],
        [0.41058547231602693, 0.7985736689418298],
      ],
      [
        [0.6568924500399136, 0.34310754996008636],
        [0.5058618572496915, 0.792664107109107],
      ],
    ];
    outs.forEach((out, s) => {
      expectRow(out.weights[0], expected[s]?.[0] ?? []);
      expectRow(out.direction[0], expected[s]?.[1] ?? []);
    });
  });

  it('3 tasks, both normalisations (a negative loss counts by its size), changing gradients: numpy', async () => {
    const steps = [G3, G3.map((g) => g.map((v) => 2 * v)), G3];
    const none = await runSequence(
      instantiate(moco, { replicas: 1, tasks: 3, shared: 3 }, { normalization: 'none', rho: 0.1 }),
      steps.map((G) => ({ grads: [G], losses: [[1, 2, 0.5]] })),
    );
    [
      [0.27455540829794534, 0.1668508825731959, 0.4214788986646566],
      [0.2724435300484196, 0.17963252768427077, 0.4055615774320535],
    ].forEach((d, s) => expectRow(none[s + 1]?.direction[0], d));
    expectRow(none[0]?.weights[0], [0.33616666666666667, 0.3359166666666667, 0.3279166666666667]);
    const loss = await runSequence(
      instantiate(moco, { replicas: 1, tasks: 3, shared: 3 }),
      steps.map((G) => ({ grads: [G], losses: [[1, -2, 0.5]] })),
    );
    expectRow(loss[2]?.weights[0], [0.3546552864897355, 0.27876813178136794, 0.3665765817288965]);
    expectRow(loss[2]?.direction[0], [0.10488053869279747, 0.33630859174615274, 0.18253409359511416]);
  });

  it('β = 1 without decay and γ = 0, no normalisation: the mean gradient of this step', async () => {
    const inputs = Array.from({ length: 3 }, (_, s) => randomPlainInput(s, 2, 3, 4));
    const params = { beta: 1, betaDecay: 0, gamma: 0, normalization: 'none' };
    const outs = await runSequence(instantiate(moco, { replicas: 2, tasks: 3, shared: 4 }, params), inputs);
    outs.forEach((out, s) =>
      inputs[s]?.grads.forEach((G, r) =>
        expectRow(
          out.direction[r],
          (G[0] ?? []).map((_, k) => G.reduce((acc, g) => acc + (g[k] ?? 0), 0) / 3),
        ),
      ),
    );
  });

  it('on a fixed G the tracked gradients catch up and λ reaches the MGDA weights (0.8, 0.2)', async () => {
    const input = { grads: [G2], losses: [[1, 1]] };
    const params = { normalization: 'none', gamma: 0.5, gammaDecay: 0, betaDecay: 0 };
    const outs = await runSequence(
      instantiate(moco, { replicas: 1, tasks: 2, shared: 2 }, params),
      Array.from({ length: 200 }, () => input),
    );
    expectRow(outs.at(-1)?.weights[0], [0.8, 0.2]);
    expectRow(outs.at(-1)?.direction[0], [0.8, 0.4]);
  });

  it('2, 3 and 4 tasks over 6 steps (different magnitudes, nearly collinear), both normalisations: matches the direct loop', async () => {
    for (const T of [2, 3, 4]) {
      for (let seed = 0; seed < 3; seed++) {
        const inputs = Array.from({ length: 6 }, (_, s) =>
          randomPlainInput(300 * T + 10 * seed + s, 1, T, 5),
        );
        if (seed === 1) inputs.forEach((p) => p.grads[0]?.[0]?.forEach((v, k, g) => (g[k] = 50 * v)));
        if (seed === 2)
          inputs.forEach((p) => p.grads[0] && (p.grads[0][1] = (p.grads[0][0] ?? []).map((v) => v + 1e-3)));
        for (const normalization of ['loss', 'none'] as const) {
          const params = { ...DEFAULTS, normalization, rho: 0.05 };
          const outs = await runSequence(
            instantiate(moco, { replicas: 1, tasks: T, shared: 5 }, params),
            inputs,
          );
          const expected = reference(inputs, params);
          outs.forEach((out, s) => {
            expectRow(out.weights[0], expected[s]?.lambda ?? [], 4);
            const scale = Math.max(1, ...(expected[s]?.direction ?? []).map(Math.abs));
            (expected[s]?.direction ?? []).forEach((v, j) =>
              expect(Math.abs((out.direction[0]?.[j] ?? NaN) - v)).toBeLessThan(1e-4 * scale),
            );
          });
        }
      }
    }
  });

  it("'loss' normalisation: scaling the gradients by c changes nothing (only their directions and the losses count)", async () => {
    const inputs = Array.from({ length: 4 }, (_, s) => randomPlainInput(60 + s, 1, 3, 4));
    const base = await runSequence(instantiate(moco, { replicas: 1, tasks: 3, shared: 4 }), inputs);
    for (const c of [0.125, 4]) {
      const scaled = await runSequence(
        instantiate(moco, { replicas: 1, tasks: 3, shared: 4 }),
        inputs.map((p) => ({ ...p, grads: p.grads.map((G) => G.map((g) => g.map((v) => c * v))) })),
      );
      scaled.forEach((out, s) => {
        expectRow(out.weights[0], base[s]?.weights[0] ?? [], 6);
        expectRow(out.direction[0], base[s]?.direction[0] ?? [], 6);
      });
    }
  });

  it("first step against LibMTL's MoCo.py (3 and 4 tasks): the same tracked gradients, then a projection where LibMTL takes a softmax", async () => {
    // Numbers from a float64 numpy transcription of each update with the defaults (β = 0.5, γ = 0.1, ρ = 0,
    // 'loss' normalisation as LibMTL's g / (|g| + 1e-8) · L): y = 0 and λ = 1/T at the start, y updated
    // first, λ stepped with the new y. 'paper': λ = Π_Δ(stepped) (Algorithm 1, the authors' code, ours);
    // 'libmtl': λ = softmax(stepped), LibMTL/weighting/MoCo.py. Directions yᵀλ. Cosine between the two
    // directions: 0.99956 (3 tasks), 0.99973 (4 tasks).
    const G4 = [
      [1, 0.2, -0.3, 0.5],
      [-0.5, 1, 0.4, 0.1],
      [0.3, -0.8, 1.2, -0.2],
      [0.6, 0.4, 0.1, -1.0],
    ];
    const cases = [
      {
        grads: G3,
        losses: [1, 2, 0.5],
        paper: [0.34013425225848043, 0.3167879856827465, 0.343077762058773],
        paperDirection: [0.04406111574489512, 0.2522014753275922, 0.12858664309552154],
        libmtl: [0.33558488472364684, 0.3278409779325619, 0.33657413734379127],
        libmtlDirection: [0.03693600287912832, 0.2619647950328182, 0.13162743083650064],
      },
      {
        grads: G4,
        losses: [1, 2, 0.5, 1.5],
        paper: [0.2565425797278117, 0.23940768019290354, 0.2601638655423949, 0.24388587453688979],
        paperDirection: [0.1105904472902608, 0.24689479692948516, 0.11489435162444328, -0.08194125681353252],
        libmtl: [0.25163170753132413, 0.24735675355152345, 0.25254458977045224, 0.24846694914670017],
        libmtlDirection: [0.10644709894813344, 0.25528359953475177, 0.1169298836724076, -0.0848407088874023],
      },
    ];
    for (const c of cases) {
      const T = c.grads.length;
      const [out] = await runSequence(instantiate(moco, { replicas: 1, tasks: T, shared: T }), [
        { grads: [c.grads], losses: [c.losses] },
      ]);
      expectRow(out?.weights[0], c.paper, 6);
      expectRow(out?.direction[0], c.paperDirection, 6);
      // The one difference, recomputed here: y = ½ ĝ, stepped = 1/T − γ y yᵀ (1/T); Π_Δ for us, softmax for
      // LibMTL. Near equal weights softmax's Jacobian is (I − 11ᵀ/T)/T, so LibMTL's λ moves T times less.
      const y = c.grads.map((g, t) => {
        const norm = Math.hypot(...g);
        return g.map((v) => (0.5 * v * (c.losses[t] ?? 0)) / norm);
      });
      const ybar = (y[0] ?? []).map((_, k) => y.reduce((s, row) => s + (row[k] ?? 0), 0) / T);
      const stepped = y.map((row) => 1 / T - 0.1 * row.reduce((s, v, k) => s + v * (ybar[k] ?? 0), 0));
      expectRow(bisectProject(stepped), c.paper, 9);
      const exp = stepped.map(Math.exp);
      expectRow(
        exp.map((e) => e / exp.reduce((a, b) => a + b, 0)),
        c.libmtl,
        9,
      );
      c.paper.forEach((p, t) => expect(p - 1 / T).toBeCloseTo(T * ((c.libmtl[t] ?? 0) - 1 / T), 3));
    }
  });
});
