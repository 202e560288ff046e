/**
 * Pieces shared by the mixture-of-experts architectures (CGC, PLE, DSelect-k): stacks of expert MLPs, their
 * outputs laid out one row of experts per sample, and the gated mix of those rows.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random/rng';
import type { ParamLayout } from './layout';
import { addDense, type DenseRef } from './mlp';
import type { Activation } from './specs';

/**
 * Declare a stack of expert MLPs whose layer i has kernel [...lead, in, out] and bias [...lead, out]: in θ
 * (with per-layer gradient groups `${layer} layer i`) when `layer` is set, else task-specific (lead[0] = T).
 */
export function addExperts(
  layout: ParamLayout,
  rng: Rng,
  o: {
    name: string;
    layer?: string;
    lead: number[];
    fanIn: number;
    widths: readonly number[];
    activation: Activation;
  },
): DenseRef[] {
  let fanIn = o.fanIn;
  return o.widths.map((width, i) => {
    const spec = {
      name: `${o.name}.layer${i + 1}`,
      stack: o.lead,
      fanIn,
      fanOut: width,
      activation: o.activation,
    };
    fanIn = width;
    return addDense(
      layout,
      rng,
      o.layer === undefined ? spec : { ...spec, layer: `${o.layer} layer ${i + 1}` },
    );
  });
}

/** Expert outputs [..., E, B, H] as [..., B, E, H]: one row of E outputs per sample, ready for `mix`. */
export function perSample(h: tf.Tensor): tf.Tensor {
  const perm = h.shape.map((_, i) => i);
  const r = h.rank;
  [perm[r - 3], perm[r - 2]] = [r - 2, r - 3];
  return tf.transpose(h, perm);
}

/**
 * Σ_e w[..., e] · out[..., e, :]: weights [..., E] against expert rows [..., E, H], leading axes broadcast
 * by the usual rules (the gradient of a broadcasting mul is summed correctly, unlike batched matMul's).
 */
export function mix(weights: tf.Tensor, outputs: tf.Tensor): tf.Tensor {
  return tf.sum(tf.mul(weights.expandDims(weights.rank), outputs), outputs.rank - 2);
}
