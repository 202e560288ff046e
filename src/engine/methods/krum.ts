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
import { implementMethod } from './implement';
import { gramWeighting } from './common';
import { krumCard } from './krum.card';

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

export const krum = implementMethod(krumCard, {
  create: ({ numTasks: T, params }) =>
    gramWeighting(T, (A) => krumWeights(A, params.byzantine, params.selected)),
});
