/**
 * DSelect-k: Hazimeh, Zhao, Chowdhery, Sathiamoorthy, Chen, Mazumder, Hong and Chi, "DSelect-k:
 * Differentiable Selection in the Mixture of Experts with Applications to Multi-Task Learning", NeurIPS
 * 2021. E shared experts (in θ) as in MMoE, but each task's gate (task-specific) selects at most k of them.
 * It has k single-expert selectors; selector i encodes an expert index in m = ⌈log2 E⌉ smooth-step "bits",
 * r_i(e) = Π_j (bit_j(e) ? S(z_ij) : 1 - S(z_ij)), with S the cubic smooth step of width γ (0 below -γ/2,
 * 1 above γ/2), and the gate is Σ_i softmax(w)_i r_i. Followed from google-research's dselect_k_moe.py:
 * bits most significant first, z ~ U(±γ/100), w ~ U(±0.05); `routing: task` is its task-only (static)
 * gate, `example` its example-conditioned gate, whose z and w are dense layers of the input (as LibMTL's
 * DSelect_k.py uses).
 * Departures: the reference's entropy regulariser (weight 1e-6, speeds up each selector's convergence to
 * one expert) is left out, because forward returns outputs and not extra losses. When E is not a power of
 * two the reference adds a 1/Σ(reachable weight) loss to keep selectors off the 2^m - E unused codes;
 * here code c ≥ E selects expert c - E instead, so the weights always sum to 1 and a saturated selector
 * still picks exactly one expert.
 * The shared representation is the experts' stacked outputs, E·H features per sample.
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { spreadOverColumns } from './columns';
import { dselectKCard } from './dselect-k.card';
import { addExperts, mix, perSample } from './experts';
import { ParamLayout, sizeOf } from './layout';
import { addHeads, applyLayers } from './mlp';
import { at, bmm } from './ops';

/** The cubic smooth step: 0 at z ≤ -γ/2, 1 at z ≥ γ/2, C¹ (its slope is 0 at both ends, so clipping is exact). */
export function smoothStep(z: tf.Tensor, gamma: number): tf.Tensor {
  const t = tf.clipByValue(z, -gamma / 2, gamma / 2);
  return tf.add(tf.add(tf.mul(tf.pow(t, 3), -2 / gamma ** 3), tf.mul(t, 3 / (2 * gamma))), 0.5);
}

/**
 * Expert weights [..., E] from selector logits z [..., k, m] and selector-weight logits w [..., k] (none
 * when k = 1): non-negative, summing to 1 (codes beyond E fold back onto experts c - E).
 */
export function dselectWeights(
  z: tf.Tensor,
  w: tf.Tensor | undefined,
  experts: number,
  gamma: number,
): tf.Tensor {
  const m = z.shape[z.rank - 1] ?? 0;
  const s = smoothStep(z, gamma);
  const lead = z.shape.slice(0, -1); // [..., k]
  // r over the 2^m codes, bit by bit, most significant first: [..., k, 2^j] -> [..., k, 2^(j+1)].
  let r: tf.Tensor = tf.ones([...lead, 1]);
  // (A split into one piece breaks SplitV's gradient in tfjs 4.22, hence the m = 1 case.)
  for (const bit of m === 1 ? [s] : tf.split(s, m, z.rank - 1)) {
    const pair = tf.concat([tf.sub(1, bit), bit], -1); // [..., k, 2]: the bit is 0 or 1
    r = tf.mul(r.expandDims(-1), pair.expandDims(-2)).reshape([...lead, -1]);
  }
  const codes = 2 ** m;
  if (codes !== experts) {
    const fold = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: codes }, (_, c) => c % experts),
        'int32',
      ),
      experts,
    );
    r = tf.matMul(r.reshape([-1, codes]), fold.toFloat()).reshape([...lead, experts]);
  }
  // One selector needs no selector weights (softmax over one logit is 1).
  return w === undefined ? r.squeeze([r.rank - 2]) : mix(tf.softmax(w), r);
}

/** Where a gate's logits live: the static logits, or a dense layer of the input. */
interface Logits {
  kernel: number;
  bias?: number;
}

export const dselectK = implementArchitecture(dselectKCard, {
  build(p, ctx) {
    const [T, E, k] = [ctx.numTasks, p.experts, p.k];
    const rng = ctx.rng;
    const layout = new ParamLayout();
    const experts = addExperts(layout, rng, {
      name: 'experts',
      layer: 'experts',
      lead: [E],
      fanIn: ctx.inputDim,
      widths: p.expertWidths,
      activation: p.activation,
    });
    const H = p.expertWidths[p.expertWidths.length - 1] ?? ctx.inputDim;
    const m = Math.ceil(Math.log2(E));
    const byInput = p.routing === 'example';
    const uniform = (name: string, shape: number[], limit: number) =>
      layout.addTask(name, [T, ...shape], rng.uniformArray(T * sizeOf(shape), -limit, limit));
    // Static: the logits themselves. Per example: dense layers of x, kernel and bias drawn alike. With
    // k = 1 there are no selector weights (a softmax over one logit is 1: its gradient would be 0).
    const logits = (name: string, shape: number[], limit: number): Logits =>
      byInput
        ? {
            kernel: uniform(`${name}.kernel`, [ctx.inputDim, sizeOf(shape)], limit),
            bias: uniform(`${name}.bias`, [sizeOf(shape)], limit),
          }
        : { kernel: uniform(name, shape, limit) };
    const z = logits('gate.z', [k, m], p.gamma / 100);
    const w = k > 1 ? logits('gate.w', [k], 0.05) : undefined;
    const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn: H, outputDim: ctx.outputDim });
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      representationSize: E * H,
      forward(args) {
        const batch = args.x.shape[1];
        let rep = perSample(applyLayers(spreadOverColumns(args.x, E), experts, args)); // [S', B, E, H]
        if (args.probe) rep = tf.add(rep.reshape([-1, batch, E * H]), args.probe).reshape([-1, batch, E, H]);
        const task = (i: number) => at(args.taskParams, i, 'gate parameter');
        const read = (ref: Logits, shape: number[]) =>
          ref.bias === undefined
            ? task(ref.kernel).reshape([T, 1, ...shape])
            : tf
                .add(bmm(args.x, task(ref.kernel), { constantA: true }), task(ref.bias).expandDims(1))
                .reshape([T, batch, ...shape]);
        const weights = dselectWeights(read(z, [k, m]), w && read(w, [k]), E, p.gamma);
        return applyLayers(mix(weights, rep), heads, args) as tf.Tensor3D; // [T, 1 or B, E] mixes [., B, E, H]
      },
    };
  },
});
