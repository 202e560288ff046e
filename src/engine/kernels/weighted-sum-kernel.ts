/**
 * Σ_t w_t g_t per replica, [R, T] x [R, T, P] → [R, P], as one loop: the direction of every loss
 * weighting (methods/common.ts weightedSum) on WASM.
 *
 * Why not tf.matMul there: the product [R, 1, T] x [R, T, P] is a one-row product with P columns, which
 * XNNPACK (R = 1) handles by packing the whole right operand, G, on every call, and tfjs-wasm's plain loop
 * (R > 1) handles no better: 1.6 ms a step for MultiMNIST's 233,856 shared parameters, 42 µs for five
 * seeds of the default experiment, where this loop reads G once. The cpu backend keeps tf.matMul (its
 * numbers stay bit for bit those of earlier runs); WebGPU's product is already one dispatch, as is this.
 * Each output is summed over t in order in float64 and rounded once, as tfjs's cpu product does for
 * T ≤ 48.
 */
import * as tf from '@tensorflow/tfjs-core';
import { runFused, type FusedKernel } from './fused-kernel';
import { elementwiseProgram } from './webgpu-program';

export const WEIGHTED_ROW_SUM: FusedKernel<Record<string, never>> = {
  name: 'MtlWeightedRowSum',
  inputs: ['weights', 'grads'],
  outputShape: ([, g]) => [g[0] as number, g[2] as number],
  compute([w, g], out, [, shape]) {
    const [R, T, P] = shape as [number, number, number];
    // One pass over each output: T rows read side by side, the sum kept in a float64 local.
    for (let r = 0; r < R; r++) {
      const base = r * T * P;
      for (let p = 0; p < P; p++) {
        let sum = 0;
        for (let t = 0; t < T; t++) sum += (w[r * T + t] as number) * (g[base + t * P + p] as number);
        out[r * P + p] = sum;
      }
    }
  },
  webgpu: ([, shape]) => ({
    program: elementwiseProgram({
      key: 'weighted_row_sum',
      inputs: ['weights', 'grads'],
      outputShape: [shape[0] as number, shape[2] as number],
      body: `
        let T = uniforms.gradsShape.y;
        let P = uniforms.gradsShape.z;
        let r = index / P;
        let p = index % P;
        var sum = 0.0;
        for (var t = 0; t < T; t++) { sum = sum + weightsAt(r * T + t) * gradsAt((r * T + t) * P + p); }
        setOutputAtIndex(index, sum);`,
    }),
  }),
};

/** Under autodiff (a method's learned weights): ∂/∂w_rt = Σ_p dy_rp g_rtp, ∂/∂g_rtp = w_rt dy_rp. */
function ensureGradient(): void {
  if (tf.getGradient(WEIGHTED_ROW_SUM.name)) return;
  tf.registerGradient({
    kernelName: WEIGHTED_ROW_SUM.name,
    inputsToSave: ['weights', 'grads'],
    gradFunc: (dy, saved) => {
      const [weights, grads] = saved as [tf.Tensor2D, tf.Tensor3D];
      const d = dy as tf.Tensor2D;
      return {
        weights: () => tf.matMul(grads, d.expandDims(2)).squeeze([2]),
        grads: () => tf.mul(weights.expandDims(2), d.expandDims(1)),
      };
    },
  });
}

/** Σ_t w_t g_t per replica by the kernel (see the header), or null where fused kernels do not run. */
export function weightedRowSum(weights: tf.Tensor2D, grads: tf.Tensor3D): tf.Tensor2D | null {
  const [R, T] = grads.shape;
  if (weights.shape[0] !== R || weights.shape[1] !== T)
    throw new Error(
      `weightedRowSum: weights are [${weights.shape.join(', ')}], expected [${R}, ${T}] for gradients [${grads.shape.join(', ')}]`,
    );
  ensureGradient();
  return runFused(WEIGHTED_ROW_SUM, { weights, grads }, {}) as tf.Tensor2D | null;
}
