/**
 * Lookahead inter-task affinity. Fifty, Amid, Zhao, Yu, Anil & Finn, "Efficiently Identifying Task
 * Groupings for Multi-Task Networks", NeurIPS 2021, arXiv:2109.04617, §3.
 *
 * Take a step on task j alone from the shared parameters θ and see what it does to task i's loss on the
 * same batch:
 *   Z[i][j] = 1 − L_i(θ − η g_j) / L_i(θ),   g_j = ∇θ L_j,
 * positive when the step on task j helped task i, negative when it hurt. Orientation: row i is the task
 * whose loss is measured, column j the task that stepped (the paper writes Z_{j→i}); the diagonal is each
 * task's own progress. The lookahead moves only the shared θ; task-specific parameters stay as they are,
 * as in the paper's shared-parameter lookahead. The paper takes the step with the optimizer's update; here
 * it is the plain gradient step η g_j, which is what "how much does j's gradient help i" means to first
 * order (Z[i][j] ≈ η g_i·g_j / L_i for small η). Assumes positive losses (a ratio of losses of mixed sign
 * means nothing); a task whose loss is exactly 0 gets a 0 row.
 *
 * It costs T forward passes (one per stepped task) plus one for L(θ) unless the caller passes the batch's
 * losses, and stays on the device. `AffinityAverage` keeps the running mean over sampled steps, the
 * quantity the paper groups tasks by.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState as MethodState } from '../stateful/device-state';
import type { Box } from '../stateful/state';

/** Task losses [R, T] at shared parameters [R, 1, P], on the batch being measured. */
export type LossesAt = (shared: tf.Tensor3D) => tf.Tensor2D;

/**
 * Z [R, T, T] for θ [R, P] and the task gradients G [R, T, P] of this batch, with step size `lr`.
 * `losses` evaluates the same batch with the task-specific parameters held fixed; `baseLosses` [R, T]:
 * the losses L(θ) on that batch when the caller already has them.
 */
export function lookaheadAffinity(
  losses: LossesAt,
  theta: tf.Tensor2D,
  grads: tf.Tensor3D,
  lr: number,
  baseLosses?: tf.Tensor2D,
): tf.Tensor3D {
  return tf.tidy(() => {
    const [R, T, P] = grads.shape;
    const here = theta.reshape<tf.Tensor3D>([R, 1, P]);
    const base = baseLosses ?? losses(here);
    const columns = Array.from({ length: T }, (_, j) => {
      const stepped = tf.sub<tf.Tensor3D>(here, tf.mul(lr, grads.slice([0, j, 0], [R, 1, P])));
      const after = losses(stepped);
      // (L − L') / L, which is 1 − L'/L, and 0 where L = 0.
      return tf.divNoNan(tf.sub(base, after), base);
    });
    return tf.stack(columns, 2) as tf.Tensor3D; // [R, T (measured i), T (stepped j)]
  });
}

/**
 * The running mean of Z over a sampled schedule (every `every` steps; 0 = never), with the last sample.
 * Its state lives in a MethodState so a paused run saves and resumes it like a method's.
 */
export class AffinityAverage {
  readonly state = new MethodState();
  private readonly sum: tf.Variable;
  private readonly latest: tf.Variable;
  private readonly samples: Box<number>;

  constructor(
    replicas: number,
    tasks: number,
    readonly every: number,
  ) {
    this.sum = this.state.variable('sum', [replicas, tasks, tasks], 0);
    this.latest = this.state.variable('last', [replicas, tasks, tasks], 0);
    this.samples = this.state.box('samples', 0);
  }

  /** Whether the 0-based training step `step` is one to measure. */
  due(step: number): boolean {
    return this.every > 0 && step % this.every === 0;
  }

  /** Add one sample Z [R, T, T] (not disposed). */
  add(z: tf.Tensor3D): void {
    tf.tidy(() => {
      this.sum.assign(tf.add(this.sum, z));
      this.latest.assign(z);
    });
    this.samples.value++;
  }

  /** Samples added so far. */
  get count(): number {
    return this.samples.value;
  }

  /** [R, T, T] the mean of the samples so far (zeros before the first); the caller disposes it. */
  mean(): tf.Tensor3D {
    return tf.tidy(() => tf.div<tf.Tensor3D>(this.sum, Math.max(this.samples.value, 1)));
  }

  /** [R, T, T] the last sample (zeros before the first); the caller disposes it. */
  last(): tf.Tensor3D {
    return tf.clone(this.latest) as tf.Tensor3D;
  }

  dispose(): void {
    this.state.dispose();
  }
}
