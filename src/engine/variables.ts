import * as tf from '@tensorflow/tfjs-core';

/**
 * A variable from an initial value, without keeping that value alive: `tf.variable(tf.zeros(...))` leaves
 * the zeros tensor allocated next to the variable; inside tidy the initial tensor is disposed while the
 * variable (never tracked by tidy) survives.
 */
export function variableFrom<R extends tf.Rank>(make: () => tf.Tensor<R>, trainable = false): tf.Variable<R> {
  return tf.tidy(() => tf.variable(make(), trainable));
}
