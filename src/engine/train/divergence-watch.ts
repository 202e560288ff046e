/**
 * Divergence detection without a readback per step: on the device, the first step at which each task's loss
 * or gradient (and the method's update) stopped being finite; read back once per `step(n)` call or report,
 * it stops the run with an error naming the step and the task, or the method when only its update broke.
 * Finite values that exploded are the report's to find (training-health.ts), latched here too.
 */
import * as tf from '@tensorflow/tfjs-core';
import { variableFrom } from '../variables';
import { TrainingDivergedError } from './errors';

/** Whether every entry of `t` is finite, on the device (true for an empty `t`, where tfjs's `all` is not). */
export function allFinite(t: tf.Tensor): tf.Scalar {
  return t.size ? tf.all(tf.isFinite(t)) : tf.scalar(true, 'bool');
}

export class DivergenceWatch {
  /** [T + 1]: first bad step per task, then the method's; −1 while finite. Read back with a report. */
  readonly badStep: tf.Variable;
  private readonly stepCounter: tf.Variable;
  /** Set once the run diverged: every later call throws it again. */
  diverged: TrainingDivergedError | null = null;

  constructor(private readonly taskNames: readonly string[]) {
    this.badStep = variableFrom(() => tf.fill([taskNames.length + 1], -1));
    this.stepCounter = variableFrom(() => tf.scalar(0));
  }

  /** Record this step (call inside the step's tidy). With nothing shared, only the weights count. */
  record(losses: tf.Tensor2D, grads: tf.Tensor3D, direction: tf.Tensor2D, weights: tf.Tensor2D): void {
    const tasksFinite = tf.all(tf.logicalAnd(tf.isFinite(losses), tf.isFinite(tf.sum(grads, 2))), 0);
    const methodFinite = tf.logicalAnd(allFinite(direction), tf.all(tf.isFinite(weights)));
    const finite = tf.concat([tasksFinite, methodFinite.reshape([1])]);
    const firstBad = tf.cast(tf.logicalAnd(tf.logicalNot(finite), tf.less(this.badStep, 0)), 'float32');
    this.badStep.assign(tf.add(this.badStep, tf.mul(firstBad, tf.sub(this.stepCounter, this.badStep))));
    this.stepCounter.assign(tf.add(this.stepCounter, 1));
  }

  /**
   * Run a check of a report's values that may find a divergence the flags cannot show (an explosion:
   * training-health.ts); what it throws stops the run like a non-finite value: every later call throws it.
   */
  latch<T>(check: () => T): T {
    try {
      return check();
    } catch (error) {
      if (error instanceof TrainingDivergedError) this.diverged = error;
      throw error;
    }
  }

  /** Read the flags back and throw if anything diverged. */
  async check(methodId: string): Promise<void> {
    this.throwIf(Array.from(await this.badStep.data()), methodId);
  }

  /** Throw the divergence the flags (a readback of `badStep`) show, if any. */
  throwIf(flags: number[], methodId: string): void {
    if (this.diverged) throw this.diverged;
    const bad = flags.filter((s) => s >= 0);
    if (!bad.length) return;
    // The earliest bad step; at a tie a task's loss is the cause, not the method fed by it.
    const first = Math.min(...bad);
    const index = flags.indexOf(first);
    const T = this.taskNames.length;
    this.diverged =
      index < T
        ? new TrainingDivergedError(first, this.taskNames[index] ?? `task ${index}`)
        : new TrainingDivergedError(first, null, methodId);
    throw this.diverged;
  }

  dispose(): void {
    tf.dispose([this.badStep, this.stepCounter]);
  }
}
