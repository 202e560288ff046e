/**
 * MtlChainLoss: every task's loss [T] from the predictions inside the fused forward pass's acts buffer (its
 * last block, [T, B, O]), one thread per task: the formulas and means of kernels/task-loss.ts's
 * MtlTaskLoss (mse, binary cross-entropy on logits, softmax cross-entropy; weights [T, B] divide by
 * max(Σ w, 1)), read in place so that no slice of acts is copied out first.
 */
import type { FusedKernel } from '../fused-kernel';
import { elementLoss, softmaxParts, WGSL_LOSS_MATH } from '../task-loss';
import { WGSL_HELPERS } from '../webgpu-program';
import { planKey, planOf, wgslTouch } from './chain-code';
import type { ChainPlan } from './chain-plan';

type PlanAttrs = { plan: string };
export const LOSS_INPUTS = ['acts', 'targets', 'weights'];

/** Offset of the predictions [T, B, O] in acts: the last layer's block (its stream has T copies). */
export const predictionsOffset = (plan: ChainPlan) => plan.layers[plan.layers.length - 1]?.actOffset ?? 0;

function lossJs(
  plan: ChainPlan,
  acts: Float32Array,
  target: Float32Array,
  weights: Float32Array,
  out: Float32Array,
) {
  const { T, B, outDim: O } = plan;
  const pred = acts.subarray(predictionsOffset(plan));
  for (let t = 0; t < T; t++) {
    let [total, counted] = [0, 0];
    for (let b = 0; b < B; b++) {
      let sample = 0;
      if (plan.kinds[t] === 2) {
        const { lse, sumY, sumYZ } = softmaxParts(pred, target, (t * B + b) * O, O);
        sample = lse * sumY - sumYZ;
      } else {
        for (let o = 0; o < O; o++) {
          const k = (t * B + b) * O + o;
          sample += elementLoss(pred[k] as number, target[k] as number, plan.kinds[t] === 1);
        }
        sample /= O;
      }
      const w = plan.weighted ? (weights[t * B + b] as number) : 1;
      total += w * sample;
      counted += w;
    }
    out[t] = plan.weighted ? total / Math.max(counted, 1) : total / B;
  }
}

/** The tasks' loss kinds as a WGSL array (0 mse, 1 bce on logits, 2 softmax). */
export const wgslKinds = (plan: ChainPlan) =>
  `var<private> KINDS : array<i32, ${plan.T}> = array<i32, ${plan.T}>(${plan.kinds.join(', ')});`;

function lossWgsl(plan: ChainPlan): string {
  const { B, outDim: O } = plan;
  return `
    ${WGSL_HELPERS}
    ${wgslKinds(plan)}
    fn predictionsAt(i : i32) -> f32 { return f32(acts[${predictionsOffset(plan)} + i]); }
    fn targetsAt(i : i32) -> f32 { return f32(targets[i]); }
    ${WGSL_LOSS_MATH}
    fn main(index : i32) {
      ${wgslTouch(LOSS_INPUTS)}
      if (index >= ${plan.T}) { return; }
      let kind = KINDS[index];
      var total = 0.0;
      var counted = 0.0;
      for (var b = 0; b < ${B}; b++) {
        var sample = 0.0;
        if (kind == 2) {
          let parts = softmaxParts((index * ${B} + b) * ${O}, ${O});
          sample = parts.x * parts.y - parts.z;
        } else {
          for (var o = 0; o < ${O}; o++) {
            let k = (index * ${B} + b) * ${O} + o;
            sample = sample + elementLoss(predictionsAt(k), targetsAt(k), kind == 1);
          }
          sample = sample / f32(${O});
        }
        let w = ${plan.weighted ? `f32(weights[index * ${B} + b])` : '1.0'};
        total = total + w * sample;
        counted = counted + w;
      }
      result[index] = ${plan.weighted ? 'total / max(counted, 1.0)' : `total / f32(${B})`};
    }
  `;
}

export const CHAIN_LOSS: FusedKernel<PlanAttrs> = {
  name: 'MtlChainLoss',
  inputs: LOSS_INPUTS,
  outputShape: (_, attrs) => [planOf(attrs).T],
  compute([acts, target, weights], out, _, attrs) {
    lossJs(planOf(attrs), acts, target, weights, out);
  },
  webgpu: (_, attrs) => {
    const plan = planOf(attrs);
    return {
      program: {
        variableNames: LOSS_INPUTS,
        outputShape: [plan.T],
        shaderKey: `mtl_chain_loss_${planKey(attrs.plan)}`,
        dispatchLayout: { x: [0] },
        dispatch: [Math.ceil(plan.T / 64), 1, 1],
        workgroupSize: [64, 1, 1],
        size: false,
        getUserCode: () => lossWgsl(plan),
      },
    };
  },
};
