import { describe, expect, it } from 'vitest';
import { cagrad } from './cagrad';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

// References: scipy SLSQP (ftol 1e-16, 21 starts) on LibMTL's CAGrad objective without its 1e-8 guards,
// then d = ḡ + (c/|g_w|) g_w and the rescale; numpy 2.4 / scipy 1.17.
describe('cagrad', () => {
  it('c = 0 gives exactly the mean gradient (any rescale), 2 and 3 tasks', async () => {
    for (const T of [2, 3]) {
      for (const rescale of [0, 1, 2]) {
        const plain = randomPlainInput(T, 2, T, 4);
        const m = instantiate(cagrad, { replicas: 2, tasks: T, shared: 4 }, { c: 0, rescale });
        const out = await aggregatePlain(m, plain);
        plain.grads.forEach((G, r) =>
          (G[0] ?? []).forEach((_, k) => {
            const mean = G.reduce((s, g) => s + (g[k] ?? 0), 0) / T;
            expect(out.direction[r]?.[k]).toBeCloseTo(mean, 5);
          }),
        );
        out.weights.flat().forEach((w) => expect(w).toBeCloseTo(1 / T, 6));
      }
    }
  });

  it('2 tasks, c = 0.5: rescale 0 and 1 against scipy', async () => {
    const plain = {
      grads: [
        [
          [1, 0],
          [-0.5, 1],
        ],
      ],
      losses: [[1, 1]],
    };
    const raw = await aggregatePlain(
      instantiate(cagrad, { replicas: 1, tasks: 2, shared: 2 }, { rescale: 0 }),
      plain,
    );
    [0.45788941730078464, 0.6868341247586752].forEach((v, i) =>
      expect(raw.direction[0]?.[i]).toBeCloseTo(v, 5),
    );
    const scaled = await aggregatePlain(instantiate(cagrad, { replicas: 1, tasks: 2, shared: 2 }), plain);
    [0.3663115338406277, 0.5494672998069402].forEach((v, i) =>
      expect(scaled.direction[0]?.[i]).toBeCloseTo(v, 5),
    );
  });

  it('2 tasks, c = 2 (beyond 1), rescale 1 against scipy', async () => {
    const out = await aggregatePlain(instantiate(cagrad, { replicas: 1, tasks: 2, shared: 2 }, { c: 2 }), {
      grads: [
        [
          [1, 0],
          [-0.5, 1],
        ],
      ],
      losses: [[1, 1]],
    });
    [0.18533443853876416, 0.2780016565804866].forEach((v, i) =>
      expect(out.direction[0]?.[i]).toBeCloseTo(v, 5),
    );
  });

  it('3 tasks, c = 0.5, rescale 1: direction and implied weights against scipy', async () => {
    const out = await aggregatePlain(instantiate(cagrad, { replicas: 1, tasks: 3, shared: 3 }), {
      grads: [
        [
          [1, 0.2, -0.3],
          [-0.5, 1, 0.4],
          [0.3, -0.8, 1.2],
        ],
      ],
      losses: [[1, 1, 1]],
    });
    [0.31829111704991775, 0.28894070326116517, 0.3518344406087781].forEach((v, i) =>
      expect(out.direction[0]?.[i]).toBeCloseTo(v, 5),
    );
    [0.4449346684974246, 0.41328710289501364, 0.26666666666666666].forEach((v, t) =>
      expect(out.weights[0]?.[t]).toBeCloseTo(v, 5),
    );
  });
});
