/**
 * MtlChainBackward: every task's cotangents through the whole chain in one dispatch. Workgroup (t, b) starts
 * from ∂L_t/∂pred for its row (the slopes and scales of kernels/task-loss.ts's MtlTaskLossGrad: mse 2(z − y),
 * bce σ(z) − y, softmax softmax(z)·Σy − y; 1/(B·O), or w/(max(Σ w, 1)·O) with weights, no 1/O for softmax)
 * and walks down the layers:
 *
 *   z̄_l = c ⊙ f_l'(h_{l+1})    written to dz block l [T, B, out_l]
 *   c   ← z̄_l W_lᵀ             (not below layer 0: x is data)
 *
 * with c and z̄ in workgroup memory. What dense-chain-gradients.ts computes with an activation-gradient
 * kernel and a product per layer; the weight gradients are chain-param-grads.ts's sums over the rows.
 * Inputs: acts (chain-forward.ts), targets [T, B, O], weights [T, B] (or any tensor when unweighted), θ, and
 * the kernels of task-specific layers above the first, k0 and k1.
 */
import type { FusedKernel } from '../fused-kernel';
import { sigmoid, softmaxParts } from '../task-loss';
import { WGSL_HELPERS } from '../webgpu-program';
import { jsParam, jsSlope, KERNEL_SLOTS, planOf, wgslParam, wgslSlope, wgslTouch } from './chain-code';
import { rowProgram } from './chain-forward';
import { predictionsOffset, wgslKinds } from './chain-loss';
import { copyOf, type ChainPlan, type PlannedLayer } from './chain-plan';

type PlanAttrs = { plan: string };
export const BACKWARD_INPUTS = ['acts', 'targets', 'weights', 'theta', ...KERNEL_SLOTS];

/** The backward kernel reads a task layer's kernel from its own slot (k0, k1), not the forward's p-slot. */
const kernelSource = (layer: PlannedLayer) =>
  layer.kernel.role === 'shared' ? layer.kernel : { role: 'task' as const, slot: layer.kernelSlot };

function lossSlopesJs(
  plan: ChainPlan,
  acts: Float32Array,
  target: Float32Array,
  weights: Float32Array,
  t: number,
  b: number,
) {
  const { B, outDim: O } = plan;
  const pred = acts.subarray(predictionsOffset(plan));
  let counted = 0;
  if (plan.weighted) for (let i = 0; i < B; i++) counted += weights[t * B + i] as number;
  const perOutput = plan.kinds[t] === 2 ? 1 : O;
  const scale = plan.weighted
    ? (weights[t * B + b] as number) / (Math.max(counted, 1) * perOutput)
    : 1 / (B * perOutput);
  const parts = plan.kinds[t] === 2 ? softmaxParts(pred, target, (t * B + b) * O, O) : null;
  return Float32Array.from({ length: O }, (_, o) => {
    const k = (t * B + b) * O + o;
    const [z, y] = [pred[k] as number, target[k] as number];
    const slope = parts
      ? Math.exp(z - parts.lse) * parts.sumY - y
      : plan.kinds[t] === 1
        ? sigmoid(z) - y
        : 2 * (z - y);
    return slope * scale;
  });
}

function backwardJs(plan: ChainPlan, inputs: Float32Array[], dz: Float32Array) {
  const [acts, target, weights, theta, ...kernels] = inputs as [
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
    ...Float32Array[],
  ];
  const { T, B } = plan;
  const at = (slot: number) => kernels[slot] as Float32Array;
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++) {
      let c = lossSlopesJs(plan, acts, target, weights, t, b);
      for (let l = plan.layers.length - 1; l >= 0; l--) {
        const layer = plan.layers[l] as PlannedLayer;
        const h = layer.actOffset + (copyOf(layer.outCopies, t) * B + b) * layer.out;
        const z = Float32Array.from(c, (v, j) => v * jsSlope(layer.activation, acts[h + j] as number));
        dz.set(z, layer.dzOffset + (t * B + b) * layer.out);
        if (l === 0) break;
        const size = layer.in * layer.out;
        c = Float32Array.from({ length: layer.in }, (_, i) => {
          let acc = 0;
          for (let j = 0; j < layer.out; j++)
            acc += (z[j] as number) * jsParam(kernelSource(layer), theta, at, t, i * layer.out + j, size);
          return acc;
        });
      }
    }
}

function backwardWgsl(plan: ChainPlan): string {
  const { B, outDim: O } = plan;
  const steps = plan.layers
    .map((layer, l) => {
      const h = `f32(acts[${layer.actOffset} + (${layer.outCopies === 1 ? '0' : 't'} * ${B} + b) * ${layer.out} + j])`;
      const kernel = wgslParam(
        kernelSource(layer),
        't',
        `i * ${layer.out} + j`,
        layer.in * layer.out,
        (s) => KERNEL_SLOTS[s] as string,
      );
      const below =
        l === 0
          ? ''
          : `
      for (var i = lid; i < ${layer.in}; i = i + 64) {
        var acc = 0.0;
        for (var j = 0; j < ${layer.out}; j = j + 1) { acc = acc + dzRow[j] * ${kernel}; }
        cot[i] = acc;
      }
      workgroupBarrier();`;
      return `
      for (var j = lid; j < ${layer.out}; j = j + 64) {
        let hv = ${h};
        let d = cot[j] * ${wgslSlope(layer.activation, 'hv')};
        dzRow[j] = d;
        result[${layer.dzOffset} + (t * ${B} + b) * ${layer.out} + j] = d;
      }
      workgroupBarrier();${below}`;
    })
    .reverse();
  return `
    ${WGSL_HELPERS}
    ${wgslKinds(plan)}
    var<workgroup> cot : array<f32, ${plan.maxWidth}>;
    var<workgroup> dzRow : array<f32, ${plan.maxWidth}>;
    fn predAt(k : i32) -> f32 { return f32(acts[${predictionsOffset(plan)} + k]); }
    fn main(index : i32) {
      let t = i32(workgroupId.x) / ${B};
      let b = i32(workgroupId.x) % ${B};
      let lid = i32(localIndex);
      ${wgslTouch(BACKWARD_INPUTS)}
      let kind = KINDS[t];
      let row0 = (t * ${B} + b) * ${O};
      var perOutput = f32(${O});
      var lse = 0.0;
      var sumY = 0.0;
      if (kind == 2) {
        perOutput = 1.0;
        var m = predAt(row0);
        for (var o = 1; o < ${O}; o++) { m = max(m, predAt(row0 + o)); }
        var sumExp = 0.0;
        for (var o = 0; o < ${O}; o++) {
          sumExp = sumExp + exp(predAt(row0 + o) - m);
          sumY = sumY + f32(targets[row0 + o]);
        }
        lse = m + log(sumExp);
      }
      var scale = 1.0 / (f32(${B}) * perOutput);
      ${
        plan.weighted
          ? `var counted = 0.0;
      for (var i = 0; i < ${B}; i++) { counted = counted + f32(weights[t * ${B} + i]); }
      scale = f32(weights[t * ${B} + b]) / (max(counted, 1.0) * perOutput);`
          : ''
      }
      for (var o = lid; o < ${O}; o = o + 64) {
        let z = predAt(row0 + o);
        let y = f32(targets[row0 + o]);
        var slope = (z - y) * 2.0;
        if (kind == 1) { slope = sigmoidStable(z) - y; }
        if (kind == 2) { slope = exp(z - lse) * sumY - y; }
        cot[o] = slope * scale;
      }
      workgroupBarrier();
      ${steps.join('\n')}
    }
  `;
}

export const CHAIN_BACKWARD: FusedKernel<PlanAttrs> = {
  name: 'MtlChainBackward',
  inputs: BACKWARD_INPUTS,
  outputShape: (_, attrs) => [planOf(attrs).dzSize],
  compute(inputs, out, _, attrs) {
    backwardJs(planOf(attrs), inputs, out);
  },
  webgpu: (_, attrs) => {
    const plan = planOf(attrs);
    return {
      program: rowProgram(
        'chain_backward',
        attrs.plan,
        BACKWARD_INPUTS,
        plan.dzSize,
        backwardWgsl(plan),
        plan.T * plan.B,
      ),
    };
  },
};
