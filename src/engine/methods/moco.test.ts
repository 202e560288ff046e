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
});
