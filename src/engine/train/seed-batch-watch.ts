/**
 * The divergence watch (divergence-watch.ts) for R seeds trained as one batch, naming the seed that broke.
 * Its device-side flags treat every (seed, task) pair as a task of its own, so the first non-finite step is
 * known per seed and task in the same one dispatch a run pays; the method's flag covers every seed at
 * once, and the seed at fault is then the one whose parameters stopped being finite (its non-finite update
 * reached them), read back with the flags.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DivergenceWatch } from './divergence-watch';
import { TrainingDivergedError } from './errors';

export class SeedBatchWatch extends DivergenceWatch {
  constructor(
    private readonly tasks: readonly string[],
    private readonly seeds: readonly number[],
  ) {
    super(seeds.flatMap(() => tasks));
  }

  /** Record this step's [R, T] losses and weights, [R, T, P] gradients, [R, P] update (inside a tidy). */
  override record(
    losses: tf.Tensor2D,
    grads: tf.Tensor3D,
    direction: tf.Tensor2D,
    weights: tf.Tensor2D,
  ): void {
    const pairs = losses.size;
    super.record(
      losses.reshape([1, pairs]),
      grads.reshape([1, pairs, grads.shape[2]]),
      direction.reshape([1, direction.size]),
      weights.reshape([1, pairs]),
    );
  }

  /** [R] 1 where seed r's parameters θ_r are all finite (1 for an empty θ). */
  static finiteRows(theta: tf.Tensor2D): tf.Tensor1D {
    return tf.tidy(() =>
      theta.shape[1] ? tf.all(tf.isFinite(theta), 1).cast('float32') : tf.ones([theta.shape[0]]),
    );
  }

  /** Read the flags (and which seeds are finite) back; throw if anything diverged. */
  async checkSeeds(methodId: string, theta: tf.Tensor2D): Promise<void> {
    if (this.diverged) throw this.diverged;
    const both = tf.tidy(() => tf.concat([this.badStep, SeedBatchWatch.finiteRows(theta)]));
    let values: Float32Array;
    try {
      values = (await both.data()) as Float32Array;
    } finally {
      both.dispose();
    }
    const flags = this.seeds.length * this.tasks.length + 2;
    this.throwIfSeeds(Array.from(values.subarray(0, flags)), Array.from(values.subarray(flags)), methodId);
  }

  /** Throw what the flags show, naming the seed; `finite[r]` says whether seed r's θ was finite. */
  throwIfSeeds(flags: number[], finite: number[], methodId: string): void {
    if (this.diverged) throw this.diverged;
    const T = this.tasks.length;
    const perPair = flags.slice(0, this.seeds.length * T + 1);
    const bad = perPair.filter((s) => s >= 0);
    if (!bad.length) return;
    // The earliest bad step; at a tie a task's loss is the cause, not the method fed by it (as in one run).
    const first = Math.min(...bad);
    const index = perPair.indexOf(first);
    const pair = index < this.seeds.length * T ? index : -1;
    const seed = pair >= 0 ? this.seeds[Math.floor(pair / T)] : this.seeds[finite.indexOf(0)];
    this.diverged =
      pair >= 0
        ? new TrainingDivergedError(first, this.tasks[pair % T] ?? `task ${pair % T}`, null, null, seed)
        : new TrainingDivergedError(first, null, methodId, null, seed ?? null);
    throw this.diverged;
  }

  /** Latch a report check of seed `seed`: an explosion it throws is restated with the seed. */
  latchSeed<T>(seed: number, check: () => T): T {
    return this.latch(() => {
      try {
        return check();
      } catch (error) {
        if (!(error instanceof TrainingDivergedError) || error.seed !== null) throw error;
        throw new TrainingDivergedError(error.step, error.task, error.method, error.detail, seed);
      }
    });
  }
}
