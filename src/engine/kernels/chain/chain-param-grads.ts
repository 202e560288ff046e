/**
 * MtlChainParamGrads: the parameter gradients of every task from the fused pass's buffers, one thread per
 * output element, each a sum over the batch:
 *
 *   kernel W_l [in, out]:  ∂L_t/∂W_l[i, j] = Σ_b h_l[t, b, i] · z̄_l[t, b, j]   (h_0 = x, else acts block l − 1)
 *   bias   b_l [out]:      ∂L_t/∂b_l[j]    = Σ_b z̄_l[t, b, j]
 *
 * One dispatch writes G [T, P], every shared segment in θ's order (attribute `target` = -1); one more per
 * task-specific tensor writes its gradient [T, ...] (`target` = its slot). The products and sums that
 * dense-chain-gradients.ts takes per layer (hᵀ z̄, Σ_B z̄) and the Concat of G's segments, in one kernel.
 */
import type { FusedKernel } from '../fused-kernel';
import { WGSL_HELPERS } from '../webgpu-program';
import { planKey, planOf, wgslTouch } from './chain-code';
import { copyOf, type ChainPlan, type PlannedLayer } from './chain-plan';

type GradAttrs = { plan: string; target: number };
export const PARAM_GRAD_INPUTS = ['x', 'acts', 'dz'];

/** A run of output columns: layer `layer`'s kernel or bias, starting at column `start`. */
interface Piece {
  start: number;
  size: number;
  layer: number;
  bias: boolean;
}

/** The pieces of G (target -1: every shared kernel and bias at its θ offset) or of task tensor `target`. */
export function piecesOf(plan: ChainPlan, target: number): Piece[] {
  const pieces: Piece[] = [];
  plan.layers.forEach((layer, l) => {
    for (const bias of [false, true]) {
      const src = bias ? layer.bias : layer.kernel;
      const size = bias ? layer.out : layer.in * layer.out;
      if (target < 0 && src.role === 'shared') pieces.push({ start: src.offset, size, layer: l, bias });
      if (target >= 0 && src.role === 'task' && src.slot === target)
        pieces.push({ start: 0, size, layer: l, bias });
    }
  });
  return pieces.sort((a, b) => a.start - b.start);
}

const columnsOf = (pieces: Piece[]) => pieces.reduce((n, p) => Math.max(n, p.start + p.size), 0);

/** Where row (t, b) of layer l's input starts: x for the first layer, else the layer below's outputs. */
function inputRow(plan: ChainPlan, l: number, t: number, b: number): { fromX: boolean; at: number } {
  const layer = plan.layers[l] as PlannedLayer;
  const row = (copyOf(layer.inCopies, t) * plan.B + b) * layer.in;
  return l === 0
    ? { fromX: true, at: row }
    : { fromX: false, at: (plan.layers[l - 1] as PlannedLayer).actOffset + row };
}

function paramGradsJs(
  plan: ChainPlan,
  target: number,
  x: Float32Array,
  acts: Float32Array,
  dz: Float32Array,
  out: Float32Array,
) {
  const pieces = piecesOf(plan, target);
  const N = columnsOf(pieces);
  const { T, B } = plan;
  for (let t = 0; t < T; t++)
    for (const p of pieces) {
      const layer = plan.layers[p.layer] as PlannedLayer;
      for (let r = 0; r < p.size; r++) {
        const [i, j] = p.bias ? [0, r] : [Math.floor(r / layer.out), r % layer.out];
        let acc = 0;
        for (let b = 0; b < B; b++) {
          const d = dz[layer.dzOffset + (t * B + b) * layer.out + j] as number;
          if (p.bias) acc += d;
          else {
            const row = inputRow(plan, p.layer, t, b);
            acc += ((row.fromX ? x : acts)[row.at + i] as number) * d;
          }
        }
        out[t * N + p.start + r] = acc;
      }
    }
}

function paramGradsWgsl(plan: ChainPlan, target: number): string {
  const pieces = piecesOf(plan, target);
  const N = columnsOf(pieces);
  const { B } = plan;
  const branches = pieces.map((p) => {
    const layer = plan.layers[p.layer] as PlannedLayer;
    const dz = `f32(dz[${layer.dzOffset} + (t * ${B} + b) * ${layer.out} + j])`;
    const copy = layer.inCopies === 1 ? '0' : 't';
    const h =
      p.layer === 0
        ? `f32(x[(${copy} * ${B} + b) * ${layer.in} + i])`
        : `f32(acts[${(plan.layers[p.layer - 1] as PlannedLayer).actOffset} + (${copy} * ${B} + b) * ${layer.in} + i])`;
    return `if (q >= ${p.start} && q < ${p.start + p.size}) {
        let r = q - ${p.start};
        let i = ${p.bias ? '0' : `r / ${layer.out}`};
        let j = ${p.bias ? 'r' : `r % ${layer.out}`};
        for (var b = 0; b < ${B}; b = b + 1) { acc = acc + ${p.bias ? dz : `${h} * ${dz}`}; }
      }`;
  });
  return `
    ${WGSL_HELPERS}
    fn main(index : i32) {
      ${wgslTouch(PARAM_GRAD_INPUTS)}
      if (index >= ${plan.T * N}) { return; }
      let t = index / ${N};
      let q = index % ${N};
      var acc = 0.0;
      ${branches.join(' else ')}
      result[index] = acc;
    }
  `;
}

const MAX_GROUPS = 65535;

export const CHAIN_PARAM_GRADS: FusedKernel<GradAttrs> = {
  name: 'MtlChainParamGrads',
  inputs: PARAM_GRAD_INPUTS,
  outputShape: (_, attrs) => [planOf(attrs).T, columnsOf(piecesOf(planOf(attrs), attrs.target))],
  compute([x, acts, dz], out, _, attrs) {
    paramGradsJs(planOf(attrs), attrs.target, x, acts, dz, out);
  },
  webgpu: (_, attrs) => {
    const plan = planOf(attrs);
    const N = columnsOf(piecesOf(plan, attrs.target));
    const groups = Math.ceil((plan.T * N) / 64);
    return {
      program: {
        variableNames: PARAM_GRAD_INPUTS,
        outputShape: [plan.T, N],
        shaderKey: `mtl_chain_param_grads_${attrs.target}_${planKey(attrs.plan)}`,
        dispatchLayout: { x: [0, 1] },
        dispatch: [Math.min(groups, MAX_GROUPS), Math.ceil(groups / MAX_GROUPS), 1],
        workgroupSize: [64, 1, 1],
        size: false,
        getUserCode: () => paramGradsWgsl(plan, attrs.target),
      },
    };
  },
};
