/**
 * IMTL (Impartial Multi-Task Learning). Liu, Li, Kuang, Xue, Chen, Yang, Liao & Zhang, "Towards Impartial
 * Multi-task Learning", ICLR 2021 (openreview.net/forum?id=IMPnRXEWpvr); as LibMTL/weighting/IMTL.py.
 *
 * - IMTL-L (loss balance): one learnable scale s_t per task (initialised to 0 as in LibMTL); each task's
 *   loss becomes e^{s_t} L_t − s_t, so its gradient is e^{s_t} g_t and ∂/∂s_t = e^{s_t} L_t − 1 (closed
 *   form, out through trainableGrads). At the optimum e^{s_t} L_t = 1: every scaled loss stays near 1.
 * - IMTL-G (gradient balance): weights α (Σα = 1) such that d = Σ α_t g̃_t has equal projections onto all
 *   unit task gradients (solvers/imtl-g.ts), from the T x T Gram matrix read back with `await data()`.
 *   LibMTL solves it on the representation gradients when rep_grad=True; here on the shared parameters.
 * Modes: 'hybrid' (LibMTL's IMTL: IMTL-G on the scaled gradients g̃_t = e^{s_t} g_t, so the weights on the
 * raw gradients are α_t e^{s_t}), 'loss' (IMTL-L alone: weights e^{s_t}) and 'gradient' (IMTL-G alone on
 * the raw gradients, no learnable scales).
 * Scale: 'convex' (α sums to 1; the 'loss' mode alone has weights around 1, like 'sum').
 * The trainer scales each task head's gradient by the same weight; in LibMTL the heads get e^{s_t} ∇L_t
 * (IMTL-G only touches the shared parameters), so here the heads learn α_t times as fast.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { gram, rowsOf, squareMatrices, weightedSum, weightsFromRows } from './common';
import { imtlCard } from './imtl.card';
import { imtlGradientWeights } from './solvers/imtl-g';

/** Gram matrices [R][T][T] and (when given) the log-scales [R][T], in one readback. */
async function readGram(
  grads: tf.Tensor3D,
  logScale: tf.Variable | undefined,
): Promise<{ gram: number[][][]; logScale: number[][] }> {
  const [R, T] = grads.shape;
  const parts = (): tf.Tensor[] => [gram(grads).reshape([-1]), ...(logScale ? [logScale.reshape([-1])] : [])];
  const flat = tf.tidy(() => tf.concat(parts()));
  try {
    const values = await flat.data();
    return {
      gram: squareMatrices(values, R, T),
      logScale: logScale ? rowsOf(values.subarray(R * T * T), R, T) : rowsOf([], R, T),
    };
  } finally {
    flat.dispose();
  }
}

export const imtl = implementMethod(imtlCard, {
  create: ({ numTasks: T, numReplicas: R, params }) => {
    const state = new DeviceState();
    const logScale =
      params.mode === 'gradient' ? undefined : state.variable('logScale', [R, T], 0, /* trainable */ true);
    // ∂(e^s L − s)/∂s = e^s L − 1.
    const scaleGrads = (losses: tf.Tensor2D): tf.Tensor[] =>
      logScale ? [tf.sub(tf.mul(tf.exp(logScale), losses), 1)] : [];
    return {
      aggregate: async ({ grads, losses }) => {
        if (params.mode === 'loss' && logScale) {
          return tf.tidy(() => {
            const weights = tf.exp(logScale) as tf.Tensor2D;
            return { direction: weightedSum(weights, grads), weights, trainableGrads: scaleGrads(losses) };
          });
        }
        const read = await readGram(grads, logScale);
        const rows = read.gram.map((A, r) => {
          const scale = (read.logScale[r] ?? []).map(Math.exp);
          const scaled = logScale
            ? A.map((row, i) => row.map((a, j) => a * (scale[i] ?? 1) * (scale[j] ?? 1)))
            : A;
          const alpha = imtlGradientWeights(scaled);
          return logScale ? alpha.map((a, t) => a * (scale[t] ?? 1)) : alpha;
        });
        return tf.tidy(() => {
          const weights = weightsFromRows(rows, T);
          return { direction: weightedSum(weights, grads), weights, trainableGrads: scaleGrads(losses) };
        });
      },
      trainables: logScale ? [logScale] : [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
