import { describe, expect, it } from 'vitest';
import { dbMtl } from './db-mtl';
import { aggregatePlain, instantiate, runSequence, type PlainInput } from './testing';

const close = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

/** Three steps of 3 tasks; the numbers below are LibMTL's DB_MTL.py buffer re-done in numpy. */
const SEQUENCE: PlainInput[] = [
  {
    grads: [
      [
        [1, 0.5, -0.2],
        [0.1, -2, 0.3],
        [0.4, 0.4, 4],
      ],
    ],
    losses: [[2, 0.5, 4]],
  },
  {
    grads: [
      [
        [0.5, 0.1, 0.2],
        [1, -1, 0.5],
        [-2, 0.4, 1],
      ],
    ],
    losses: [[1.5, 0.4, 3]],
  },
  {
    grads: [
      [
        [0.2, 0.9, 0.1],
        [0.3, 0.2, -3],
        [1, 1, 1],
      ],
    ],
    losses: [[1.2, 0.45, 1]],
  },
];

describe('db-mtl', () => {
  it('β = 0, 2 tasks by hand: log-loss gradients (1,0), (0,8) scaled to the larger norm: w = (8/3, 2), d = (8, 8)', async () => {
    const m = instantiate(dbMtl, { replicas: 1, tasks: 2, shared: 2 }, { beta: 0 });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [3, 0],
          [0, 4],
        ],
      ],
      losses: [[3, 0.5]],
    });
    close(out.weights[0], [8 / 3, 2]);
    close(out.direction[0], [8, 8]);
    m.dispose();
  });

  it('β = 0: every weighted log-loss gradient has the largest norm (3 tasks, very different magnitudes)', async () => {
    const grads = [
      [1e-3, 2e-3, 0],
      [50, -20, 10],
      [0.3, 0.3, -0.1],
    ];
    const losses = [1e-2, 100, 0.7];
    const out = await aggregatePlain(instantiate(dbMtl, { replicas: 1, tasks: 3, shared: 3 }, { beta: 0 }), {
      grads: [grads],
      losses: [losses],
    });
    const scaled = grads.map((g, t) => norm(g.map((v) => v * (out.weights[0]?.[t] ?? 0))));
    const largest = Math.max(...grads.map((g, t) => norm(g) / (losses[t] ?? 1)));
    scaled.forEach((v) => expect(v / largest).toBeCloseTo(1, 5));
  });

  it('β = 0.9 (σ = 0 and 0.5), 3 tasks over 3 steps: numpy of LibMTL’s moving average', async () => {
    const expected = {
      0: [
        [3.5655543448454883, 1.9999999600000007, 1.002447964030172],
        [5.495080867658479, 2.4999999375000015, 1.6668096310810052],
        [4.831182487249879, 2.222222172839507, 3.142521257156975],
      ],
      0.5: [
        [3.5655543448454883, 1.9999999600000007, 1.002447964030172],
        [6.369124721504577, 2.4999999375000015, 1.7105947217409434],
        [6.13892715123912, 2.222222172839507, 3.629414214782164],
      ],
    };
    for (const [sigma, rows] of Object.entries(expected)) {
      const m = instantiate(
        dbMtl,
        { replicas: 1, tasks: 3, shared: 3 },
        { beta: 0.9, betaSigma: Number(sigma) },
      );
      const outs = await runSequence(m, SEQUENCE);
      rows.forEach((w, s) => close(outs[s]?.weights[0], w, 4));
      m.dispose();
    }
    // The direction is LibMTL's Σ_t α_t m_t of the averaged log-loss gradients (σ = 0), numpy:
    const m = instantiate(dbMtl, { replicas: 1, tasks: 3, shared: 3 });
    const outs = await runSequence(m, SEQUENCE);
    [
      [0.4166532853957051, -0.18162438168245862, 0.3896680688878929], // (1 − β) × the β = 0 direction
      [0.6253138696924176, -0.2579139809364126, 0.8314375336241624],
      [0.9643635721460682, 0.45984987912452535, 0.22842706545707514],
    ].forEach((d, s) => close(outs[s]?.direction[0], d, 4));
    m.dispose();
  });

  it('β = 0: the direction is Σ_t w_t g_t of this step (the β = 0.9 one is not)', async () => {
    const first = SEQUENCE[0] as PlainInput;
    const G = first.grads[0] ?? [];
    for (const beta of [0, 0.9]) {
      const out = await aggregatePlain(
        instantiate(dbMtl, { replicas: 1, tasks: 3, shared: 3 }, { beta }),
        first,
      );
      const implied = [0, 1, 2].map((k) =>
        G.reduce((s, g, t) => s + (out.weights[0]?.[t] ?? 0) * (g[k] ?? 0), 0),
      );
      // numpy, β = 0: Σ_t α_t ĝ_t; β = 0.9: one tenth of it (the average starts at 0).
      const d = [4.166533526457558, -1.8162435619651887, 3.8966809751515905];
      close(implied, d, 4);
      close(
        out.direction[0],
        d.map((v) => (1 - beta) * v),
        4,
      );
    }
  });

  it('loss-scale balance: multiplying a task’s loss and gradient by 1000 changes nothing (any β)', async () => {
    const scaledSequence = SEQUENCE.map((p) => ({
      grads: p.grads.map((G) => G.map((g, t) => (t === 1 ? g.map((v) => 1000 * v) : g))),
      losses: p.losses.map((L) => L.map((l, t) => (t === 1 ? 1000 * l : l))),
    }));
    const a = await runSequence(instantiate(dbMtl, { replicas: 1, tasks: 3, shared: 3 }), SEQUENCE);
    const b = await runSequence(instantiate(dbMtl, { replicas: 1, tasks: 3, shared: 3 }), scaledSequence);
    a.forEach((out, s) => close(b[s]?.direction[0], out.direction[0] ?? [], 3));
  });

  it('a zero gradient keeps α = 1 (no max/1e-8 blow-up); a loss ≤ −ε gives NaN weights', async () => {
    const m = instantiate(dbMtl, { replicas: 2, tasks: 2, shared: 2 }, { beta: 0 });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [0, 0],
          [0, 2],
        ],
        [
          [1, 0],
          [0, 1],
        ],
      ],
      losses: [
        [0.5, 1],
        [1, -1],
      ],
    });
    close(out.weights[0], [2, 1]); // α = (1, 1): weights 1/L
    expect(out.weights[1]).toEqual([NaN, NaN]);
    m.dispose();
  });
});
