/**
 * The simulated workers and their parameter server (issue 15 §1). Worker t computes task t's gradient of
 * the shared parameters on its own data (the trainer already does: G [R, T, P]), compresses it and sends it;
 * the server decodes every message and hands the decoded G to the config's gradient method, which combines
 * them as it would the true ones. Task heads stay on their worker (never sent).
 *
 * With error feedback (Karimireddy et al., ICML 2019, Algorithm 2; Stich et al., NeurIPS 2018) worker t
 * keeps a residual e_t: it sends c = C(g + e) and keeps e ← g + e − c, so Σ sent + e = Σ true gradients.
 *
 * Carried state (checkpointed as the part 'communication'): the residuals, the last step's telemetry and
 * the byte count; the random draws come from the run's Rng fork 'communication', saved with the Rng tree.
 * Bytes are counted in JS (they depend on P, k, s only): no readback in the step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Selection } from '../config/types';
import { ConfigError } from '../config/types';
import type { Rng } from '../random/rng';
import { DeviceState } from '../stateful/device-state';
import type { Box } from '../stateful/state';
import type { CommunicationReport } from './report-types';
import { COMPRESSORS } from './registry';
import type { Compressor } from './types';

/** The message k must fit in: a clear line naming the field when it does not. */
function checkFits(selection: Selection, numShared: number): void {
  const k = selection.params.k;
  if (typeof k === 'number' && k > numShared)
    throw new ConfigError([
      {
        path: 'communication.params.k',
        message: `k = ${k} is larger than the ${numShared} shared parameters each worker sends; expected a whole number from 1 to ${numShared}`,
        accepted: `a whole number from 1 to ${numShared}`,
      },
    ]);
}

export class CommunicationChannel {
  readonly state = new DeviceState();
  private readonly compressor: Compressor;
  private readonly residual: tf.Variable | null;
  private readonly cosine: tf.Variable;
  private readonly residualNorm: tf.Variable;
  private readonly gradientNorm: tf.Variable;
  private readonly bytesTotal: Box<number>;
  private readonly steps: Box<number>;
  private readonly shape: { replicas: number; tasks: number; numShared: number };
  private readonly errorFeedback: boolean;

  /** Throws a ConfigError (before allocating anything) when the selection does not fit the model. */
  constructor(
    private readonly selection: Selection,
    shape: { replicas: number; tasks: number; numShared: number },
    rng: Rng,
  ) {
    const create = COMPRESSORS[selection.id];
    if (!create) throw new Error(`no implementation for the compressor '${selection.id}'`);
    checkFits(selection, shape.numShared);
    this.shape = shape;
    this.compressor = create(selection.params, {
      numShared: shape.numShared,
      rng: rng.fork('communication'),
    });
    this.errorFeedback = selection.params.errorFeedback === true;
    const { replicas: R, tasks: T, numShared: P } = shape;
    this.residual = this.errorFeedback ? this.state.variable('residual', [R * T, P], 0) : null;
    this.cosine = this.state.variable('cosine', [R, T], 0);
    this.residualNorm = this.state.variable('residualNorm', [R, T], 0);
    this.gradientNorm = this.state.variable('gradientNorm', [R, T], 0);
    this.bytesTotal = this.state.box('bytesTotal', 0);
    this.steps = this.state.box('steps', 0);
  }

  /** Bytes of one step's messages, all workers of one run. */
  get bytesPerStep(): number {
    return (this.shape.tasks * this.compressor.bitsPerMessage) / 8;
  }

  get fp32BytesPerStep(): number {
    return this.shape.tasks * this.shape.numShared * 4;
  }

  /** Every worker's message through the channel: the decoded gradients [R, T, P] the server aggregates. */
  send(grads: tf.Tensor3D): tf.Tensor3D {
    const [R, T, P] = grads.shape;
    const decoded = tf.tidy(() => {
      const g = tf.reshape<tf.Rank.R2>(grads, [R * T, P]);
      const u: tf.Tensor2D = this.residual ? tf.add(g, this.residual) : g;
      const c = this.compressor.compress(u);
      if (this.residual) this.residual.assign(tf.sub(u, c));
      const dot = tf.sum(tf.mul(c, g), 1);
      const gNorm = tf.norm(g, 'euclidean', 1);
      const norms = tf.mul(tf.norm(c, 'euclidean', 1), gNorm);
      this.cosine.assign(tf.reshape(tf.divNoNan(dot, norms), [R, T]));
      this.gradientNorm.assign(tf.reshape(gNorm, [R, T]));
      if (this.residual) this.residualNorm.assign(tf.reshape(tf.norm(this.residual, 'euclidean', 1), [R, T]));
      return tf.reshape<tf.Rank.R3>(c, [R, T, P]);
    });
    this.bytesTotal.value += this.bytesPerStep;
    this.steps.value++;
    return decoded;
  }

  /** The residuals [R·T, P] (tests), or null without error feedback. */
  get residuals(): tf.Variable | null {
    return this.residual;
  }

  /** Copies of the telemetry for a report's one readback (the caller disposes them). */
  reportTensors(): { commCosine: tf.Tensor; commResidual: tf.Tensor; commGradNorm: tf.Tensor } {
    return {
      commCosine: tf.clone(this.cosine),
      commResidual: tf.clone(this.residualNorm),
      commGradNorm: tf.clone(this.gradientNorm),
    };
  }

  /** The report's part, from the values of reportTensors read back. */
  report(values: Partial<Record<string, Float32Array>>): CommunicationReport {
    const { replicas: R, tasks: T, numShared } = this.shape;
    const perTask = (v: Float32Array | undefined) =>
      Array.from({ length: T }, (_, t) => {
        if (!v) throw new Error('communication report: reportTensors() were not read back');
        let sum = 0;
        for (let r = 0; r < R; r++) sum += v[r * T + t] ?? 0;
        return sum / R;
      });
    const fp32BytesTotal = this.steps.value * this.fp32BytesPerStep;
    return {
      compressor: this.selection.id,
      errorFeedback: this.errorFeedback,
      workers: T,
      numShared,
      bytesPerStep: this.bytesPerStep,
      bytesTotal: this.bytesTotal.value,
      fp32BytesPerStep: this.fp32BytesPerStep,
      fp32BytesTotal,
      ratio: this.bytesPerStep / this.fp32BytesPerStep,
      cosine: perTask(values.commCosine),
      residualNorm: perTask(values.commResidual),
      gradientNorm: perTask(values.commGradNorm),
    };
  }

  dispose(): void {
    this.state.dispose();
  }
}

/** The channel a config asks for, or null when it has no communication section. */
export function createChannel(
  config: { communication?: Selection },
  shape: { replicas: number; tasks: number; numShared: number },
  rng: Rng,
): CommunicationChannel | null {
  return config.communication ? new CommunicationChannel(config.communication, shape, rng) : null;
}
