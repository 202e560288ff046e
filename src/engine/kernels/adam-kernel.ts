/**
 * Fused Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, arXiv:1412.6980), in
 * PyTorch's form with both bias corrections folded into a step size and an epsilon the caller computes in
 * JavaScript from the step count (optim/adam.ts):
 *
 *   m ← β1 m + (1-β1) g;   v ← β2 v + (1-β2) g²            (adamMoments: one dispatch, state packed [2, N])
 *   θ ← θ - stepSize · m / (sqrt(v) + epsHat)                (adamParam: one dispatch)
 *
 * Two dispatches a variable instead of the composition's twelve; the constants travel as uniforms. A
 * program writes one output, so the moments and the parameter cannot share a dispatch. On cpu and wasm
 * every operation rounds to float32 in the composition's order, so there the result is bit-identical to it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { scalarUniforms } from './backend-access';
import { runFused, type FusedKernel } from './fused-kernel';
import { elementwiseProgram } from './webgpu-program';

/** Math.fround, as `f32` in fused-kernel.ts; a local alias because hot loops must not call an import. */
const f32 = Math.fround;

type MomentAttrs = { beta1: number; beta2: number };
type ParamAttrs = { stepSize: number; epsHat: number };

export const ADAM_MOMENTS: FusedKernel<MomentAttrs> = {
  name: 'MtlAdamMoments',
  inputs: ['moments', 'grad'],
  outputShape: ([moments]) => moments,
  compute([m, g], out, [shape], { beta1, beta2 }) {
    const n = shape[1] as number;
    const [b1, b2, c1, c2] = [beta1, beta2, 1 - beta1, 1 - beta2].map(f32) as [
      number,
      number,
      number,
      number,
    ];
    for (let i = 0; i < n; i++) {
      const gi = g[i] as number;
      out[i] = f32((m[i] as number) * b1) + f32(gi * c1);
      out[n + i] = f32((m[n + i] as number) * b2) + f32(f32(gi * gi) * c2);
    }
  },
  webgpu: (shapes, { beta1, beta2 }) => ({
    program: elementwiseProgram({
      key: 'adam_moments',
      inputs: ['moments', 'grad'],
      outputShape: shapes[0],
      uniforms: 'beta1 : f32, beta2 : f32, oneMinusBeta1 : f32, oneMinusBeta2 : f32,',
      body: `
        let n = uniforms.outShape.y;
        if (index < n) {
          setOutputAtIndex(index, momentsAt(index) * uniforms.beta1 + gradAt(index) * uniforms.oneMinusBeta1);
        } else {
          let g = gradAt(index - n);
          setOutputAtIndex(index, momentsAt(index) * uniforms.beta2 + (g * g) * uniforms.oneMinusBeta2);
        }`,
    }),
    uniforms: scalarUniforms('float32', [beta1, beta2, 1 - beta1, 1 - beta2]),
  }),
};

export const ADAM_PARAM: FusedKernel<ParamAttrs> = {
  name: 'MtlAdamParam',
  inputs: ['param', 'moments'],
  outputShape: ([param]) => param,
  compute([theta, mv], out, _shapes, { stepSize, epsHat }) {
    const n = out.length;
    const [lr, eps] = [f32(stepSize), f32(epsHat)];
    for (let i = 0; i < n; i++)
      out[i] =
        (theta[i] as number) -
        f32(f32((mv[i] as number) * lr) / f32(f32(Math.sqrt(mv[n + i] as number)) + eps));
  },
  webgpu: (shapes, { stepSize, epsHat }) => ({
    program: elementwiseProgram({
      key: 'adam_param',
      inputs: ['param', 'moments'],
      outputShape: shapes[0],
      uniforms: 'stepSize : f32, epsHat : f32,',
      body: `
        let m = momentsAt(index);
        let v = momentsAt(index + uniforms.size);
        setOutputAtIndex(index, paramAt(index) - (m * uniforms.stepSize) / (sqrt(v) + uniforms.epsHat));`,
    }),
    uniforms: scalarUniforms('float32', [stepSize, epsHat]),
  }),
};

/** The composition of tfjs ops (the fallback and the reference): the new moments [2, N]. */
export function adamMomentsComposed(moments: tf.Tensor2D, grad: tf.Tensor, attrs: MomentAttrs): tf.Tensor2D {
  return tf.tidy(() => {
    const n = grad.size;
    const g = grad.reshape([1, n]);
    const m = tf.slice(moments, [0, 0], [1, n]);
    const v = tf.slice(moments, [1, 0], [1, n]);
    return tf.concat([
      tf.add(tf.mul(m, attrs.beta1), tf.mul(g, 1 - attrs.beta1)),
      tf.add(tf.mul(v, attrs.beta2), tf.mul(tf.square(g), 1 - attrs.beta2)),
    ]);
  });
}

/** The composition of tfjs ops (the fallback and the reference): the new parameter. */
export function adamParamComposed<T extends tf.Tensor>(param: T, moments: tf.Tensor2D, attrs: ParamAttrs): T {
  return tf.tidy(() => {
    const n = param.size;
    const m = tf.slice(moments, [0, 0], [1, n]).reshape(param.shape);
    const v = tf.slice(moments, [1, 0], [1, n]).reshape(param.shape);
    return tf.sub(param, tf.div(tf.mul(m, attrs.stepSize), tf.add(tf.sqrt(v), attrs.epsHat)));
  });
}

function checkMoments(moments: tf.Tensor, size: number): void {
  if (moments.rank !== 2 || moments.shape[0] !== 2 || moments.shape[1] !== size)
    throw new Error(`adam: moments must be [2, ${size}] (m then v), got [${moments.shape.join(', ')}]`);
}

/** New Adam moments [2, N] from the old ones and a gradient of N elements: one dispatch. */
export function adamMoments(moments: tf.Tensor2D, grad: tf.Tensor, attrs: MomentAttrs): tf.Tensor2D {
  checkMoments(moments, grad.size);
  return (runFused(ADAM_MOMENTS, { moments, grad }, attrs) ??
    adamMomentsComposed(moments, grad, attrs)) as tf.Tensor2D;
}

/** The parameter after one Adam step, from the new moments: one dispatch. */
export function adamParam<T extends tf.Tensor>(param: T, moments: tf.Tensor2D, attrs: ParamAttrs): T {
  checkMoments(moments, param.size);
  return (runFused(ADAM_PARAM, { param, moments }, attrs) ?? adamParamComposed(param, moments, attrs)) as T;
}
