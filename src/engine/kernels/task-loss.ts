/**
 * Every task's loss and the gradient of their sum with respect to the predictions, in two dispatches (the
 * composition, task-loss-composed.ts, takes about fifteen): MtlTaskLoss writes the losses [T] (one thread per
 * task, looping over its B·O elements), MtlTaskLossGrad writes the gradient [T, B, O] (one thread per element,
 * each summing its task's B weights: B is a batch, a few hundred at most). Loss kinds differ per task (mse, or
 * binary cross-entropy on logits); formulas and the mean over counted samples are those of
 * task-loss-composed.ts and train/losses.ts.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from '../tasks/losses';
import { runFused, type FusedKernel } from './fused-kernel';
import { taskLossAndGradComposed, type TaskLossAndGrad } from './task-loss-composed';
import { elementwiseProgram } from './webgpu-program';

/** bce[t] = 1 for binary cross-entropy on logits; weighted = 1 when the third input holds weights [T, B]. */
type LossAttrs = { bce: number[]; weighted: number };

// WGSL reserves `target`: the arrays are named predictions and targets.
const INPUTS = ['predictions', 'targets', 'weights'];

/** Up to 128 tasks' kinds as four 32-bit masks: a uniform, so the kinds need no upload and no new shader. */
function bceMask(bce: number[]): number[] {
  if (bce.length > 128) throw new Error(`taskLossAndGrad: ${bce.length} tasks; accepted: at most 128`);
  const words = [0, 0, 0, 0];
  bce.forEach((b, t) => {
    if (b) words[t >> 5] = (words[t >> 5] as number) | (1 << (t & 31));
  });
  return words;
}

const WGSL_LOSS = `
  fn isBce(t : i32) -> bool {
    return ((uniforms.bceMask[t / 32] >> u32(t % 32)) & 1) == 1;
  }
  fn elementLoss(z : f32, y : f32, bce : bool) -> f32 {
    if (bce) { return max(z, 0.0) - z * y + log1pSmall(exp(-abs(z))); }
    let d = z - y;
    return d * d;
  }
`;
const UNIFORMS = 'bceMask : vec4<i32>, weighted : i32,';
const uniformsOf = ({ bce, weighted }: LossAttrs) => [
  { type: 'int32' as const, data: bceMask(bce) },
  { type: 'int32' as const, data: [weighted] },
];

function elementLoss(z: number, y: number, bce: boolean): number {
  return bce ? Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))) : (z - y) * (z - y);
}
const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export const TASK_LOSS: FusedKernel<LossAttrs> = {
  name: 'MtlTaskLoss',
  inputs: INPUTS,
  outputShape: ([pred]) => [pred[0] as number],
  compute([pred, target, weights], out, [shape], { bce, weighted }) {
    const [T, B, O] = shape as [number, number, number];
    for (let t = 0; t < T; t++) {
      let total = 0;
      let counted = 0;
      for (let b = 0; b < B; b++) {
        let sum = 0;
        for (let o = 0; o < O; o++) {
          const k = (t * B + b) * O + o;
          sum += elementLoss(pred[k] as number, target[k] as number, bce[t] === 1);
        }
        const w = weighted ? (weights[t * B + b] as number) : 1;
        total += w * (sum / O);
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
        for (var b = 0; b < B; b++) {
          var sum = 0.0;
          for (var o = 0; o < O; o++) {
            let k = (index * B + b) * O + o;
            sum = sum + elementLoss(predictionsAt(k), targetsAt(k), bce);
          }
          let w = select(1.0, weightsAt(index * B + b), uniforms.weighted == 1);
          total = total + w * (sum / f32(O));
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
  compute([pred, target, weights], out, [shape], { bce, weighted }) {
    const [T, B, O] = shape as [number, number, number];
    for (let t = 0; t < T; t++) {
      let counted = 0;
      if (weighted) for (let b = 0; b < B; b++) counted += weights[t * B + b] as number;
      for (let b = 0; b < B; b++) {
        const scale = weighted ? (weights[t * B + b] as number) / (Math.max(counted, 1) * O) : 1 / (B * O);
        for (let o = 0; o < O; o++) {
          const k = (t * B + b) * O + o;
          const [z, y] = [pred[k] as number, target[k] as number];
          out[k] = (bce[t] === 1 ? sigmoid(z) - y : 2 * (z - y)) * scale;
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
        let slope = select((z - y) * 2.0, sigmoidStable(z) - y, isBce(t));
        var scale = 1.0 / f32(B * O);
        if (uniforms.weighted == 1) {
          var counted = 0.0;
          for (var i = 0; i < B; i++) { counted = counted + weightsAt(t * B + i); }
          scale = weightsAt(t * B + b) / (max(counted, 1.0) * f32(O));
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
  const attrs = { bce: kinds.map((k) => (k === 'bce-logits' ? 1 : 0)), weighted: weights ? 1 : 0 };
  // Without weights the third input is unused: pred stands in, so every backend binds three inputs.
  const inputs = { predictions: pred, targets: target, weights: weights ?? pred };
  const losses = runFused(TASK_LOSS, inputs, attrs);
  if (!losses) return taskLossAndGradComposed(pred, target, kinds, weights);
  const grad = runFused(TASK_LOSS_GRAD, inputs, attrs) as tf.Tensor;
  return { losses: losses as tf.Tensor1D, grad: grad as tf.Tensor3D };
}
