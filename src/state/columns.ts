/**
 * A fixed-size columnar history: one Float64Array per series plus the steps, built incrementally and
 * decimated in place once it fills, so a run of any length holds at most `budget` rows per series.
 *
 * Rows are grouped in buckets of `size` consecutive appends, aligned at multiples of `size` (size 1 at
 * first, then 4, 8, 16, ...). A bucket of one append is its row; a larger bucket is two rows, at its first
 * and last step, holding per series
 * - 'envelope': the bucket's minimum and maximum in the order they occurred (so a spike survives), or
 * - 'path': its first and last value (points on a trajectory stay points of the trajectory).
 * Both reductions are associative, so merging two buckets gives what reducing their appends would, and the
 * rows depend only on what was appended, not on how the appends were batched. The newest append is kept
 * exact as the last row; the bucket still filling is reduced to at most two rows before it.
 */

/** How a series keeps its shape when buckets merge (see the file comment). */
export type Mode = 'envelope' | 'path';

/** Series stored by column: steps[i] and values[k][i] for keys[k]; NaN is a gap. */
export interface Columns {
  steps: Float64Array;
  keys: string[];
  values: Float64Array[];
}

/** Rows at most, by default: a chart draws about 400 points, and a merge step halves the rows. */
export const HISTORY_BUDGET = 1024;

/** A block of rows: the steps and one array per series, all of the same capacity. */
interface Block {
  steps: Float64Array;
  values: Float64Array[];
}

const block = (width: number, capacity: number): Block => ({
  steps: new Float64Array(capacity),
  values: Array.from({ length: width }, () => new Float64Array(capacity)),
});

/**
 * Rows [from, from + n) of `src` reduced to two rows at `at` of `dst` (`dst` may be `src` when at ≤ from:
 * every value is read before the rows are written).
 */
function reduce(src: Block, from: number, n: number, dst: Block, at: number, modes: readonly Mode[]): void {
  const [first, last] = [src.steps[from] as number, src.steps[from + n - 1] as number];
  modes.forEach((mode, k) => {
    const col = src.values[k] as Float64Array;
    let [a, b] = [col[from] as number, col[from + n - 1] as number];
    if (mode === 'envelope') {
      let [lo, hi] = [-1, -1];
      for (let i = from; i < from + n; i++) {
        const v = col[i] as number;
        if (!Number.isFinite(v)) continue;
        if (lo < 0 || v < (col[lo] as number)) lo = i;
        if (hi < 0 || v > (col[hi] as number)) hi = i;
      }
      [a, b] = lo < 0 ? [NaN, NaN] : [col[Math.min(lo, hi)] as number, col[Math.max(lo, hi)] as number];
    }
    const out = dst.values[k] as Float64Array;
    [out[at], out[at + 1]] = [a, b];
  });
  [dst.steps[at], dst.steps[at + 1]] = [first, last];
}

function copyRow(src: Block, i: number, dst: Block, j: number): void {
  dst.steps[j] = src.steps[i] as number;
  src.values.forEach((col, k) => ((dst.values[k] as Float64Array)[j] = col[i] as number));
}

export class DecimatedColumns {
  /** Rows of completed buckets at most: a multiple of 4, so that every merge pairs buckets exactly. */
  readonly capacity: number;
  private readonly done: Block;
  /** The bucket still filling, reduced (0 to 2 rows), and room for the append being folded in. */
  private readonly open: Block;
  private readonly newest: Block;
  private rows = 0;
  private openRows = 0;
  private filled = 0;
  private hasNewest = false;
  /** Appends per completed bucket. */
  size = 1;
  /** Every append so far. */
  count = 0;

  constructor(
    private readonly modes: readonly Mode[],
    /** Rows at most in `columns()` (at least 16). */
    readonly budget = HISTORY_BUDGET,
  ) {
    // Completed rows, plus two for the open bucket and one for the newest append.
    this.capacity = Math.max(4, Math.floor((budget - 3) / 4) * 4);
    this.done = block(modes.length, this.capacity);
    this.open = block(modes.length, 3);
    this.newest = block(modes.length, 1);
  }

  /** Rows `columns()` returns now (never more than `budget`). */
  get length(): number {
    return this.rows + this.openRows + (this.hasNewest ? 1 : 0);
  }

  /** Rows of completed buckets (each two rows once size > 1): tests check their envelopes. */
  get completedRows(): number {
    return this.rows;
  }

  /** Append one row: `values[k]` for series k. */
  push(step: number, values: ArrayLike<number>): void {
    if (this.hasNewest) this.fold();
    this.newest.steps[0] = step;
    this.modes.forEach((_, k) => ((this.newest.values[k] as Float64Array)[0] = values[k] ?? NaN));
    this.hasNewest = true;
    this.count++;
  }

  /** The previous newest append joins the open bucket (or, at size 1, becomes a bucket of its own). */
  private fold(): void {
    if (this.size === 1) {
      copyRow(this.newest, 0, this.done, this.rows++);
      if (this.rows === this.capacity) this.merge(4);
      return;
    }
    copyRow(this.newest, 0, this.open, this.openRows);
    if (this.openRows === 0) this.openRows = 1;
    else {
      reduce(this.open, 0, this.openRows + 1, this.open, 0, this.modes);
      this.openRows = 2;
    }
    if (++this.filled < this.size) return;
    for (let r = 0; r < 2; r++) copyRow(this.open, r, this.done, this.rows++);
    [this.openRows, this.filled] = [0, 0];
    if (this.rows === this.capacity) this.merge(2);
  }

  /** Every `group` buckets become one: size 1 -> 4 (four rows -> two), then size s -> 2s (pairs). */
  private merge(group: number): void {
    const per = this.size === 1 ? 1 : 2;
    const width = group * per;
    for (let g = 0; g * width < this.rows; g++)
      reduce(this.done, g * width, width, this.done, 2 * g, this.modes);
    this.rows = (2 * this.rows) / width;
    this.size *= group;
  }

  /** The steps and the chosen series (by index; an index out of range gives NaN), copied. */
  columns(pick: readonly number[]): { steps: Float64Array; values: Float64Array[] } {
    const n = this.length;
    const steps = new Float64Array(n);
    const values = pick.map(() => new Float64Array(n));
    const parts: [Block, number][] = [
      [this.done, this.rows],
      [this.open, this.openRows],
      [this.newest, this.hasNewest ? 1 : 0],
    ];
    let at = 0;
    for (const [src, count] of parts) {
      steps.set(src.steps.subarray(0, count), at);
      pick.forEach((k, j) => {
        const col = src.values[k];
        const out = values[j] as Float64Array;
        if (col) out.set(col.subarray(0, count), at);
        else out.fill(NaN, at, at + count);
      });
      at += count;
    }
    return { steps, values };
  }
}
