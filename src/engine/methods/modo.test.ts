import { describe, expect, it } from 'vitest';
import { modo } from './modo';
import { instantiate, randomPlainInput, runSequence, bisectProject, repeatInput } from './testing';

const G3 = [
  [1, 0.2, -0.3],
  [-0.5, 1, 0.4],
  [0.3, -0.8, 1.2],
];
const repeat = repeatInput;
const expectRow = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));

/** MoDo's single-sample loop written the direct way on the vectors (float64). */
function reference(steps: number[][][], gamma: number, rho: number) {
  const T = steps[0]?.length ?? 0;
  let lambda = new Array<number>(T).fill(1 / T);
  return steps.map((G) => {
    const Gtl = (G[0] ?? []).map((_, k) => G.reduce((s, g, t) => s + (lambda[t] ?? 0) * (g[k] ?? 0), 0));
    const GGtl = G.map((g) => g.reduce((s, v, k) => s + v * (Gtl[k] ?? 0), 0));
    lambda = bisectProject(lambda.map((l, t) => l - gamma * ((GGtl[t] ?? 0) + rho * l)));
    const direction = (G[0] ?? []).map((_, k) =>
      G.reduce((s, g, t) => s + (lambda[t] ?? 0) * (g[k] ?? 0), 0),
    );
    return { lambda, direction };
  });
}

describe('modo', () => {
  it('2 tasks by hand: (1,0), (0,2), γ = ρ = 0.1: λ = Π(0.445, 0.295) = (0.575, 0.425)', async () => {
    // Aλ + ρλ = (0.5 + 0.05, 2 + 0.05); stepped λ = (0.445, 0.295); the projection adds 0.13 to each.
    const m = instantiate(modo, { replicas: 1, tasks: 2, shared: 2 }, { gamma: 0.1 });
    const [out] = await runSequence(
      m,
      repeat(
        [
          [1, 0],
          [0, 2],
        ],
        1,
      ),
    );
    expectRow(out?.weights[0], [0.575, 0.425]);
    expectRow(out?.direction[0], [0.575, 0.85]);
    // LibMTL's defaults (γ = 0.001) barely move λ: (0.50075, 0.49925).
    const [slow] = await runSequence(
      instantiate(modo, { replicas: 1, tasks: 2, shared: 2 }),
      repeat(
        [
          [1, 0],
          [0, 2],
        ],
        1,
      ),
    );
    expectRow(slow?.weights[0], [0.50075, 0.49925], 7);
  });

  it('3 tasks, γ = ρ = 0.1, three steps (λ carried over): numpy', async () => {
    const outs = await runSequence(
      instantiate(modo, { replicas: 1, tasks: 3, shared: 3 }, { gamma: 0.1 }),
      repeat(G3, 3),
    );
    const expected = [
      [
        [0.3446666666666667, 0.3436666666666667, 0.31166666666666665],
        [0.2663333333333333, 0.1632666666666667, 0.40806666666666663],
      ],
      [
        [0.35385866666666665, 0.3511926666666667, 0.29494866666666664],
        [0.26674693333333327, 0.1860054666666667, 0.3882578666666666],
      ],
      [
        [0.36132417866666666, 0.3566383906666667, 0.28203743066666664],
        [0.2676162125333333, 0.20327328186666668, 0.3727030194666666],
      ],
    ];
    outs.forEach((out, s) => {
      expectRow(out.weights[0], expected[s]?.[0] ?? []);
      expectRow(out.direction[0], expected[s]?.[1] ?? []);
    });
  });

  it('γ = 0 is the mean gradient at every step', async () => {
    const inputs = Array.from({ length: 4 }, (_, s) => randomPlainInput(s, 2, 3, 4));
    const outs = await runSequence(
      instantiate(modo, { replicas: 2, tasks: 3, shared: 4 }, { gamma: 0 }),
      inputs,
    );
    outs.forEach((out) => out.weights.flat().forEach((w) => expect(w).toBeCloseTo(1 / 3, 7)));
  });

  it('repeated steps on a fixed G converge to the MGDA weights: (0.8, 0.2) for ρ = 0, ∝ 1/(|g|² + ρ) for ρ = 0.1', async () => {
    const run = async (rho: number) =>
      (
        await runSequence(
          instantiate(modo, { replicas: 1, tasks: 2, shared: 2 }, { gamma: 0.2, rho }),
          repeat(
            [
              [1, 0],
              [0, 2],
            ],
            300,
          ),
        )
      ).at(-1);
    expectRow((await run(0))?.weights[0], [0.8, 0.2]);
    expectRow((await run(0.1))?.weights[0], [4.1 / 5.2, 1.1 / 5.2]); // argmin λᵀ diag(1.1, 4.1) λ on the simplex
  });

  it('2, 3 and 4 tasks over 5 steps (different magnitudes, nearly collinear): matches the direct loop', async () => {
    for (const T of [2, 3, 4]) {
      for (let seed = 0; seed < 3; seed++) {
        const inputs = Array.from({ length: 5 }, (_, s) =>
          randomPlainInput(100 * T + 10 * seed + s, 1, T, 4),
        );
        if (seed === 1) inputs.forEach((p) => p.grads[0]?.[0]?.forEach((v, k, g) => (g[k] = 10 * v)));
        if (seed === 2)
          inputs.forEach((p) => p.grads[0] && (p.grads[0][1] = (p.grads[0][0] ?? []).map((v) => v + 1e-3)));
        const outs = await runSequence(
          instantiate(modo, { replicas: 1, tasks: T, shared: 4 }, { gamma: 0.05, rho: 0.1 }),
          inputs,
        );
        const expected = reference(
          inputs.map((p) => p.grads[0] ?? []),
          0.05,
          0.1,
        );
        outs.forEach((out, s) => {
          expectRow(out.weights[0], expected[s]?.lambda ?? [], 4);
          expectRow(out.direction[0], expected[s]?.direction ?? [], 3);
        });
      }
    }
  });

  it('is permutation-equivariant: reordering the tasks reorders λ and leaves the direction', async () => {
    const inputs = Array.from({ length: 4 }, (_, s) => randomPlainInput(80 + s, 1, 3, 4));
    const perm = [1, 2, 0];
    const params = { gamma: 0.3 };
    const base = await runSequence(instantiate(modo, { replicas: 1, tasks: 3, shared: 4 }, params), inputs);
    const permuted = await runSequence(
      instantiate(modo, { replicas: 1, tasks: 3, shared: 4 }, params),
      inputs.map((p) => ({ grads: p.grads.map((G) => perm.map((t) => G[t] ?? [])), losses: p.losses })),
    );
    permuted.forEach((out, s) => {
      expectRow(
        out.weights[0],
        perm.map((t) => base[s]?.weights[0]?.[t] ?? NaN),
      );
      expectRow(out.direction[0], base[s]?.direction[0] ?? []);
    });
  });
});
