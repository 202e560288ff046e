/**
 * FAMO (Fast Adaptive Multitask Optimization). Liu, Feng, Stone & Liu, "FAMO: Fast Adaptive Multitask
 * Optimization", NeurIPS 2023, arXiv:2306.03792; the authors' Cranial-XIX/FAMO famo.py and
 * LibMTL/weighting/FAMO.py (the two agree; min_losses = 0 in both unless set).
 *
 * Learnable logits ξ (a trainable per task and replica, initialised to 0), z = softmax(ξ), D_t = L_t + ε:
 * - θ descends Σ_t z_t log D_t / c with c = Σ_t z_t / D_t held constant, i.e. the task weights are
 *   w_t = (z_t / D_t) / Σ_j (z_j / D_j) (Σw = 1: scale 'convex'). The update decreases every log-loss
 *   at the rate the logits ask for, at the cost of one forward pass, not T backward passes.
 * - ξ learns from how much each log-loss actually fell: δ_t = log D_t(before) − log D_t(after), and
 *   ∂/∂ξ = Jᵀδ + γ ξ with J the softmax Jacobian (Jᵀδ = z ⊙ (δ − z·δ)); γ is the weight decay that both
 *   references give their Adam on ξ (the paper's Algorithm 1 writes the same γξ term).
 * The loss AFTER a step: both references evaluate the updated model again on the same batch right after
 * the step. We have no extra forward pass, so δ compares the previous call's losses (kept in the state)
 * with this call's, which come from the next batch; the first call has no δ (gradient γξ only). The
 * trainer applies ξ's gradient after this call, so the weights lag the references' by one logit update.
 * ξ is trained by the run's optimizer and learning rate (the references: Adam with lr 0.025 on ξ alone),
 * and we do not clip θ's gradient norm (the authors' code clips it to 1; LibMTL does not).
 * Needs positive losses (log D): a loss ≤ −ε gives NaN weights, which stops the run naming the method.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { famoCard } from './famo.card';

export const famo = implementMethod(famoCard, {
  create: ({ numTasks: T, numReplicas: R, params }) => {
    const state = new DeviceState();
    const logits = state.variable('logits', [R, T], 0, /* trainable */ true);
    const previousLosses = state.variable('previousLosses', [R, T], 1);
    const hasPrevious = state.box('hasPrevious', 0); // 0/1: previousLosses holds a real step
    return {
      aggregate: ({ grads, losses }) =>
        tf.tidy(() => {
          const z = tf.softmax(logits); // over the tasks, per replica
          const shifted = tf.add(losses, params.epsilon);
          const positive = tf.greater(shifted, 0);
          const ratio = tf.where(positive, tf.div(z, shifted), tf.fill([R, T], NaN));
          const weights = tf.div<tf.Tensor2D>(ratio, tf.sum(ratio, 1, true));
          // δ = log D(before) − log D(after): how much each log-loss fell since the previous call.
          const delta = hasPrevious.value
            ? tf.sub(tf.log(tf.add(previousLosses, params.epsilon)), tf.log(shifted))
            : tf.zeros([R, T]);
          const jvp = tf.mul(z, tf.sub(delta, tf.sum(tf.mul(z, delta), 1, true)));
          const logitsGrad = tf.add(jvp, tf.mul(params.gamma, logits));
          previousLosses.assign(losses);
          hasPrevious.value = 1;
          return { direction: weightedSum(weights, grads), weights, trainableGrads: [logitsGrad] };
        }),
      trainables: [logits],
      state,
      dispose: () => state.dispose(),
    };
  },
});
