/**
 * Scale-invariant loss (SI). Navon, Shamsian, Achituve, Maron, Kawaguchi, Chechik & Fetaya, "Multi-Task
 * Learning as a Bargaining Game", ICML 2022, arXiv:2202.01017, where it is the "SI" baseline of the
 * experiments; the authors' AvivNavon/nash-mtl methods/weight_methods.py, ScaleInvariantLinearScalarization
 * (`torch.sum(torch.log(losses) * task_weights)` with task weights 1; code name `scaleinvls`).
 *
 * Minimises Σ_t log L_t. Its gradient is Σ_t g_t / L_t, so the task weights are w_t = 1 / L_t. Multiplying
 * a task's loss by c > 0 multiplies its gradient by c and its weight by 1/c: the update does not depend on
 * the units of any loss (the registry's lossScaleInvariant property test checks it). The same weights as
 * STCH's warm-up and as DB-MTL with β = 0 before DB-MTL's gradient-magnitude balance; GLS minimises the
 * geometric mean exp(Σ_t log L_t / T) instead, whose weights G/(T L_t) share SI's direction but not its length.
 * Scale: 'sum' (losses of 1 give weights 1: equal weighting).
 *
 * Needs positive losses: log L_t is undefined for L_t ≤ 0 (the authors' torch.log gives NaN there, −∞ at 0).
 * A task whose loss is ≤ 0 gets a NaN weight on purpose, without a readback: the replica's direction turns
 * NaN and the trainer stops the run with an error naming the method ("produced a non-finite update"), as for
 * GLS, instead of training on a meaningless objective (the CAGrad toy's losses can be negative).
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { siCard } from './si.card';

export const si = implementMethod(siCard, {
  create: () => ({
    aggregate: ({ grads, losses }) =>
      tf.tidy(() => {
        // 1/L where L > 0; NaN elsewhere (0 too: an infinite weight would only hide where it came from).
        const weights = tf.where<tf.Tensor2D>(
          tf.greater(losses, 0),
          tf.div(1, losses),
          tf.fill(losses.shape, NaN),
        );
        return { direction: weightedSum(weights, grads), weights };
      }),
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
