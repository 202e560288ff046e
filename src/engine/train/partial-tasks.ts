/**
 * Steps that leave tasks out (round-robin, proportional, bandit ... sampling): the method still receives
 * T rows. A left-out task's loss is its last known loss; its gradient row is zero (`skip`, loss weightings:
 * it contributes nothing) or its last gradient (`reuse`, methods whose geometry breaks on a zero row:
 * MGDA's min-norm point would be 0, Nash-MTL's system singular). See MethodDefinition.partialTasks.
 * The running train-loss telemetry counts each task over the steps it took part in.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PartialTaskPolicy } from '../methods/card';
import { DeviceState } from '../stateful/device-state';
import type { Box } from '../stateful/state';

export class PartialTasks {
  /** What a checkpoint saves of it (train/checkpoint.ts). */
  readonly state = new DeviceState();
  private readonly lastLoss: tf.Variable;
  private readonly lastGrad: tf.Variable;
  private readonly countBox: Box<number[]>;

  constructor(
    replicas: number,
    private readonly numTasks: number,
    numShared: number,
  ) {
    this.lastLoss = this.state.variable('lastLoss', [replicas, numTasks], 0);
    this.lastGrad = this.state.variable('lastGrad', [replicas, numTasks, numShared], 0);
    this.countBox = this.state.box('counts', new Array<number>(numTasks).fill(0));
  }

  /** Steps each task took part in since the last report. */
  get counts(): number[] {
    return this.countBox.value;
  }

  /**
   * The losses and gradients the method sees this step, given which tasks took part (`active` undefined:
   * all), and for telemetry (cosines, norms, affinity) the gradients with every left-out row replaced by
   * its last known value whatever the policy: a zero row would read as "no conflict". Returns the inputs
   * themselves when every task took part.
   */
  fill(
    losses: tf.Tensor2D,
    grads: tf.Tensor3D,
    active: readonly boolean[] | undefined,
    policy: PartialTaskPolicy,
  ): { losses: tf.Tensor2D; grads: tf.Tensor3D; telemetry: tf.Tensor3D; mask: tf.Tensor1D | null } {
    this.counts.forEach((c, t) => (this.counts[t] = c + (!active || active[t] ? 1 : 0)));
    if (!active || active.every(Boolean)) {
      this.remember(losses, grads);
      return { losses, grads, telemetry: grads, mask: null };
    }
    return tf.tidy(() => {
      const mask = tf.tensor1d(active.map((a) => (a ? 1 : 0)));
      const on = mask.reshape([1, this.numTasks]);
      const filledLosses = tf.add<tf.Tensor2D>(tf.mul(losses, on), tf.mul(this.lastLoss, tf.sub(1, on)));
      const onRows = mask.reshape([1, this.numTasks, 1]);
      const current = tf.mul<tf.Tensor3D>(grads, onRows);
      const telemetry = tf.add<tf.Tensor3D>(current, tf.mul(this.lastGrad, tf.sub(1, onRows)));
      this.remember(filledLosses, telemetry);
      return {
        losses: filledLosses,
        grads: policy === 'reuse' ? telemetry : current,
        telemetry,
        mask: tf.keep(mask),
      };
    });
  }

  /** The per-report counts (at least 1, so a task never trained reads 0, not 0/0), then reset. */
  takeCounts(): number[] {
    const out = this.counts.map((c) => Math.max(c, 1));
    this.counts.fill(0);
    return out;
  }

  private remember(losses: tf.Tensor2D, grads: tf.Tensor3D): void {
    tf.tidy(() => {
      this.lastLoss.assign(losses);
      this.lastGrad.assign(grads);
    });
  }

  dispose(): void {
    this.state.dispose();
  }
}
