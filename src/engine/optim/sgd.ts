/**
 * SGD with heavy-ball momentum in PyTorch's form (no dampening): b ← μ b + g;  θ ← θ - lr · b.
 * With μ = 0 it is plain gradient descent and keeps no buffers. One fused dispatch a variable for the
 * descent, one more for the momentum buffer (kernels/sgd-kernel.ts); the learning rate is a uniform, so
 * `setLearningRate` costs nothing on the device.
 */
import * as tf from '@tensorflow/tfjs-core';
import { descend, momentumBuffer } from '../kernels/sgd-kernel';
import { DeviceState } from '../stateful/device-state';
import type { sgdCard } from '../config/optimizers';
import type { ParamValues } from '../params/spec';
import type { Optimizer } from './types';

export function createSgd(
  variables: readonly tf.Variable[],
  lr: number,
  opts: ParamValues<typeof sgdCard.params>,
): Optimizer {
  let rate = lr;
  const momentum = opts.momentum;
  const state = new DeviceState();
  const buffers =
    momentum > 0 ? variables.map((v, i) => state.variable(`momentum${i}`, [...v.shape], 0)) : [];

  return {
    apply(grads) {
      if (grads.length !== variables.length)
        throw new Error(`SGD: ${grads.length} gradients for ${variables.length} variables`);
      tf.tidy(() => {
        variables.forEach((variable, i) => {
          if (!variable.size) return;
          let step = grads[i] as tf.Tensor;
          const buffer = buffers[i];
          if (buffer) {
            buffer.assign(momentumBuffer(buffer, step, momentum));
            step = buffer;
          }
          variable.assign(descend(variable, step, rate));
        });
      });
    },
    setLearningRate: (value) => {
      rate = value;
    },
    state,
    dispose() {
      state.dispose();
    },
  };
}
