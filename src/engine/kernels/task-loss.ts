/**
 * Every task's loss and the gradient of their sum with respect to the predictions, in two dispatches (the
 * composition, task-loss-composed.ts, takes about fifteen): MtlTaskLoss writes the losses [T] (one thread per
 * task, looping over its B·O elements), MtlTaskLossGrad writes the gradient [T, B, O] (one thread per element,
 * each summing its task's B weights: B is a batch, a few hundred at most). Loss kinds differ per task (mse,
 * binary cross-entropy on logits, or softmax cross-entropy over the O outputs, for which each thread of the
 * gradient also loops over its sample's O logits); formulas and the mean over counted samples are those of
 * task-loss-composed.ts and train/losses.ts.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from '../tasks/losses';
import { runFused, type FusedKernel } from './fused-kernel';
import { taskLossAndGradComposed, type TaskLossAndGrad } from './task-loss-composed';
import { elementwiseProgram } from './webgpu-program';

/**
 * bce[t] = 1 for binary cross-entropy on logits, softmax[t] = 1 for softmax cross-entropy (else mse);
 * weighted = 1 when the third input holds weights [T, B].
 */
type LossAttrs = { bce: number[]; softmax: number[]; weighted: number };

// WGSL reserves `target`: the arrays are named predictions and targets.
const INPUTS = ['predictions', 'targets', 'weights'];

/** Up to 128 tasks' flags as four 32-bit masks: a uniform, so the kinds need no upload and no new shader. */
function taskMask(flags: number[]): number[] {
  if (flags.length > 128) throw new Error(`taskLossAndGrad: ${flags.length} tasks; accepted: at most 128`);
  const words = [0, 0, 0, 0];
  flags.forEach((b, t) => {
    if (b) words[t >> 5] = (words[t >> 5] as number) | (1 << (t & 31));
  });
  return words;
}

/**
 * The loss formulas in WGSL over `predictionsAt(i)` and `targetsAt(i)`, which the program defines (the
 * fused chain's loss reads its predictions inside a larger buffer: kernels/chain/chain-loss.ts).
 */
export const WGSL_LOSS_MATH = `
  // Softmax cross-entropy of sample row (first element k0, O logits): [log Σ exp z, Σ y, Σ y z].
  fn softmaxParts(k0 : i32, O : i32) -> vec3<f32> {
    var m = predictionsAt(k0);
    for (var o = 1; o < O; o++) { m = max(m, predictionsAt(k0 + o)); }
    var sumExp = 0.0;
    var sumY = 0.0;
    var sumYZ = 0.0;
    for (var o = 0; o < O; o++) {
      let z = predictionsAt(k0 + o);
      let y = targetsAt(k0 + o);
      sumExp = sumExp + exp(z - m);
      sumY = sumY + y;
      sumYZ = sumYZ + y * z;
    }
    return vec3<f32>(m + log(sumExp), sumY, sumYZ);
  }
  fn elementLoss(z : f32, y : f32, bce : bool) -> f32 {
    if (bce) { return max(z, 0.0) - z * y + log1pSmall(exp(-abs(z))); }
    let d = z - y;
    return d * d;
  }
`;
const WGSL_LOSS = `
  fn isBce(t : i32) -> bool {
    return ((uniforms.bceMask[t / 32] >> u32(t % 32)) & 1) == 1;
  }
  fn isSoftmax(t : i32) -> bool {
    return ((uniforms.softmaxMask[t / 32] >> u32(t % 32)) & 1) == 1;
  }
  ${WGSL_LOSS_MATH}
`;
const UNIFORMS = 'bceMask : vec4<i32>, softmaxMask : vec4<i32>, weighted : i32,';
const uniformsOf = ({ bce, softmax, weighted }: LossAttrs) => [
  { type: 'int32' as const, data: taskMask(bce) },
  { type: 'int32' as const, data: taskMask(softmax) },
  { type: 'int32' as const, data: [weighted] },
];

export function elementLoss(z: number, y: number, bce: boolean): number {
  return bce ? Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))) : (z - y) * (z - y);
}
export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Softmax cross-entropy parts of the O logits from k0: log Σ exp z (stable), Σ y, Σ y z. */
export function softmaxParts(pred: Float32Array, target: Float32Array, k0: number, O: number) {
  let m = -Infinity;
  for (let o = 0; o < O; o++) m = Math.max(m, pred[k0 + o] as number);
  let sumExp = 0;
  let sumY = 0;
  let sumYZ = 0;
  for (let o = 0; o < O; o++) {
    const [z, y] = [pred[k0 + o] as number, target[k0 + o] as number];
    sumExp += Math.exp(z - m);
    sumY += y;
    sumYZ += y * z;
  }
  return { lse: m + Math.log(sumExp), sumY, sumYZ };
}

export const TASK_LOSS: FusedKernel<LossAttrs> = {
  name: 'MtlTaskLoss',
  inputs: INPUTS,
  outputShape: ([pred]) => [pred[0] as number],
  compute([pred, target, weights], out, [shape], { bce, softmax, weighted }) {
    const [T, B, O] = shape as [number, number, number];
    for (let t = 0; t < T; t++) {
      let total = 0;
      let counted = 0;
      for (let b = 0; b < B; b++) {
        let sample = 0;
        if (softmax[t] === 1) {
          // −Σ_o y_o log softmax(z)_o = lse·Σy − Σ y z: one number per sample, not a mean over outputs.
          const { lse, sumY, sumYZ } = softmaxParts(pred, target, (t * B + b) * O, O);
          sample = lse * sumY - sumYZ;
        } else {
          for (let o = 0; o < O; o++) {
            const k = (t * B + b) * O + o;
            sample += elementLoss(pred[k] as number, target[k] as number, bce[t] === 1);
          }
          sample /= O;
        }
        const w = weighted ? (weights[t * B + b] as number) : 1;
        total += w * sample;
        counted += w;
      }
      out[t] = weighted ? total / Math.max(counted, 1) : total / B;
    }
  },
  webgpu: ([shape], attrs) => ({
    program: elementwiseProgram({
      key: 'task_loss',
      inputs: INPUTS,
      outputShape: [shape[0] as number],
      uniforms: UNIFORMS,
      helpers: WGSL_LOSS,
      body: `
        let B = uniforms.predictionsShape.y;
        let O = uniforms.predictionsShape.z;
        let bce = isBce(index);
        var total = 0.0;
        var counted = 0.0;
        let softmax = isSoftmax(index);
        for (var b = 0; b < B; b++) {
          var sample = 0.0;
          if (softmax) {
            let parts = softmaxParts((index * B + b) * O, O);
            sample = parts.x * parts.y - parts.z;
          } else {
            for (var o = 0; o < O; o++) {
              let k = (index * B + b) * O + o;
              sample = sample + elementLoss(predictionsAt(k), targetsAt(k), bce);
            }
            sample = sample / f32(O);
          }
          let w = select(1.0, weightsAt(index * B + b), uniforms.weighted == 1);
          total = total + w * sample;
          counted = counted + w;
        }
        setOutputAtIndex(index, select(total / f32(B), total / max(counted, 1.0), uniforms.weighted == 1));`,
    }),
    uniforms: uniformsOf(attrs),
  }),
};

export const TASK_LOSS_GRAD: FusedKernel<LossAttrs> = {
  name: 'MtlTaskLossGrad',
  inputs: INPUTS,
  outputShape: ([pred]) => pred,
  compute([pred, target, weights], out, [shape], { bce, softmax, weighted }) {
    const [T, B, O] = shape as [number, number, number];
    for (let t = 0; t < T; t++) {
      let counted = 0;
      if (weighted) for (let b = 0; b < B; b++) counted += weights[t * B + b] as number;
      // A softmax task's sample loss is a sum over its outputs, the others' a mean: no 1/O for softmax.
      const perOutput = softmax[t] === 1 ? 1 : O;
      for (let b = 0; b < B; b++) {
        const scale = weighted
          ? (weights[t * B + b] as number) / (Math.max(counted, 1) * perOutput)
          : 1 / (B * perOutput);
        const parts = softmax[t] === 1 ? softmaxParts(pred, target, (t * B + b) * O, O) : null;
        for (let o = 0; o < O; o++) {
          const k = (t * B + b) * O + o;
          const [z, y] = [pred[k] as number, target[k] as number];
          const slope = parts
            ? Math.exp(z - parts.lse) * parts.sumY - y
            : bce[t] === 1
              ? sigmoid(z) - y
              : 2 * (z - y);
          out[k] = slope * scale;
        }
      }
    }
  },
  webgpu: ([shape], attrs) => ({
    program: elementwiseProgram({
      key: 'task_loss_grad',
      inputs: INPUTS,
      outputShape: shape,
      uniforms: UNIFORMS,
      helpers: WGSL_LOSS,
      body: `
        let B = uniforms.predictionsShape.y;
        let O = uniforms.predictionsShape.z;
        let t = index / (B * O);
        let b = (index / O) % B;
        let z = predictionsAt(index);
        let y = targetsAt(index);
        var slope = select((z - y) * 2.0, sigmoidStable(z) - y, isBce(t));
        var perOutput = f32(O);
        if (isSoftmax(t)) {
          // softmax(z)_o Σy − y_o; the sample's loss is a sum over its outputs (no 1/O).
          let parts = softmaxParts((index / O) * O, O);
          slope = exp(z - parts.x) * parts.y - y;
          perOutput = 1.0;
        }
        var scale = 1.0 / (f32(B) * perOutput);
        if (uniforms.weighted == 1) {
          var counted = 0.0;
          for (var i = 0; i < B; i++) { counted = counted + weightsAt(t * B + i); }
          scale = weightsAt(t * B + b) / (max(counted, 1.0) * perOutput);
        }
        setOutputAtIndex(index, slope * scale);`,
    }),
    uniforms: uniformsOf(attrs),
  }),
};

/**
 * losses [T] exactly as train/losses.ts `taskLosses` computes them (means over counted samples and outputs;
 * weights [T, B] of 0 and 1 divide by max(Σ w, 1)), and grad = d(Σ_t losses_t) / d pred [T, B, O].
 */
export function taskLossAndGrad(
  pred: tf.Tensor3D,
  target: tf.Tensor3D,
  kinds: readonly LossKind[],
  weights?: tf.Tensor2D,
): TaskLossAndGrad {
  const [T, B] = pred.shape;
  if (target.shape.join() !== pred.shape.join())
    throw new Error(
      `taskLossAndGrad: target is [${target.shape.join(', ')}], pred is [${pred.shape.join(', ')}]; they must match`,
    );
  if (kinds.length !== T) throw new Error(`taskLossAndGrad: ${kinds.length} loss kinds for ${T} tasks`);
  if (weights && (weights.shape[0] !== T || weights.shape[1] !== B))
    throw new Error(
      `taskLossAndGrad: weights are [${weights.shape.join(', ')}]; accepted: [${T}, ${B}] or none`,
    );
  const attrs = {
    bce: kinds.map((k) => (k === 'bce-logits' ? 1 : 0)),
    softmax: kinds.map((k) => (k === 'softmax-ce' ? 1 : 0)),
    weighted: weights ? 1 : 0,
  };
  // Without weights the third input is unused: pred stands in, so every backend binds three inputs.
  const inputs = { predictions: pred, targets: target, weights: weights ?? pred };
  const losses = runFused(TASK_LOSS, inputs, attrs);
  if (!losses) return taskLossAndGradComposed(pred, target, kinds, weights);
  const grad = runFused(TASK_LOSS_GRAD, inputs, attrs) as tf.Tensor;
  return { losses: losses as tf.Tensor1D, grad: grad as tf.Tensor3D };
}
