/**
 * The regression network meta-learning adapts: the layer-sharing MLP of the config (paper: 1 → 40 → 40 → 1,
 * ReLU) written as a pure function of a parameter list, so that its inner-loop updates can be differentiated
 * again (MAML's second derivatives) and evaluated on per-task copies stacked over a leading batch axis.
 * Plain tfjs ops only. Their gradients are themselves differentiable for relu and linear networks; tfjs's
 * Tanh, Sigmoid and Exp gradients read their saved OUTPUT, which the outer tape does not connect to the input,
 * so MAML's second derivatives through those activations miss a term (measured: up to 5% off against finite
 * differences), and Elu's gradient has no gradient at all. MAML's card therefore asks for relu or linear.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate } from '../architectures/mlp';
import type { Activation } from '../architectures/specs';
import type { Rng } from '../random/rng';

export interface MetaNet {
  /** Shapes of the parameters, [W0, b0, W1, b1, ..., Wout, bout] (kernels [in, out], biases [out]). */
  shapes: number[][];
  /**
   * Initial values, one per shape: weights and biases U(±1/√fanIn), PyTorch's default for a linear layer,
   * which reimplementations of MAML use. It keeps the inner step α = 0.01 stable where He init (the joint
   * trainer's) makes the first inner steps overshoot, and learns faster than Finn et al.'s N(0, 0.01²).
   */
  init(rng: Rng): Float32Array[];
  /**
   * Outputs [B, N, 1] for inputs [B, N, 1] with per-task parameters stacked [B, ...shape]: task b reads
   * its own copy (B = 1 for a single model).
   */
  forward(params: readonly tf.Tensor[], x: tf.Tensor3D): tf.Tensor3D;
}

export function createMetaNet(widths: readonly number[], activation: Activation): MetaNet {
  const fans = [1, ...widths, 1];
  const layers = fans.slice(1).map((out, l) => ({ fanIn: fans[l] as number, fanOut: out }));
  return {
    shapes: layers.flatMap(({ fanIn, fanOut }) => [[fanIn, fanOut], [fanOut]]),
    init: (rng) =>
      layers.flatMap(({ fanIn, fanOut }) => [
        rng.uniformArray(fanIn * fanOut, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)),
        rng.uniformArray(fanOut, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)),
      ]),
    forward(params, x) {
      let h: tf.Tensor3D = x;
      layers.forEach((_, l) => {
        const kernel = params[2 * l] as tf.Tensor3D;
        const bias = (params[2 * l + 1] as tf.Tensor2D).expandDims(1);
        const z = tf.add<tf.Tensor3D>(tf.matMul(h, kernel), bias);
        h = l < widths.length ? (activate(z, activation) as tf.Tensor3D) : z;
      });
      return h;
    },
  };
}

/** Each parameter repeated over a leading task axis [B, ...]: the gradient of a sum over tasks flows back summed. */
export const stackCopies = (params: readonly tf.Tensor[], copies: number): tf.Tensor[] =>
  params.map((p) => tf.tile(p.expandDims(0), [copies, ...p.shape.map(() => 1)]));

/** Per-task MSE [B] of outputs [B, N, 1] against targets [B, N, 1]. */
export const taskMse = (pred: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor1D =>
  tf.mean<tf.Tensor1D>(tf.square(tf.sub(pred, y)), [1, 2]);
