/**
 * The decision-boundary grid the page holds: the model's answer and the grid it answers. The grid's
 * geometry (cell centres, the answer's layout) lives in the engine (engine/decision-grid.ts), which the
 * worker uses to build the inputs a request names by size and box.
 */

import type { Bounds } from '../engine/decision-grid';

export { cellCenter, gridInputs, type Bounds } from '../engine/decision-grid';

/** The model's answer on the grid, with the grid it answers. */
export interface DecisionGrid {
  /** Grid points per side. */
  size: number;
  bounds: Bounds;
  /** [T, size*size] logits, row-major (x2 descending by row, x1 ascending by column). */
  values: Float32Array;
  /** The step the store showed when the answer came. */
  step: number;
}
