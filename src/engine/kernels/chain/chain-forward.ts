/**
 * MtlChainForward: a dense chain's whole forward pass in one dispatch. Workgroup (t, b) computes task t's
 * view of sample b through every layer, h_{l+1} = act(h_l W_l + b_l), keeping the row in workgroup memory
 * between layers (64 threads share the output units; a barrier between layers), and writes each layer's
 * output to its block of acts (chain-plan.ts). A layer whose stream is still shared is written once, by the
 * workgroups of task 0; the others compute it too (a shared trunk is computed T times, which for the small
 * models this pass is for costs less than the dispatches it saves: tfjs's composition takes a SplitV of θ
 * with one copy per segment and one product per layer).
 *
 * Kernels and biases are read in place: a shared one from θ [1, P] at its offset, a task-specific one from
 * its tensor [T, ...]. Inputs: x [1 or T, B, in], θ, and up to four task tensors p0 … p3 (unused slots are
 * bound to θ).
 */
import type { FusedKernel } from '../fused-kernel';
import { WGSL_HELPERS, type WebGPUProgramSpec } from '../webgpu-program';
import {
  jsActivation,
  jsParam,
  planKey,
  planOf,
  ROW_WORKGROUP,
  TASK_SLOTS,
  WGSL_TANH,
  wgslActivation,
  wgslParam,
  wgslTouch,
} from './chain-code';
import { copyOf, type ChainPlan } from './chain-plan';

type PlanAttrs = { plan: string };
export const FORWARD_INPUTS = ['x', 'theta', ...TASK_SLOTS];

function forwardJs(
  plan: ChainPlan,
  x: Float32Array,
  theta: Float32Array,
  task: Float32Array[],
  acts: Float32Array,
) {
  const { T, B } = plan;
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++) {
      let row = x.subarray((copyOf(plan.layers[0]?.inCopies ?? 1, t) * B + b) * plan.inDim);
      for (const layer of plan.layers) {
        const out = new Float32Array(layer.out);
        const at = (slot: number) => task[slot] as Float32Array;
        for (let j = 0; j < layer.out; j++) {
          let acc = jsParam(layer.bias, theta, at, t, j, layer.out);
          for (let i = 0; i < layer.in; i++)
            acc +=
              (row[i] as number) *
              jsParam(layer.kernel, theta, at, t, i * layer.out + j, layer.in * layer.out);
          out[j] = jsActivation(layer.activation, acc);
        }
        if (layer.outCopies === T || t === 0)
          acts.set(out, layer.actOffset + (copyOf(layer.outCopies, t) * B + b) * layer.out);
        row = out;
      }
    }
}

function forwardWgsl(plan: ChainPlan): string {
  const { T, B } = plan;
  const rows = ['rowA', 'rowB'];
  const layers = plan.layers.map((layer, l) => {
    const input =
      l === 0
        ? `f32(x[(${layer.inCopies === 1 ? '0' : 't'} * ${B} + b) * ${layer.in} + i])`
        : `${rows[(l - 1) % 2]}[i]`;
    const param = (slot: number) => TASK_SLOTS[slot] as string;
    const bias = wgslParam(layer.bias, 't', 'j', layer.out, param);
    const kernel = wgslParam(layer.kernel, 't', `i * ${layer.out} + j`, layer.in * layer.out, param);
    const shared = layer.outCopies === 1 && T > 1;
    const copy = shared ? '0' : 't';
    return `
      for (var j = lid; j < ${layer.out}; j = j + ${ROW_WORKGROUP}) {
        var acc = ${bias};
        for (var i = 0; i < ${layer.in}; i = i + 1) { acc = acc + ${input} * ${kernel}; }
        let v = ${wgslActivation(layer.activation, 'acc')};
        ${rows[l % 2]}[j] = v;
        ${shared ? 'if (t == 0) ' : ''}{ result[${layer.actOffset} + (${copy} * ${B} + b) * ${layer.out} + j] = v; }
      }
      workgroupBarrier();`;
  });
  return `
    ${WGSL_HELPERS}
    ${WGSL_TANH}
    var<workgroup> rowA : array<f32, ${plan.maxWidth}>;
    var<workgroup> rowB : array<f32, ${plan.maxWidth}>;
    fn main(index : i32) {
      let t = i32(workgroupId.x) / ${B};
      let b = i32(workgroupId.x) % ${B};
      let lid = i32(localIndex);
      ${wgslTouch(FORWARD_INPUTS)}
      ${layers.join('\n')}
    }
  `;
}

/** A program of T·B workgroups, one per (task, sample) row, for the chain kernels. */
export function rowProgram(
  name: string,
  planText: string,
  inputs: readonly string[],
  outputSize: number,
  code: string,
  rows: number,
): WebGPUProgramSpec {
  return {
    variableNames: [...inputs],
    outputShape: [outputSize],
    shaderKey: `mtl_${name}_${planKey(planText)}`,
    dispatchLayout: { x: [0] },
    dispatch: [rows, 1, 1],
    workgroupSize: [ROW_WORKGROUP, 1, 1],
    size: false,
    getUserCode: () => code,
  };
}

export const CHAIN_FORWARD: FusedKernel<PlanAttrs> = {
  name: 'MtlChainForward',
  inputs: FORWARD_INPUTS,
  outputShape: (_, attrs) => [planOf(attrs).actSize],
  compute([x, theta, ...task], out, _, attrs) {
    forwardJs(planOf(attrs), x, theta, task, out);
  },
  webgpu: (_, attrs) => {
    const plan = planOf(attrs);
    return {
      program: rowProgram(
        'chain_forward',
        attrs.plan,
        FORWARD_INPUTS,
        plan.actSize,
        forwardWgsl(plan),
        plan.T * plan.B,
      ),
    };
  },
};
