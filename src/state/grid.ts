/**
 * The decision-boundary grid: which inputs the page asks the model about (the cell centres of an n×n grid
 * over the view's input box) and the layout of the answer, shared by the request (actions.ts) and the
 * picture (ui/charts/DecisionBoundary.tsx).
 */

/** [[x1 min, x1 max], [x2 min, x2 max]]. */
export type Bounds = readonly [readonly [number, number], readonly [number, number]];

/**
 * The input at grid cell (row, col) of an n×n grid, row-major with x2 descending by row (row 0 at the top)
 * and x1 ascending by column: the layout of the decision-grid values (`values[t*n*n + row*n + col]`).
 */
export function cellCenter(n: number, bounds: Bounds, row: number, col: number): [number, number] {
  const [[x0, x1], [y0, y1]] = bounds;
  return [x0 + ((x1 - x0) * (col + 0.5)) / n, y1 - ((y1 - y0) * (row + 0.5)) / n];
}

/** All n×n cell centres as a Float32Array [n*n, 2] in cellCenter's order (the model's grid input). */
export function gridInputs(n: number, bounds: Bounds): Float32Array {
  const out = new Float32Array(n * n * 2);
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) {
      const [a, b] = cellCenter(n, bounds, row, col);
      out[2 * (row * n + col)] = a;
      out[2 * (row * n + col) + 1] = b;
    }
  return out;
}

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
