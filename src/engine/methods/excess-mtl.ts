/**
 * ExcessMTL. He, Zhou, Zhang, Yun, Xu, Zeng, Chilimbi & Zhao, "Robust Multi-Task Learning with
 * Excess Risks", ICML 2024, arXiv:2402.02009; LibMTL/weighting/ExcessMTL.py (taken from the authors'
 * yifei-he/ExcessMTL, identical but for a print).
 *
 * Weighs tasks by their estimated excess risk (how far each is from its own optimum), not by their loss,
 * so that a task with high irreducible noise does not soak up the weight. With a diagonal second-order
 * approximation H_t ≈ diag(√(Σ_steps g_t² + 1e-7)) (AdaGrad's accumulated squared gradients), the excess
 * risk of task t is about  e_t = g_tᵀ H_t⁻¹ g_t = Σ_k g_tk² / √(Σ_steps g_tk² + 1e-7).
 * The first call records e(0) and keeps the weights at 1 (LibMTL's flag is called first_epoch but is
 * cleared after the first step, so no epoch-to-step translation is needed); afterwards each step takes
 * an exponentiated-gradient step on the relative excess risks and renormalises:
 *   λ_t ← λ_t · exp(η · e_t / e_t(0)),   λ ← T · λ / Σ λ.
 * LibMTL accumulates representation gradients when rep_grad=True; we use the shared-parameter gradients.
 * A task whose first gradient was zero gets a relative excess risk of 0 (LibMTL: a division by zero).
 * Scale: 'sum' (Σλ = T, starting from equal weights 1).
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { excessMtlCard } from './excess-mtl.card';

export const excessMtl = implementMethod(excessMtlCard, {
  create: ({ numTasks: T, numReplicas: R, numShared: P, params }) => {
    const state = new DeviceState();
    const squaredSum = state.variable('squaredSum', [R, T, P], 0);
    const initialRisk = state.variable('initialRisk', [R, T], 1);
    const lossWeight = state.variable('lossWeight', [R, T], 1);
    const seenFirst = state.box('seenFirst', 0); // 0/1: initialRisk recorded
    return {
      aggregate: ({ grads }) =>
        tf.tidy(() => {
          const squared = tf.square(grads);
          const sum = tf.add(squaredSum, squared);
          squaredSum.assign(sum);
          const risk = tf.sum(tf.div(squared, tf.sqrt(tf.add(sum, 1e-7))), 2); // g_tᵀ H_t⁻¹ g_t
          if (!seenFirst.value) {
            initialRisk.assign(risk);
            seenFirst.value = 1;
          } else {
            const grown = tf.mul(
              lossWeight,
              tf.exp(tf.mul(params.robustStepSize, tf.divNoNan(risk, initialRisk))),
            );
            lossWeight.assign(tf.mul(T, tf.div(grown, tf.sum(grown, 1, true))));
          }
          const weights = lossWeight.clone() as tf.Tensor2D;
          return { direction: weightedSum(weights, grads), weights };
        }),
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
