/**
 * Adam (Kingma & Ba, ICLR 2015, arXiv:1412.6980) in PyTorch's form:
 * m ← β1 m + (1-β1) g;  v ← β2 v + (1-β2) g²;  θ ← θ - lr · (m / (1-β1^t)) / (sqrt(v / (1-β2^t)) + ε).
 *
 * Two fused dispatches a variable (kernels/adam-kernel.ts): the moments, packed [2, N] in one state
 * variable, then the parameter. The powers β^t live here in JavaScript, so both bias corrections reach the
 * device as uniforms: nothing is uploaded per step, and the learning rate is a plain number that
 * `setLearningRate` changes from the next step on.
 */
import * as tf from '@tensorflow/tfjs-core';
import { adamMoments, adamParam } from '../kernels/adam-kernel';
import { f32 } from '../kernels/fused-kernel';
import { DeviceState } from '../stateful/device-state';
import type { adamCard } from '../config/optimizers';
import type { ParamValues } from '../params/spec';
import type { Optimizer } from './types';

/**
 * lr_t = lr · sqrt(1-β2^t) / (1-β1^t) and ε_t = ε · sqrt(1-β2^t) fold both bias corrections into one
 * scale: θ - lr_t · m / (sqrt(v) + ε_t) is exactly PyTorch's formula above. Everything is rounded to
 * float32 as the device computed it before the fusion (β^t a running float32 product, not Math.pow), so a
 * run's numbers did not change with it (kernels/fused-kernel.ts, f32).
 */
export function adamStepScale(
  lr: number,
  powers: { beta1: number; beta2: number },
  eps: number,
): { stepSize: number; epsHat: number } {
  const sqrtBias2 = f32(Math.sqrt(f32(1 - powers.beta2)));
  return {
    stepSize: f32(f32(f32(lr) * sqrtBias2) / f32(1 - powers.beta1)),
    epsHat: f32(f32(eps) * sqrtBias2),
  };
}

export function createAdam(
  variables: readonly tf.Variable[],
  lr: number,
  opts: ParamValues<typeof adamCard.params>,
): Optimizer {
  let rate = lr;
  const state = new DeviceState();
  /** β1^t and β2^t after t steps. */
  const powers = state.box('powers', [1, 1]);
  const moments = variables.map((v, i) => state.variable(`moments${i}`, [2, v.size], 0));
  const betas = { beta1: opts.beta1, beta2: opts.beta2 };

  return {
    apply(grads) {
      if (grads.length !== variables.length)
        throw new Error(`Adam: ${grads.length} gradients for ${variables.length} variables`);
      const [beta1, beta2] = powers.value as [number, number];
      powers.value = [f32(beta1 * f32(opts.beta1)), f32(beta2 * f32(opts.beta2))];
      const [p1, p2] = powers.value as [number, number];
      const scale = adamStepScale(rate, { beta1: p1, beta2: p2 }, opts.eps);
      tf.tidy(() => {
        variables.forEach((variable, i) => {
          const state = moments[i] as tf.Variable<tf.Rank.R2>;
          if (!variable.size) return;
          state.assign(adamMoments(state, grads[i] as tf.Tensor, betas));
          variable.assign(adamParam(variable, state, scale));
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
