import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { famo } from './famo';
import { aggregatePlain, instantiate, runSequence } from './testing';

const close = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));

describe('famo', () => {
  it('2 tasks by hand: equal logits weigh 1/L (w = (3/4, 1/4)); the next call learns from δ = log-loss decrease', async () => {
    const m = instantiate(famo, { replicas: 1, tasks: 2, shared: 2 });
    const grads = [
      [
        [1, 0],
        [-1, 2],
      ],
    ];
    const first = await aggregatePlain(m, { grads, losses: [[1, 3]] }, 0);
    close(first.weights[0], [0.75, 0.25]);
    close(first.direction[0], [0.5, 0.5]);
    close(first.trainableGrads[0]?.[0], [0, 0]); // no previous loss yet, and ξ = 0
    const second = await aggregatePlain(m, { grads, losses: [[0.5, 3]] }, 1);
    close(second.weights[0], [6 / 7, 1 / 7]); // z = ½: (2, 1/3) normalised
    // δ = (ln 1 − ln 0.5, 0) = (ln 2, 0); Jᵀδ = z ⊙ (δ − z·δ) = (ln2/4, −ln2/4).
    close(second.trainableGrads[0]?.[0], [Math.LN2 / 4, -Math.LN2 / 4]);
    m.dispose();
  });

  it('3 tasks over 4 steps (SGD 0.3 on ξ, γ = 0.01): numpy with the explicit Jacobian diag(z) − zzᵀ', async () => {
    const m = instantiate(famo, { replicas: 1, tasks: 3, shared: 1 }, { gamma: 0.01 });
    const losses = [
      [1, 2, 0.5],
      [0.8, 1.9, 0.45],
      [0.5, 1.8, 0.44],
      [0.45, 1.2, 0.3],
    ];
    const outs = await runSequence(
      m,
      losses.map((L) => ({ grads: [[[1], [1], [1]]], losses: [L] })),
      0.3,
    );
    const expected = [
      [
        [0.2857142871428571, 0.14285714428571428, 0.5714285685714287],
        [0, 0, 0],
      ],
      [
        [0.3126142609891413, 0.13162705821115006, 0.5557586807997087],
        [0.032181476674269134, -0.025101941555669836, -0.007079535118599302],
      ],
      [
        [0.4111132367256099, 0.11617758041210945, 0.4727091828622807],
        [0.09536823557865931, -0.04249506923749189, -0.05287316634116741],
      ],
      [
        [0.3350753137140233, 0.13322908650273085, 0.5316955997832458],
        [-0.06331608129452575, 0.035522023223317274, 0.0277940580712085],
      ],
    ];
    expected.forEach(([w = [], g = []], s) => {
      close(outs[s]?.weights[0], w);
      close(outs[s]?.trainableGrads[0]?.[0], g);
      expect((outs[s]?.weights[0] ?? []).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6); // convex
    });
    m.dispose();
  });

  it('weight decay: the logits’ gradient is γξ when no loss changed', async () => {
    const m = instantiate(famo, { replicas: 1, tasks: 2, shared: 1 }, { gamma: 0.5 });
    tf.tidy(() => m.trainables[0]?.assign(tf.tensor2d([[1, -1]])));
    const plain = { grads: [[[1], [1]]], losses: [[2, 2]] };
    await aggregatePlain(m, plain, 0);
    const out = await aggregatePlain(m, plain, 1);
    close(out.trainableGrads[0]?.[0], [0.5, -0.5]);
    const z1 = 1 / (1 + Math.exp(-2)); // softmax(1, −1); equal losses: w = z
    close(out.weights[0], [z1, 1 - z1]);
    m.dispose();
  });

  it('scaling one task’s loss and gradient by 10 turns the update only by the normaliser (log-losses)', async () => {
    // w_t ∝ z_t / L_t, so w_1 g_1 keeps its value up to the common factor 1/Σ_j z_j/L_j: by hand,
    // replica 1: w = (2/3, 1/3), d = (2/3, 1/3); replica 2: w = (1/6, 5/6), d = (5/3, 5/6): the same orientation.
    const m = instantiate(famo, { replicas: 2, tasks: 2, shared: 2 });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [1, 0],
          [0, 1],
        ],
        [
          [10, 0],
          [0, 1],
        ],
      ],
      losses: [
        [1, 2],
        [10, 2],
      ],
    });
    close(out.direction[0], [2 / 3, 1 / 3]);
    close(out.direction[1], [5 / 3, 5 / 6]);
    m.dispose();
  });

  it('a loss ≤ −ε gives NaN weights (log of a non-positive number)', async () => {
    const out = await aggregatePlain(instantiate(famo, { replicas: 1, tasks: 2, shared: 1 }), {
      grads: [[[1], [1]]],
      losses: [[1, -0.5]],
    });
    expect(out.weights[0]).toEqual([NaN, NaN]);
  });
});
