/**
 * Fused SGD with heavy-ball momentum (Polyak 1964) in PyTorch's form, no dampening (optim/sgd.ts):
 *
 *   b ← μ b + g            (momentumBuffer: one dispatch; skipped when μ = 0)
 *   θ ← θ - lr · d         (descend, d = b or g: one dispatch)
 *
 * The composition takes two dispatches for each line.
 */
import * as tf from '@tensorflow/tfjs-core';
import { scalarUniforms } from './backend-access';
import { runFused, type FusedKernel } from './fused-kernel';
import { elementwiseProgram } from './webgpu-program';

/** Math.fround, as `f32` in fused-kernel.ts; a local alias because hot loops must not call an import. */
const f32 = Math.fround;

type MomentumAttrs = { momentum: number };
type DescendAttrs = { rate: number };

export const SGD_MOMENTUM: FusedKernel<MomentumAttrs> = {
  name: 'MtlSgdMomentum',
  inputs: ['velocity', 'grad'],
  outputShape: ([buffer]) => buffer,
  compute([b, g], out, _shapes, { momentum }) {
    const mu = f32(momentum);
    for (let i = 0; i < out.length; i++) out[i] = f32((b[i] as number) * mu) + (g[i] as number);
  },
  webgpu: (shapes, { momentum }) => ({
    program: elementwiseProgram({
      key: 'sgd_momentum',
      inputs: ['velocity', 'grad'],
      outputShape: shapes[0],
      uniforms: 'momentum : f32,',
      body: 'setOutputAtIndex(index, velocityAt(index) * uniforms.momentum + gradAt(index));',
    }),
    uniforms: scalarUniforms('float32', [momentum]),
  }),
};

export const SGD_DESCEND: FusedKernel<DescendAttrs> = {
  name: 'MtlSgdDescend',
  inputs: ['param', 'direction'],
  outputShape: ([param]) => param,
  compute([theta, d], out, _shapes, { rate }) {
    const lr = f32(rate);
    for (let i = 0; i < out.length; i++) out[i] = (theta[i] as number) - f32((d[i] as number) * lr);
  },
  webgpu: (shapes, { rate }) => ({
    program: elementwiseProgram({
      key: 'sgd_descend',
      inputs: ['param', 'direction'],
      outputShape: shapes[0],
      uniforms: 'rate : f32,',
      body: 'setOutputAtIndex(index, paramAt(index) - directionAt(index) * uniforms.rate);',
    }),
    uniforms: scalarUniforms('float32', [rate]),
  }),
};

function sameSize(a: tf.Tensor, b: tf.Tensor, what: string): void {
  if (a.size !== b.size) throw new Error(`sgd: ${what} has ${b.size} elements, expected ${a.size}`);
}

/** The compositions of tfjs ops (the fallback and the reference). */
export const momentumComposed = <T extends tf.Tensor>(buffer: T, grad: tf.Tensor, momentum: number): T =>
  tf.tidy(() => tf.add(tf.mul(buffer, momentum), grad.reshape(buffer.shape)));
export const descendComposed = <T extends tf.Tensor>(param: T, direction: tf.Tensor, rate: number): T =>
  tf.tidy(() => tf.sub(param, tf.mul(direction.reshape(param.shape), rate)));

/** μ b + g: one dispatch. */
export function momentumBuffer<T extends tf.Tensor>(buffer: T, grad: tf.Tensor, momentum: number): T {
  sameSize(buffer, grad, 'the gradient');
  return (
    (runFused(SGD_MOMENTUM, { velocity: buffer, grad }, { momentum }) as T | null) ??
    momentumComposed(buffer, grad, momentum)
  );
}

/** θ - lr · d: one dispatch. */
export function descend<T extends tf.Tensor>(param: T, direction: tf.Tensor, rate: number): T {
  sameSize(param, direction, 'the direction');
  return (
    (runFused(SGD_DESCEND, { param, direction }, { rate }) as T | null) ??
    descendComposed(param, direction, rate)
  );
}
