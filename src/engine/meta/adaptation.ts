/**
 * The fast-adaptation evaluation of Finn et al. 2017 (§5.1, Fig. 2–3), shared by meta-learning runs and the
 * joint baseline: from the current parameters, take k = 1..n plain gradient steps (step size α) on each
 * held-out sine's K shots and measure the MSE on its whole curve after each; keep the curves of the first few
 * sines for the "Adapted fits" view. Nothing here changes the model: each sine adapts its own copy.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SineTask } from '../tasks/sine-family';
import type { MetaFitCurve, MetaReport } from './report-types';

/** One model's outputs [1, N, 1] for inputs [1, N, 1] with the given parameters (differentiable in them). */
export type ModelForward = (params: readonly tf.Tensor[], x: tf.Tensor3D) => tf.Tensor3D;

export interface AdaptationOptions {
  /** Step size α of the adaptation steps. */
  lr: number;
  /** The largest k evaluated. */
  steps: number;
  /** How many held-out sines to keep curves of (the view draws 1–3). */
  curves: number;
}

const column = (values: Float32Array): tf.Tensor3D => tf.tensor3d(values, [1, values.length, 1]);
const mse = (pred: tf.Tensor, y: tf.Tensor): tf.Scalar => tf.mean(tf.square(tf.sub(pred, y)));

/** The steps whose fits the view draws: before adapting, after one step, after the last. */
export const fitSteps = (steps: number): number[] => [...new Set([0, 1, steps])];

/** Parameters after `steps` gradient steps on the K shots (k = 0: the parameters themselves, unchanged). */
export function adaptedParams(
  forward: ModelForward,
  init: readonly tf.Tensor[],
  task: SineTask,
  lr: number,
  steps: number,
): tf.Tensor[] {
  return tf.tidy(() => {
    const x = column(task.shotsX);
    const y = column(task.shotsY);
    const loss = (...q: tf.Tensor[]) => mse(forward(q, x), y);
    let params: tf.Tensor[] = [...init];
    for (let k = 0; k < steps; k++) {
      const grads = tf.grads(loss)(params);
      params = params.map((p, i) => tf.sub(p, tf.mul(lr, grads[i] as tf.Tensor)));
    }
    // A step count of 0 returns copies, so the caller may dispose what it gets.
    return params.map((p) => p.clone());
  });
}

/** The whole evaluation in one readback: losses after 0..n steps (mean over sines) and the drawn fits. */
export async function evaluateAdaptation(
  forward: ModelForward,
  init: readonly tf.Tensor[],
  sines: readonly SineTask[],
  options: AdaptationOptions,
): Promise<Omit<MetaReport, 'learner' | 'metaTrainLoss'>> {
  const drawn = fitSteps(options.steps);
  const curves = Math.min(options.curves, sines.length);
  const { losses, fits } = tf.tidy(() => {
    const lossRows: tf.Tensor[] = [];
    const fitRows: tf.Tensor[] = [];
    sines.forEach((task, s) => {
      const x = column(task.shotsX);
      const y = column(task.shotsY);
      const xq = column(task.queryX);
      const yq = column(task.queryY);
      const loss = (...q: tf.Tensor[]) => mse(forward(q, x), y);
      let params: tf.Tensor[] = [...init];
      const row: tf.Tensor[] = [];
      for (let k = 0; k <= options.steps; k++) {
        const out = forward(params, xq);
        row.push(mse(out, yq));
        if (s < curves && drawn.includes(k)) fitRows.push(out.reshape([-1]));
        if (k === options.steps) break;
        const grads = tf.grads(loss)(params);
        params = params.map((p, i) => tf.sub(p, tf.mul(options.lr, grads[i] as tf.Tensor)));
      }
      lossRows.push(tf.stack(row));
    });
    return { losses: tf.stack(lossRows), fits: fitRows.length ? tf.stack(fitRows) : tf.zeros([0]) };
  });
  try {
    const [lossValues, fitValues] = await Promise.all([losses.data(), fits.data()]);
    const K = options.steps + 1;
    const lossAfterSteps = Array.from({ length: K }, (_, k) => {
      let sum = 0;
      for (let s = 0; s < sines.length; s++) sum += lossValues[s * K + k] as number;
      return sum / sines.length;
    });
    const out: MetaFitCurve[] = sines.slice(0, curves).map((task, s) => {
      const n = task.queryX.length;
      return {
        amplitude: task.amplitude,
        phase: task.phase,
        x: Array.from(task.queryX),
        truth: Array.from(task.queryY),
        shotsX: Array.from(task.shotsX),
        shotsY: Array.from(task.shotsY),
        fits: drawn.map((steps, j) => {
          const at = (s * drawn.length + j) * n;
          return { steps, y: Array.from(fitValues.subarray(at, at + n)) };
        }),
      };
    });
    return {
      lossAfterSteps,
      shots: sines[0]?.shotsX.length ?? 0,
      adaptLr: options.lr,
      heldOut: sines.length,
      fits: out,
    };
  } finally {
    tf.dispose([losses, fits]);
  }
}
