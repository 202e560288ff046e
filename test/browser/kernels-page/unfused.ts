/**
 * The training-step pieces as they were before the fused kernels (git history: src/engine/optim/adam.ts and
 * src/engine/train/divergence-watch.ts up to issue 10), kept here only to count their GPU dispatches
 * against the fused versions on the same inputs. Not used by the engine.
 */
import * as tf from '@tensorflow/tfjs-core';

/** A variable that does not keep its initial tensor alive. */
const variable = (make: () => tf.Tensor) => tf.tidy(() => tf.variable(make()));

/** Adam with its constants and β powers kept on the device, one composition of tfjs ops per variable. */
export function unfusedAdam(variables: tf.Variable[], lr: number, beta1 = 0.9, beta2 = 0.999, eps = 1e-8) {
  const keep = <T extends tf.Tensor>(make: () => T) => tf.tidy(() => tf.keep(make()));
  const c = {
    beta1: keep(() => tf.scalar(beta1)),
    beta2: keep(() => tf.scalar(beta2)),
    oneMinusBeta1: keep(() => tf.scalar(1 - beta1)),
    oneMinusBeta2: keep(() => tf.scalar(1 - beta2)),
    eps: keep(() => tf.scalar(eps)),
    one: keep(() => tf.scalar(1)),
  };
  const rate = variable(() => tf.scalar(lr));
  const beta1Power = variable(() => tf.scalar(1));
  const beta2Power = variable(() => tf.scalar(1));
  const m = variables.map((v) => variable(() => tf.zerosLike(v)));
  const s = variables.map((v) => variable(() => tf.zerosLike(v)));
  return {
    apply(grads: tf.Tensor[]) {
      tf.tidy(() => {
        beta1Power.assign(tf.mul(beta1Power, c.beta1));
        beta2Power.assign(tf.mul(beta2Power, c.beta2));
        const sqrtBias2 = tf.sqrt(tf.sub(c.one, beta2Power));
        const stepSize = tf.div(tf.mul(rate, sqrtBias2), tf.sub(c.one, beta1Power));
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
    dispose() {
      tf.dispose([...Object.values(c), rate, beta1Power, beta2Power, ...m, ...s]);
    },
  };
}

/** The divergence watch's record step as a composition of tfjs ops, its flags [T + 1] and counter apart. */
export function unfusedWatch(T: number) {
  const badStep = variable(() => tf.fill([T + 1], -1));
  const counter = variable(() => tf.scalar(0));
  return {
    record(losses: tf.Tensor2D, grads: tf.Tensor3D, direction: tf.Tensor2D, weights: tf.Tensor2D) {
      tf.tidy(() => {
        const tasksFinite = tf.all(tf.logicalAnd(tf.isFinite(losses), tf.isFinite(tf.sum(grads, 2))), 0);
        const methodFinite = tf.logicalAnd(tf.all(tf.isFinite(direction)), tf.all(tf.isFinite(weights)));
        const finite = tf.concat([tasksFinite, methodFinite.reshape([1])]);
        const firstBad = tf.cast(tf.logicalAnd(tf.logicalNot(finite), tf.less(badStep, 0)), 'float32');
        badStep.assign(tf.add(badStep, tf.mul(firstBad, tf.sub(counter, badStep))));
        counter.assign(tf.add(counter, 1));
      });
    },
    dispose() {
      tf.dispose([badStep, counter]);
    },
  };
}
