/**
 * The divergence watch's step (train/divergence-watch.ts) in one dispatch instead of nineteen.
 *
 * State [T + 2]: the first non-finite step of each task, then of the method (−1 while finite), then the step
 * counter. A task is non-finite at this step when, in some replica, its loss or the sum of its gradient is
 * not finite (a NaN or an infinity anywhere, or a sum overflowing float32); the method is, when its
 * direction [R, P] or its weights [R, T] hold a non-finite value. A flag, once set, keeps its step; the
 * counter goes up by one. One thread per state entry loops over its task's gradients: for the small models
 * this project trains (P in the thousands) that is far cheaper than the launches a parallel reduction costs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { scalarUniforms } from './backend-access';
import { runFused, type FusedKernel } from './fused-kernel';
import { elementwiseProgram } from './webgpu-program';

/** P: gradient entries per replica and task; D: direction entries in all (0 when nothing is shared). */
type WatchAttrs = { gradSize: number; directionSize: number };

const finite = (x: number) => Number.isFinite(Math.fround(x));

export const DIVERGENCE_WATCH: FusedKernel<WatchAttrs> = {
  name: 'MtlDivergenceWatch',
  inputs: ['losses', 'grads', 'direction', 'weights', 'state'],
  outputShape: (shapes) => shapes[4],
  compute([losses, grads, direction, weights, state], out, [lossShape], { gradSize, directionSize }) {
    const [R, T] = lossShape as [number, number];
    const counter = state[T + 1] as number;
    const bad = new Array<boolean>(T + 1).fill(false);
    for (let r = 0; r < R; r++)
      for (let t = 0; t < T; t++) {
        let sum = 0;
        const start = (r * T + t) * gradSize;
        // Summed in float64 and stored as float32, as tfjs's cpu sum does: a sum beyond float32 is infinite.
        for (let p = 0; p < gradSize; p++) sum += grads[start + p] as number;
        if (!Number.isFinite(losses[r * T + t]) || !finite(sum)) bad[t] = true;
      }
    for (let i = 0; i < directionSize; i++) if (!Number.isFinite(direction[i])) bad[T] = true;
    for (let i = 0; i < R * T; i++) if (!Number.isFinite(weights[i])) bad[T] = true;
    for (let i = 0; i <= T; i++) {
      const old = state[i] as number;
      out[i] = bad[i] && old < 0 ? counter : old;
    }
    out[T + 1] = counter + 1;
  },
  webgpu: (shapes, { gradSize, directionSize }) => ({
    program: elementwiseProgram({
      key: 'divergence_watch',
      inputs: ['losses', 'grads', 'direction', 'weights', 'state'],
      outputShape: shapes[4],
      uniforms: 'gradSize : i32, directionSize : i32,',
      body: `
        let R = uniforms.lossesShape.x;
        let T = uniforms.lossesShape.y;
        let P = uniforms.gradSize;
        let counter = stateAt(T + 1);
        if (index == T + 1) {
          setOutputAtIndex(index, counter + 1.0);
          return;
        }
        var ok = true;
        if (index < T) {
          for (var r = 0; r < R; r++) {
            ok = ok && isFiniteF32(lossesAt(r * T + index));
            var sum = 0.0;
            let start = (r * T + index) * P;
            for (var p = 0; p < P; p++) {
              let g = gradsAt(start + p);
              // Each entry's bits too: a compiler may assume arithmetic never makes NaN or infinity.
              ok = ok && isFiniteF32(g);
              sum = sum + g;
            }
            ok = ok && isFiniteF32(sum);
          }
        } else {
          for (var i = 0; i < uniforms.directionSize; i++) { ok = ok && isFiniteF32(directionAt(i)); }
          for (var i = 0; i < R * T; i++) { ok = ok && isFiniteF32(weightsAt(i)); }
        }
        let old = stateAt(index);
        setOutputAtIndex(index, select(old, counter, !ok && old < 0.0));`,
    }),
    uniforms: scalarUniforms('int32', [gradSize, directionSize]),
  }),
};

/** The composition of tfjs ops (the fallback and the reference): the state after this step. */
export function divergenceStepComposed(
  state: tf.Tensor1D,
  losses: tf.Tensor2D,
  grads: tf.Tensor3D,
  direction: tf.Tensor2D,
  weights: tf.Tensor2D,
): tf.Tensor1D {
  return tf.tidy(() => {
    const T = losses.shape[1];
    // tfjs's WebGPU sum fails on an empty axis (nothing shared): then only the losses count.
    const gradsFinite = grads.size ? tf.isFinite(tf.sum(grads, 2)) : tf.onesLike(losses).cast('bool');
    const tasksFinite = tf.all(tf.logicalAnd(tf.isFinite(losses), gradsFinite), 0);
    const directionFinite = direction.size ? tf.all(tf.isFinite(direction)) : tf.scalar(true, 'bool');
    const methodFinite = tf.logicalAnd(directionFinite, tf.all(tf.isFinite(weights)));
    const finite = tf.concat([tasksFinite, methodFinite.reshape([1])]);
    const flags = tf.slice(state, 0, T + 1);
    const counter = tf.slice(state, T + 1, 1);
    const firstBad = tf.cast(tf.logicalAnd(tf.logicalNot(finite), tf.less(flags, 0)), 'float32');
    return tf.concat([tf.add(flags, tf.mul(firstBad, tf.sub(counter, flags))), tf.add(counter, 1)]);
  });
}

/** The watch's state after this step: one dispatch. */
export function divergenceStep(
  state: tf.Tensor1D,
  losses: tf.Tensor2D,
  grads: tf.Tensor3D,
  direction: tf.Tensor2D,
  weights: tf.Tensor2D,
): tf.Tensor1D {
  const [R, T] = losses.shape;
  const expect = (name: string, t: tf.Tensor, shape: number[]) => {
    if (t.shape.length !== shape.length || shape.some((d, i) => d >= 0 && t.shape[i] !== d))
      throw new Error(
        `divergence watch: ${name} must be [${shape.map((d) => (d < 0 ? '*' : String(d))).join(', ')}], got [${t.shape.join(', ')}]`,
      );
  };
  expect('state', state, [T + 2]);
  expect('grads', grads, [R, T, -1]);
  expect('direction', direction, [R, -1]);
  expect('weights', weights, [R, T]);
  // An empty tensor has no buffer to bind on WebGPU: pass the state in its place and a size of 0.
  const fused = runFused(
    DIVERGENCE_WATCH,
    {
      losses,
      grads: grads.size ? grads : state,
      direction: direction.size ? direction : state,
      weights,
      state,
    },
    { gradSize: grads.shape[2], directionSize: direction.size },
  );
  return (fused as tf.Tensor1D | null) ?? divergenceStepComposed(state, losses, grads, direction, weights);
}
