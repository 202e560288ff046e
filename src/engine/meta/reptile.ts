/**
 * Reptile (Nichol, Achiam & Schulman, "On First-Order Meta-Learning Algorithms", 2018, Algorithm 2, batched):
 * adapt each copy with k SGD steps on its sine's shots to φ_b, then θ ← θ + ε ((1/B) Σ_b φ_b − θ). The
 * direction handed to the outer optimizer is θ − mean φ, so plain SGD at learning rate ε is exactly that
 * update; the paper also feeds it to Adam (§5), which the config's optimizer allows. The query points do not
 * move θ: they only measure the meta-training loss after adaptation, as for MAML.
 */
import * as tf from '@tensorflow/tfjs-core';
import { adaptCopies, batchSize, queryLoss, type MetaLearner } from './learner';
import { stackCopies } from './net';

export const reptile: MetaLearner = {
  outerGradient(net, theta, batch, inner) {
    const phi = adaptCopies(net, stackCopies(theta, batchSize(batch)), batch, inner);
    return {
      grads: theta.map((t, i) => tf.sub(t, tf.mean(phi[i] as tf.Tensor, 0))),
      loss: queryLoss(net, phi, batch),
    };
  },
};
