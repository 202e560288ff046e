import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/spec';
import { Rng } from '../random/rng';
import { toySuite } from '../tasks/toy';
import { gradvac } from './gradvac';
import { pcgrad } from './pcgrad';
import { aggregatePlain, instantiate, randomPlainInput, type PlainOutput } from './testing';

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);

/**
 * PCGrad written the direct way (the paper's Algorithm 1 on vectors, float64), with the same draws from the
 * rng as the method: for each task i in turn, a permutation of the OTHER tasks.
 */
function reference(grads: number[][], rng: Rng): number[] {
  const T = grads.length;
  const orders = grads.map((_, i) => {
    const others = grads.map((_, j) => j).filter((j) => j !== i);
    return rng.permutation(T - 1).map((k) => others[k] ?? 0);
  });
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

  it('GradVac with β = 0 is PCGrad for 2, 3 and 4 tasks (the same random orders over the other tasks)', async () => {
    for (const T of [2, 3, 4]) {
      for (let seed = 0; seed < 4; seed++) {
        const plain = randomPlainInput(40 * T + seed, 2, T, 4);
        const shape = { replicas: 2, tasks: T, shared: 4 };
        const a = await aggregatePlain(instantiate(pcgrad, shape, {}, seed), plain);
        const b = await aggregatePlain(instantiate(gradvac, shape, { beta: 0 }, seed), plain);
        a.direction.forEach((row, r) =>
          row.forEach((v, k) => expect(v).toBeCloseTo(b.direction[r]?.[k] ?? NaN, 5)),
        );
      }
    }
  });

  it("two tasks on the CAGrad toy's Pareto set: every random order gives the same result (no self-projection)", async () => {
    // θ = (2, θ2) with θ2 where ∇L1 and ∇L2 are anti-parallel (bisection in float64, rounded to float32).
    // There (C·A)_ii = |g_i|² − (g_i·g_j)²/|g_j|² cancels in float32 and came out negative, so whenever a
    // task's order put itself after the other task it was projected onto itself: the direction then
    // depended on the order (with two tasks the paper's algorithm has no order to choose).
    const toy = toySuite.build(defaultParams(toySuite.params), new Rng(0));
    if (toy.kind !== 'objective') throw new Error('the toy is an objective suite');
    const grads = tf.tidy(() => {
      const theta = tf.tensor3d([
        [
          [2, -8.36201000213623],
          [2, -8.36201000213623],
        ],
      ]);
      return tf
        .grad((t: tf.Tensor) => tf.sum(toy.losses(tf, t as tf.Tensor3D)))(theta)
        .arraySync() as number[][][];
    });
    const outs: PlainOutput[] = [];
    for (let seed = 0; seed < 8; seed++) {
      const method = instantiate(pcgrad, { replicas: 1, tasks: 2, shared: 2 }, {}, seed);
      outs.push(await aggregatePlain(method, { grads, losses: [[1, 1]] }));
    }
    outs.forEach((out) => {
      expect(out.direction).toEqual(outs[0]?.direction);
      expect(out.weights).toEqual(outs[0]?.weights);
    });
  });
});
