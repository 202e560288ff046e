import { describe, expect, it } from 'vitest';
import { mgda, normalizers } from './mgda';
import { aggregatePlain, instantiate } from './testing';

const G3 = [
  [1, 0.2, -0.3],
  [-0.5, 1, 0.4],
  [0.3, -0.8, 1.2],
];

describe('mgda', () => {
  it('2 tasks, closed form: (1,0) and (0,2) give γ = 4/5, d = (0.8, 0.4)', async () => {
    const out = await aggregatePlain(instantiate(mgda, { replicas: 1, tasks: 2, shared: 2 }), {
      grads: [
        [
          [1, 0],
          [0, 2],
        ],
      ],
      losses: [[1, 1]],
    });
    [0.8, 0.2].forEach((v, t) => expect(out.weights[0]?.[t]).toBeCloseTo(v, 6));
    [0.8, 0.4].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 6));
  });

  it('l2 normalisation: the weights multiply the normalised gradients (LibMTL), d = (0.5, 0.5)', async () => {
    const m = instantiate(mgda, { replicas: 1, tasks: 2, shared: 2 }, { normalization: 'l2' });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [1, 0],
          [0, 2],
        ],
      ],
      losses: [[1, 1]],
    });
    [0.5, 0.5].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 6));
    [0.5, 0.25].forEach((v, t) => expect(out.weights[0]?.[t]).toBeCloseTo(v, 6)); // implied: sol_t / |g_t|
  });

  it('3 tasks: the min-norm point from numpy (active-set enumeration)', async () => {
    const out = await aggregatePlain(instantiate(mgda, { replicas: 1, tasks: 3, shared: 3 }), {
      grads: [G3],
      losses: [[1, 1, 1]],
    });
    [0.3982394623420264, 0.3690919716560742, 0.23266856600189934].forEach((v, t) =>
      expect(out.weights[0]?.[t]).toBeCloseTo(v, 5),
    );
    [0.2834940463145591, 0.26260501132296005, 0.30736722916210096].forEach((v, i) =>
      expect(out.direction[0]?.[i]).toBeCloseTo(v, 5),
    );
  });

  it("'loss' normalisation divides by |L_t|: doubling a loss halves its gradient before the solve", async () => {
    // ĝ = (1,0)/1 and (0,4)/2 = (0,2): the same problem as the closed-form test, sol = (0.8, 0.2).
    const m = instantiate(mgda, { replicas: 1, tasks: 2, shared: 2 }, { normalization: 'loss' });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [1, 0],
          [0, 4],
        ],
      ],
      losses: [[1, -2]],
    });
    [0.8, 0.1].forEach((v, t) => expect(out.weights[0]?.[t]).toBeCloseTo(v, 6));
    [0.8, 0.4].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 6));
    expect(
      normalizers(
        [
          [9, 0],
          [0, 4],
        ],
        [2, 0.5],
        'loss+',
      ),
    ).toEqual([6, 1]);
    expect(
      normalizers(
        [
          [0, 0],
          [0, 4],
        ],
        [2, 0.5],
        'l2',
      ),
    ).toEqual([1, 2]); // zero gradient: left at 1
  });

  it('MGDA-UB solves on the representation gradients and weighs the raw parameter gradients', async () => {
    expect(mgda.needsRepGrads?.({ normalization: 'none', variant: 'ub' })).toBe(true);
    expect(mgda.needsRepGrads?.({ normalization: 'none', variant: 'params' })).toBe(false);
    const m = instantiate(mgda, { replicas: 1, tasks: 2, shared: 2 }, { variant: 'ub' });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [1, 1],
          [3, -1],
        ],
      ],
      losses: [[1, 1]],
      repGrads: [
        [
          [1, 0, 0],
          [0, 2, 0],
        ],
      ], // Gram as in the closed-form test: sol = (0.8, 0.2)
    });
    [0.8, 0.2].forEach((v, t) => expect(out.weights[0]?.[t]).toBeCloseTo(v, 6));
    [1.4, 0.6].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 6));
    await expect(
      aggregatePlain(m, {
        grads: [
          [
            [1, 1],
            [3, -1],
          ],
        ],
        losses: [[1, 1]],
      }),
    ).rejects.toThrow(/representation/);
  });
});
