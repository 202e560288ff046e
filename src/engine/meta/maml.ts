/**
 * MAML (Finn, Abbeel & Levine, ICML 2017, Algorithm 2): the meta-gradient
 *   ∇θ (1/B) Σ_b L_query,b(θ − α ∇θ L_shots,b(θ))   (one inner step; more steps compose the same way)
 * differentiated THROUGH the inner steps, second derivatives included: tf.grads of a function that itself
 * calls tf.grads records the inner backward pass on the outer tape.
 */
import * as tf from '@tensorflow/tfjs-core';
import { adaptCopies, batchSize, queryLoss, type MetaLearner } from './learner';
import { stackCopies } from './net';

export const maml: MetaLearner = {
  outerGradient(net, theta, batch, inner) {
    const metaLoss = (...t: tf.Tensor[]) =>
      queryLoss(net, adaptCopies(net, stackCopies(t, batchSize(batch)), batch, inner), batch);
    const { value, grads } = tf.valueAndGrads(metaLoss)([...theta]);
    return { grads, loss: value };
  },
};
