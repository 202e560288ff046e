/**
 * SGD with heavy-ball momentum in PyTorch's form (no dampening): b ← μ b + g;  θ ← θ - lr · b.
 * With μ = 0 it is plain gradient descent and keeps no buffers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { variableFrom } from '../variables';
import { LearningRate } from './learning-rate';
import type { sgdCard } from '../config/optimizers';
import type { ParamValues } from '../params/spec';
import type { Optimizer } from './types';

export function createSgd(
  variables: readonly tf.Variable[],
  lr: number,
  opts: ParamValues<typeof sgdCard.params>,
): Optimizer {
  const rate = new LearningRate(lr);
  const momentum = opts.momentum > 0 ? tf.scalar(opts.momentum) : null;
  const buffers = momentum ? variables.map((v) => variableFrom(() => tf.zerosLike(v))) : [];

  return {
    apply(grads) {
      if (grads.length !== variables.length)
        throw new Error(`SGD: ${grads.length} gradients for ${variables.length} variables`);
      tf.tidy(() => {
        variables.forEach((variable, i) => {
          let step = grads[i] as tf.Tensor;
          const buffer = buffers[i];
          if (momentum && buffer) {
            buffer.assign(tf.add(tf.mul(buffer, momentum), step));
            step = buffer;
          }
          variable.assign(tf.sub(variable, tf.mul(step, rate.value)));
        });
      });
    },
    setLearningRate: (value) => rate.set(value),
    dispose() {
      rate.dispose();
      momentum?.dispose();
      buffers.forEach((b) => b.dispose());
    },
  };
}
