/**
 * Dynamic Task Prioritization. Guo, Haque, Huang, Yeung & Fei-Fei, "Dynamic Task Prioritization for
 * Multitask Learning", ECCV 2018, §3.2 (task-level prioritization).
 *
 * Each task's weight is the focal-loss term of its key performance indicator κ (accuracy, R², ... in
 * [0, 1]): w_t = FL(κ̄_t; γ) = −(1 − κ̄_t)^γ log κ̄_t, so a task that is doing badly (small κ̄) gets a large
 * weight and a mastered one (κ̄ → 1) fades out; the focusing parameter γ sharpens that. κ̄_t is the
 * exponential moving average κ̄ ← α κ + (1 − α) κ̄ of the batch KPIs (the paper's smoothing with α). γ
 * defaults to 2, the value focal loss (Lin et al., ICCV 2017) found best; α to 0.1 (about ten batches).
 *
 * Choices the paper leaves open: the average starts from a task's first KPI (no bias towards an arbitrary
 * initial value; 0.5 until then); KPIs are clamped to [ε, 1 − ε] so log κ stays finite; on a step that leaves
 * a task out (`active`) its average is kept, not fed the KPI of a batch it had no samples in. The weights
 * are the paper's raw focal terms (they are not normalised to sum to T), so the effective step size is
 * smaller than equal weighting's when every task does well.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { dtpCard } from './dtp.card';

/** KPIs are clamped to [ε, 1 − ε]: the largest weight is then −log ε ≈ 6.9. */
export const DTP_KPI_EPSILON = 1e-3;

export const dtp = implementMethod(dtpCard, {
  create: ({ numTasks, numReplicas, params }) => {
    const state = new DeviceState();
    const average = state.variable('kpiAverage', [numReplicas, numTasks], 0.5);
    // 1 once a task's KPI has been seen: its first KPI replaces the initial 0.5, later ones are blended.
    const seen = state.variable('seen', [1, numTasks], 0);
    return {
      aggregate: ({ grads, kpis, active }) => {
        if (!kpis) throw new Error("dtp needs the tasks' KPIs of the batch (AggregateInput.kpis)");
        return tf.tidy(() => {
          const kpi = tf.clipByValue(kpis, DTP_KPI_EPSILON, 1 - DTP_KPI_EPSILON);
          const on = active ? active.reshape([1, numTasks]) : tf.ones([1, numTasks]);
          // Blend rate: α for a task seen before, 1 for its first KPI, 0 when it was left out.
          const rate = tf.mul(on, tf.add(tf.mul(seen, params.alpha), tf.sub(1, seen)));
          average.assign(tf.add(average, tf.mul(rate, tf.sub(kpi, average))));
          seen.assign(tf.maximum(seen, on));
          const weights = tf.neg<tf.Tensor2D>(
            tf.mul(tf.pow(tf.sub(1, average), params.gamma), tf.log(average)),
          );
          return { direction: weightedSum(weights, grads), weights };
        });
      },
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
