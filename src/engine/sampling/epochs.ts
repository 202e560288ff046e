/**
 * Shuffled epochs: each pool's samples in a random order, taken front to back, so no sample repeats within
 * an epoch. This is the logic of train/batches.ts's EpochSampler moved here (same draws from the same rng:
 * one permutation per pool at creation, in pool order; a fresh permutation of a pool when fewer than the
 * requested samples remain, dropping that tail), with its orders and cursors kept in a MethodState so a
 * sampler that uses it can be snapshot and resumed.
 */
import { MethodState } from '../stateful/state';
import type { Rng } from '../random/rng';

export interface EpochStreams {
  /** The next `k` samples of `pool` (k ≤ pool size), starting a new epoch first when fewer remain. */
  take(pool: number, k: number): number[];
  /**
   * The next `k` samples of `pool` that `allowed` accepts, passing over (and so using up for this epoch)
   * the ones it rejects; continues into a new epoch when the current one runs out (that epoch puts the
   * samples already in the result last, so none repeats within the result and every epoch still holds each
   * sample once). The caller guarantees at least `k` allowed samples.
   */
  takeWhere(pool: number, k: number, allowed: (sample: number) => boolean): number[];
  /** The samples `take(pool, k)` would return next if no new epoch were needed; draws nothing. */
  peek(pool: number, k: number): number[];
}

export function epochStreams(state: MethodState, rng: Rng, sizes: readonly number[]): EpochStreams {
  const orders = state.box<number[][]>(
    'epoch.orders',
    sizes.map((n) => rng.permutation(n)),
  );
  const cursors = state.box<number[]>(
    'epoch.cursors',
    sizes.map(() => 0),
  );
  const order = (pool: number): number[] => orders.value[pool] ?? [];
  /** A fresh permutation; samples in `last` (already in the batch being filled) go to its end. */
  const newEpoch = (pool: number, last?: Set<number>): void => {
    const order = rng.permutation(sizes[pool] ?? 0);
    orders.value[pool] = last?.size
      ? [...order.filter((i) => !last.has(i)), ...order.filter((i) => last.has(i))]
      : order;
    cursors.value[pool] = 0;
  };
  return {
    take(pool, k) {
      if ((cursors.value[pool] ?? 0) + k > (sizes[pool] ?? 0)) newEpoch(pool);
      const start = cursors.value[pool] ?? 0;
      cursors.value[pool] = start + k;
      return order(pool).slice(start, start + k);
    },
    takeWhere(pool, k, allowed) {
      const out: number[] = [];
      const picked = new Set<number>();
      const size = sizes[pool] ?? 0;
      // Two epochs' worth of scanning always suffices when at least k samples are allowed.
      for (let scanned = 0; out.length < k; scanned++) {
        if (scanned > 2 * size + k)
          throw new Error(`epochs: fewer than ${k} allowed samples in pool ${pool}`);
        if ((cursors.value[pool] ?? 0) >= size) newEpoch(pool, picked);
        const at = cursors.value[pool] ?? 0;
        cursors.value[pool] = at + 1;
        const sample = order(pool)[at] ?? 0;
        if (allowed(sample) && !picked.has(sample)) {
          picked.add(sample);
          out.push(sample);
        }
      }
      return out;
    },
    peek(pool, k) {
      const start = cursors.value[pool] ?? 0;
      const fits = start + k <= (sizes[pool] ?? 0);
      return fits ? order(pool).slice(start, start + k) : order(pool).slice(0, k);
    },
  };
}

/**
 * Drop-in replacement for train/batches.ts's EpochSampler (same constructor, same draws): every pool's
 * next `batchSize` samples each call.
 */
export class EpochSampler {
  private readonly streams: EpochStreams;

  constructor(
    private readonly counts: number[],
    private readonly batchSize: number,
    rng: Rng,
  ) {
    this.streams = epochStreams(new MethodState(), rng, counts);
  }

  next(): Int32Array[] {
    return this.counts.map((_, t) => Int32Array.from(this.streams.take(t, this.batchSize)));
  }
}
