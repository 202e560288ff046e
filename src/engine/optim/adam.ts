/**
 * Adam (Kingma & Ba, ICLR 2015, arXiv:1412.6980) in PyTorch's form:
 * m ← β1 m + (1-β1) g;  v ← β2 v + (1-β2) g²;  θ ← θ - lr · (m / (1-β1^t)) / (sqrt(v / (1-β2^t)) + ε).
 * The powers β^t are kept on the device so a step needs no upload.
 */
import * as tf from '@tensorflow/tfjs-core';
import { variableFrom } from '../variables';
import { LearningRate } from './learning-rate';
import type { adamCard } from '../config/optimizers';
import type { ParamValues } from '../params/spec';
import type { Optimizer } from './types';

export function createAdam(
  variables: readonly tf.Variable[],
  lr: number,
  opts: ParamValues<typeof adamCard.params>,
): Optimizer {
  const rate = new LearningRate(lr);
  const constants = tf.tidy(() => ({
    beta1: tf.keep(tf.scalar(opts.beta1)),
    beta2: tf.keep(tf.scalar(opts.beta2)),
    oneMinusBeta1: tf.keep(tf.scalar(1 - opts.beta1)),
    oneMinusBeta2: tf.keep(tf.scalar(1 - opts.beta2)),
    eps: tf.keep(tf.scalar(opts.eps)),
    one: tf.keep(tf.scalar(1)),
  }));
  const beta1Power = variableFrom(() => tf.scalar(1));
  const beta2Power = variableFrom(() => tf.scalar(1));
  const m = variables.map((v) => variableFrom(() => tf.zerosLike(v)));
  const s = variables.map((v) => variableFrom(() => tf.zerosLike(v)));

  return {
    apply(grads) {
      if (grads.length !== variables.length)
        throw new Error(`Adam: ${grads.length} gradients for ${variables.length} variables`);
      tf.tidy(() => {
        const c = constants;
        beta1Power.assign(tf.mul(beta1Power, c.beta1));
        beta2Power.assign(tf.mul(beta2Power, c.beta2));
        // lr_t = lr · sqrt(1-β2^t) / (1-β1^t) and ε_t = ε · sqrt(1-β2^t) fold both bias corrections into
        // one scale, exactly equal to PyTorch's formula above.
        const sqrtBias2 = tf.sqrt(tf.sub(c.one, beta2Power));
        const stepSize = tf.div(tf.mul(rate.value, sqrtBias2), tf.sub(c.one, beta1Power));
        const epsHat = tf.mul(c.eps, sqrtBias2);
        variables.forEach((variable, i) => {
          const g = grads[i] as tf.Tensor;
          const mi = m[i] as tf.Variable;
          const si = s[i] as tf.Variable;
          mi.assign(tf.add(tf.mul(mi, c.beta1), tf.mul(g, c.oneMinusBeta1)));
          si.assign(tf.add(tf.mul(si, c.beta2), tf.mul(tf.square(g), c.oneMinusBeta2)));
          variable.assign(tf.sub(variable, tf.div(tf.mul(mi, stepSize), tf.add(tf.sqrt(si), epsHat))));
        });
      });
    },
    setLearningRate: (value) => rate.set(value),
    dispose() {
      rate.dispose();
      Object.values(constants).forEach((t) => t.dispose());
      [beta1Power, beta2Power, ...m, ...s].forEach((t) => t.dispose());
    },
  };
}
