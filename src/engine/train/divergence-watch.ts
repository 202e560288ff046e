/**
 * Divergence detection without a readback per step: on the device, the first step at which each task's loss
 * or gradient (and the method's update) stopped being finite; read back once per `step(n)` call or report,
 * it stops the run with an error naming the step and the task, or the method when only its update broke.
 * Finite values that exploded are the report's to find (training-health.ts), latched here too.
 * A step's bookkeeping is one fused dispatch (kernels/divergence-kernel.ts) where the composition of tfjs
 * ops took nineteen.
 */
import * as tf from '@tensorflow/tfjs-core';
import { divergenceStep } from '../kernels/divergence-kernel';
import { variableFrom } from '../variables';
import { TrainingDivergedError } from './errors';

/** Whether every entry of `t` is finite, on the device (true for an empty `t`, where tfjs's `all` is not). */
export function allFinite(t: tf.Tensor): tf.Scalar {
  return t.size ? tf.all(tf.isFinite(t)) : tf.scalar(true, 'bool');
}

export class DivergenceWatch {
  /**
   * [T + 2]: the first bad step of each task, then of the method (−1 while finite), then the count of
   * recorded steps, packed so one dispatch updates them all. Read back with a report; `throwIf` reads the
   * first T + 1 entries.
   */
  readonly badStep: tf.Variable<tf.Rank.R1>;
  /** Set once the run diverged: every later call throws it again. */
  diverged: TrainingDivergedError | null = null;

  constructor(private readonly taskNames: readonly string[]) {
    const flags = new Array<number>(taskNames.length + 1).fill(-1);
    this.badStep = variableFrom(() => tf.tensor1d([...flags, 0]));
  }

  /** Record this step (call inside the step's tidy). With nothing shared, only the weights count. */
  record(losses: tf.Tensor2D, grads: tf.Tensor3D, direction: tf.Tensor2D, weights: tf.Tensor2D): void {
    this.badStep.assign(divergenceStep(this.badStep, losses, grads, direction, weights));
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
  throwIf(readback: number[], methodId: string): void {
    if (this.diverged) throw this.diverged;
    const flags = readback.slice(0, this.taskNames.length + 1);
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
    this.badStep.dispose();
  }
}
