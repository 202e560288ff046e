/**
 * First-order MAML (Finn, Abbeel & Levine, ICML 2017, §5.2): MAML's meta-gradient without its second
 * derivatives, (1/B) Σ_b ∇φ L_query,b(φ_b) with φ_b the adapted copy, applied to θ as if dφ/dθ were the
 * identity. The adaptation runs outside any gradient tape, so φ_b is a constant.
 */
import * as tf from '@tensorflow/tfjs-core';
import { adaptCopies, batchSize, queryLoss, type MetaLearner } from './learner';
import { stackCopies } from './net';

export const fomaml: MetaLearner = {
  outerGradient(net, theta, batch, inner) {
    const phi = adaptCopies(net, stackCopies(theta, batchSize(batch)), batch, inner);
    const { value, grads } = tf.valueAndGrads((...q: tf.Tensor[]) => queryLoss(net, q, batch))(phi);
    // The loss is a mean over copies, so summing the per-copy gradients gives (1/B) Σ_b ∇ L_b(φ_b).
    return { grads: grads.map((g) => tf.sum(g, 0)), loss: value };
  },
};
