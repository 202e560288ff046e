/**
 * (Multi-)Krum. Blanchard, El Mhamdi, Guerraoui & Stainer, "Machine Learning with Adversaries: Byzantine
 * Tolerant Gradient Descent", NeurIPS 2017 (Krum §4, Multi-Krum §5); torchjd/aggregation/krum.py.
 *
 * A rule from distributed training against f Byzantine (arbitrarily wrong) workers, here with the task
 * gradients as the workers: each gradient's score is the sum of its squared distances to its T − f − 2
 * nearest other gradients, and the direction is the average of the m gradients with the lowest scores
 * (m = 1 is Krum; the weights are 1/m on the selected tasks, 0 elsewhere: scale 'convex'). A gradient far
 * from the others, however large, is never selected while it is alone.
 *
 * Squared distances as in the paper (torchjd sums the distances themselves; both agree on its example).
 * They come from the Gram matrix, read back with `await data()`: |g_i − g_j|² = A_ii + A_jj − 2A_ij,
 * clamped at 0 against rounding. Equal scores select the lower task index; they are the rule, not the
 * exception, at T = 3 with f = 0 (one neighbour each: the two closest gradients are each other's nearest
 * and tie), so Krum is not permutation-equivariant there.
 * The paper's guarantee needs T > 2f + 2, which `check` enforces (so T ≥ 3); an instance created anyway
 * with fewer tasks counts at least one neighbour and selects at most T gradients.
 */
import { int } from '../params/spec';
import { gramWeighting } from './common';
import { defineMethod } from './types';

/** Krum scores of one replica: Σ of the squared distances to the `neighbours` nearest other gradients. */
export function krumScores(A: readonly (readonly number[])[], neighbours: number): number[] {
  return A.map((row, i) => {
    const distances = row
      .map((a, j) => Math.max((A[i]?.[i] ?? 0) + (A[j]?.[j] ?? 0) - 2 * a, 0))
      .filter((_, j) => j !== i)
      .sort((x, y) => x - y);
    return distances.slice(0, neighbours).reduce((s, d) => s + d, 0);
  });
}

/** Weights 1/m on the m lowest scores (stable: equal scores keep the task order). */
export function krumWeights(
  A: readonly (readonly number[])[],
  byzantine: number,
  selected: number,
): number[] {
  const T = A.length;
  const neighbours = Math.min(Math.max(T - byzantine - 2, 1), T - 1);
  const m = Math.min(Math.max(selected, 1), T);
  const scores = krumScores(A, neighbours);
  const order = scores.map((s, t) => ({ s, t })).sort((a, b) => a.s - b.s || a.t - b.t);
  const weights = new Array<number>(T).fill(0);
  for (const { t } of order.slice(0, m)) weights[t] = 1 / m;
  return weights;
}

export const krum = defineMethod({
  id: 'krum',
  label: 'Krum',
  group: 'robust',
  summary:
    'A Byzantine-robust rule: scores each task gradient by how close it lies to its nearest neighbours and averages the best-scored ones, so one wildly different gradient is ignored. Needs T > 2f + 2 tasks.',
  citation:
    'Blanchard, El Mhamdi, Guerraoui & Stainer, "Machine Learning with Adversaries: Byzantine Tolerant Gradient Descent", NeurIPS 2017',
  scale: 'convex',
  params: {
    byzantine: int({
      label: 'f (outliers tolerated)',
      help: 'How many task gradients may be arbitrarily wrong. Each score sums the distances to the T − f − 2 nearest others, and the paper needs T > 2f + 2. torchjd makes you choose; 0 (any T ≥ 3) here.',
      default: 0,
      min: 0,
      max: 7,
    }),
    selected: int({
      label: 'm (gradients averaged)',
      help: 'How many of the best-scored gradients to average: 1 is Krum (the paper and torchjd default), more is Multi-Krum; m = T with f = 0 is the mean.',
      default: 1,
      min: 1,
      max: 16,
    }),
  },
  stateful: false,
  stochastic: false,
  check: (params, { numTasks: T }) => [
    ...(T > 2 * params.byzantine + 2
      ? []
      : [
          {
            path: 'byzantine',
            message:
              T < 3
                ? `Krum needs T > 2f + 2, so at least 3 tasks; there are ${T}`
                : `Krum needs T > 2f + 2: with ${T} tasks f must be between 0 and ${Math.ceil(T / 2) - 2}`,
          },
        ]),
    ...(params.selected <= T
      ? []
      : [{ path: 'selected', message: `m must be between 1 and the number of tasks (${T})` }]),
  ],
  create: ({ numTasks: T, params }) =>
    gramWeighting(T, (A) => krumWeights(A, params.byzantine, params.selected)),
});
