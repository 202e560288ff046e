/**
 * The decision-boundary grid's geometry: which inputs the model is asked about (the cell centres of an n×n
 * grid over the view's input box) and the layout of its answer. The page draws with it (state/grid.ts,
 * ui/charts/raster.ts) and the training worker builds the inputs from it, so a request carries only the
 * grid's size and box, not n²·2 numbers each time.
 */

/** [[x1 min, x1 max], [x2 min, x2 max]]. */
export type Bounds = readonly [readonly [number, number], readonly [number, number]];

/** A decision-boundary grid: n cells per side over `bounds`. */
export interface GridSpec {
  n: number;
  bounds: Bounds;
}

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

/**
 * The inputs of the last grid asked for, built once: the decision boundary asks for the same grid about
 * twice a second while training, and rebuilding it each time was most of what the requests allocated.
 * The array is only read (tfjs copies or wraps it, never writes it).
 */
export class GridInputsCache {
  private key = '';
  private inputs: Float32Array | null = null;

  get(spec: GridSpec): Float32Array {
    const key = JSON.stringify([spec.n, spec.bounds]);
    if (key !== this.key || !this.inputs) {
      this.inputs = gridInputs(spec.n, spec.bounds);
      this.key = key;
    }
    return this.inputs;
  }
}
