/**
 * Steps that leave tasks out (round-robin, proportional, bandit ... sampling): the method still receives
 * T rows. A left-out task's loss is its last known loss; its gradient row is zero (`skip`, loss weightings:
 * it contributes nothing) or its last gradient (`reuse`, methods whose geometry breaks on a zero row:
 * MGDA's min-norm point would be 0, Nash-MTL's system singular). See MethodDefinition.partialTasks.
 * The running train-loss telemetry counts each task over the steps it took part in.
 */
import * as tf from '@tensorflow/tfjs';
import type { PartialTaskPolicy } from '../methods/types';
import { variableFrom } from '../variables';

export class PartialTasks {
  private readonly lastLoss: tf.Variable;
  private lastGrad: tf.Variable | null = null;
  /** Steps each task took part in since the last report. */
  readonly counts: number[];

  constructor(
    private readonly replicas: number,
    private readonly numTasks: number,
    private readonly numShared: number,
  ) {
    this.lastLoss = variableFrom(() => tf.zeros([replicas, numTasks]));
    this.counts = Array.from({ length: numTasks }, () => 0);
  }

  /**
   * The losses and gradients the method sees this step, given which tasks took part (`active` undefined:
   * all). Returns new tensors when some task was left out, else the inputs themselves.
   */
  fill(
    losses: tf.Tensor2D,
    grads: tf.Tensor3D,
    active: readonly boolean[] | undefined,
    policy: PartialTaskPolicy,
  ): { losses: tf.Tensor2D; grads: tf.Tensor3D; mask: tf.Tensor1D | null } {
    this.counts.forEach((c, t) => (this.counts[t] = c + (!active || active[t] ? 1 : 0)));
    if (!active || active.every(Boolean)) {
      this.remember(losses, grads, policy);
      return { losses, grads, mask: null };
    }
    return tf.tidy(() => {
      const mask = tf.tensor1d(active.map((a) => (a ? 1 : 0)));
      const on = mask.reshape([1, this.numTasks]);
      const filledLosses = tf.add(tf.mul(losses, on), tf.mul(this.lastLoss, tf.sub(1, on))) as tf.Tensor2D;
      const onRows = mask.reshape([1, this.numTasks, 1]);
      const filledGrads = (
        policy === 'reuse' && this.lastGrad
          ? tf.add(tf.mul(grads, onRows), tf.mul(this.lastGrad, tf.sub(1, onRows)))
          : tf.mul(grads, onRows)
      ) as tf.Tensor3D;
      this.remember(filledLosses, filledGrads, policy);
      return { losses: filledLosses, grads: filledGrads, mask: tf.keep(mask) };
    });
  }

  /** The per-report counts (at least 1, so a task never trained reads 0, not 0/0), then reset. */
  takeCounts(): number[] {
    const out = this.counts.map((c) => Math.max(c, 1));
    this.counts.fill(0);
    return out;
  }

  private remember(losses: tf.Tensor2D, grads: tf.Tensor3D, policy: PartialTaskPolicy): void {
    tf.tidy(() => {
      this.lastLoss.assign(losses);
      if (policy === 'reuse') this.ensureGrad().assign(grads);
    });
  }

  private ensureGrad(): tf.Variable {
    this.lastGrad ??= variableFrom(() => tf.zeros([this.replicas, this.numTasks, this.numShared]));
    return this.lastGrad;
  }

  dispose(): void {
    this.lastLoss.dispose();
    this.lastGrad?.dispose();
  }
}
