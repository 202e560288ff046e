import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { pcgrad } from './pcgrad';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);

/** PCGrad written the direct way (LibMTL's loop on vectors), with the same draws from the rng. */
function reference(grads: number[][], rng: Rng): number[] {
  const T = grads.length;
  const orders = Array.from({ length: T }, () => rng.permutation(T));
  const projected = grads.map((g, i) => {
    const pc = [...g];
    for (const j of orders[i] ?? []) {
      const gj = grads[j] ?? [];
      const d = dot(pc, gj);
      if (d < 0) gj.forEach((v, k) => (pc[k] = (pc[k] ?? 0) - (d * v) / dot(gj, gj)));
    }
    return pc;
  });
  return (grads[0] ?? []).map((_, k) => projected.reduce((s, pc) => s + (pc[k] ?? 0), 0));
}

describe('pcgrad', () => {
  it('two conflicting vectors, by hand: (1,0) and (−1,1) give (0.5,0.5) + (0,1)', async () => {
    const out = await aggregatePlain(instantiate(pcgrad, { replicas: 1, tasks: 2, shared: 2 }), {
      grads: [
        [
          [1, 0],
          [-1, 1],
        ],
      ],
      losses: [[1, 1]],
    });
    [0.5, 1.5].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 6));
    // implied weights: pc1 = g1 + g2/2, pc2 = g1 + g2
    [2, 1.5].forEach((v, t) => expect(out.weights[0]?.[t]).toBeCloseTo(v, 6));
  });

  it('non-conflicting gradients are summed unchanged', async () => {
    const out = await aggregatePlain(instantiate(pcgrad, { replicas: 1, tasks: 3, shared: 2 }), {
      grads: [
        [
          [1, 0],
          [1, 1],
          [0, 2],
        ],
      ],
      losses: [[1, 1, 1]],
    });
    [2, 3].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 6));
  });

  it('3 tasks, one conflicting pair (order-independent, by hand)', async () => {
    const out = await aggregatePlain(instantiate(pcgrad, { replicas: 1, tasks: 3, shared: 3 }), {
      grads: [
        [
          [1, 0, 0],
          [-1, 1, 0],
          [0, 0, 1],
        ],
      ],
      losses: [[1, 1, 1]],
    });
    [0.5, 1.5, 1].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 6));
  });

  it('3 and 4 tasks with order-dependent conflicts: matches the direct loop with the same random orders', async () => {
    for (const T of [3, 4]) {
      for (let seed = 1; seed <= 5; seed++) {
        const plain = randomPlainInput(100 * T + seed, 1, T, 3);
        const out = await aggregatePlain(
          instantiate(pcgrad, { replicas: 1, tasks: T, shared: 3 }, {}, seed),
          plain,
        );
        const expected = reference(plain.grads[0] ?? [], new Rng(seed));
        expected.forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 4));
      }
    }
  });
});
