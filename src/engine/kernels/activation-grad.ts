/**
 * The backward pass through an activation in one dispatch: dy · f'(z), with f' written through the layer's
 * OUTPUT h = f(z), which the forward pass keeps anyway (no need to keep z):
 *   relu: h > 0;   tanh: 1 − h²;   sigmoid: h (1 − h);   elu (α = 1): h > 0 ? 1 : h + 1;   linear: 1.
 * dy is [T, B, W]; h is [T, B, W] or [1, B, W] (a layer every task shares, broadcast over the tasks).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../architectures/specs';
import { runFused, type FusedKernel } from './fused-kernel';
import { elementwiseProgram } from './webgpu-program';

/** Math.fround, as `f32` in fused-kernel.ts; a local alias because hot loops must not call an import. */
const f32 = Math.fround;

type Nonlinear = Exclude<Activation, 'linear'>;
type GradAttrs = { activation: Nonlinear };

/** f'(z) from h = f(z) (hv in WGSL). relu's step is multiplied, not selected, so a NaN in dy stays NaN. */
const SLOPE: Record<Nonlinear, { wgsl: string; js: (h: number) => number }> = {
  relu: { wgsl: 'select(0.0, 1.0, hv > 0.0)', js: (h) => (h > 0 ? 1 : 0) },
  tanh: { wgsl: '1.0 - hv * hv', js: (h) => f32(1 - f32(h * h)) },
  sigmoid: { wgsl: 'hv * (1.0 - hv)', js: (h) => f32(h * f32(1 - h)) },
  elu: { wgsl: 'select(hv + 1.0, 1.0, hv > 0.0)', js: (h) => (h > 0 ? 1 : f32(h + 1)) },
};

export const ACTIVATION_GRAD: FusedKernel<GradAttrs> = {
  name: 'MtlActivationGrad',
  inputs: ['dy', 'h'],
  outputShape: ([dy]) => dy,
  compute([dy, h], out, [, hShape], { activation }) {
    // One loop per block of dy: h is one block every task reuses ([1, B, W]) or as large as dy (no modulo).
    const slope = SLOPE[activation].js;
    const hSize = h.length;
    const blocks = hShape[0] === 1 ? out.length / hSize : 1;
    const span = hShape[0] === 1 ? hSize : out.length;
    for (let b = 0, base = 0; b < blocks; b++, base += span) {
      const dyBlock = dy.subarray(base, base + span);
      const outBlock = out.subarray(base, base + span);
      for (let i = 0; i < span; i++) outBlock[i] = (dyBlock[i] as number) * slope(h[i] as number);
    }
  },
  webgpu: ([dyShape, hShape], { activation }) => {
    const broadcast = hShape[0] === 1;
    return {
      program: elementwiseProgram({
        // The activation and the broadcast are baked into the WGSL, hence into the key.
        key: `activation_grad_${activation}_${broadcast ? 'shared' : 'stacked'}`,
        inputs: ['dy', 'h'],
        outputShape: dyShape,
        body: `
          let hIndex = ${broadcast ? 'index % (uniforms.hShape.y * uniforms.hShape.z)' : 'index'};
          let hv = hAt(hIndex);
          setOutputAtIndex(index, dyAt(index) * (${SLOPE[activation].wgsl}));`,
      }),
    };
  },
};

/** The composition of tfjs ops (the fallback and the reference). */
export function activationGradComposed(dy: tf.Tensor, h: tf.Tensor, activation: Activation): tf.Tensor {
  return tf.tidy(() => {
    switch (activation) {
      case 'linear':
        return dy.clone();
      case 'relu':
        return tf.mul(dy, tf.cast(tf.greater(h, 0), 'float32'));
      case 'tanh':
        return tf.mul(dy, tf.sub(1, tf.square(h)));
      case 'sigmoid':
        return tf.mul(dy, tf.mul(h, tf.sub(1, h)));
      case 'elu':
        return tf.mul(dy, tf.where(tf.greater(h, 0), tf.onesLike(h), tf.add(h, 1)));
    }
  });
}

/** dy · f'(z) from the activation's output h: one dispatch; `linear` returns dy itself (none). */
export function activationGrad(dy: tf.Tensor, h: tf.Tensor, activation: Activation): tf.Tensor {
  if (activation === 'linear') return dy;
  const [T, B, W] = dy.shape;
  if (
    dy.rank !== 3 ||
    h.rank !== 3 ||
    h.shape[1] !== B ||
    h.shape[2] !== W ||
    (h.shape[0] !== 1 && h.shape[0] !== T)
  )
    throw new Error(
      `activationGrad: h is [${h.shape.join(', ')}], dy is [${dy.shape.join(', ')}]; accepted h: [1 or T, B, W] for dy [T, B, W]`,
    );
  // On WASM relu's slope is two native SIMD kernels (Step, Mul): 28 µs for a 5-seed layer [10, 64, 32] in
  // Node where the JavaScript loop over the heap took 107 µs. The numbers are the same: dy · 1 or dy · 0.
  if (activation === 'relu' && tf.getBackend() === 'wasm') return tf.tidy(() => tf.mul(dy, tf.step(h)));
  return runFused(ACTIVATION_GRAD, { dy, h }, { activation }) ?? activationGradComposed(dy, h, activation);
}
