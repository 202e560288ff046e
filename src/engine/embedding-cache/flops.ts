/**
 * Counting the trunk's floating-point operations, to report what the cache saves. A dense layer of `in`
 * inputs and `out` outputs costs 2·in·out per row forward (a multiply and an add per weight). Backward, it
 * costs 2·in·out for the kernel's gradient and 2·in·out more for the cotangent passed below, except at the
 * first layer, whose input is data (dense-chain-gradients.ts skips it too). The backward runs once per task
 * that reads the row, because every task's gradient is kept apart (row t of G). Biases and activations
 * (O(out) per row) are left out: they are a rounding error next to the products.
 */

/** The trunk as its dense layers' sizes, bottom first. */
export type TrunkShape = readonly { in: number; out: number }[];

/** Forward FLOPs of one row through the trunk. */
export const forwardFlopsPerRow = (trunk: TrunkShape): number =>
  trunk.reduce((sum, l) => sum + 2 * l.in * l.out, 0);

/** Backward FLOPs of one row for one task's gradient. */
export const backwardFlopsPerRow = (trunk: TrunkShape): number =>
  trunk.reduce((sum, l, i) => sum + 2 * l.in * l.out * (i === 0 ? 1 : 2), 0);

/** What one step's rows cost or saved, given how many tasks read each row (T for shared inputs, else 1). */
export interface StepFlops {
  saved: number;
  spent: number;
  /** Against the stacked strategy: T copies of the trunk forward on shared inputs, one pass here. */
  withinStep: number;
}

export function stepFlops(
  trunk: TrunkShape,
  counts: { rows: number; hits: number; trainedMisses: number; tasksPerRow: number; numTasks: number },
): StepFlops {
  const forward = forwardFlopsPerRow(trunk);
  const backward = backwardFlopsPerRow(trunk) * counts.tasksPerRow;
  const misses = counts.rows - counts.hits;
  const untrained = misses - counts.trainedMisses;
  const sharedInputs = counts.tasksPerRow === counts.numTasks && counts.numTasks > 1;
  return {
    saved: counts.hits * (forward + backward) + untrained * backward,
    spent: misses * forward + counts.trainedMisses * backward,
    withinStep: sharedInputs ? (counts.numTasks - 1) * counts.rows * forward : 0,
  };
}
