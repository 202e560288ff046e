/**
 * Customized Gate Control (CGC): Tang, Liu, Zhao and Gong, "Progressive Layered Extraction (PLE): A Novel
 * Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020 (its CGC section). Two
 * kinds of expert MLPs: Es shared experts that every task reads (in θ) and Ek experts of each task's own
 * (task-specific, stacked [T, Ek, ...]). Task t's gate is a softmax over the shared experts and its own,
 * w_t(x) = softmax(W_t x + b_t), and its tower (the head) reads Σ_e w_t,e · expert_e(x) (as in the
 * paper; the gate's bias and its input x follow LibMTL's CGC.py). With Ek = 0 this is MMoE.
 * The shared representation is the shared experts' stacked outputs, Es·H features per sample.
 * `addCgcLevel`/`runCgcLevel` are also PLE's last level (ple.ts); the card, with the parameters and diagram
 * rows PLE shares, is cgc.card.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random/rng';
import { implementArchitecture } from './implement';
import { cgcCard } from './cgc.card';
import { spreadOverColumns } from './columns';
import { addExperts, mix, perSample } from './experts';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyDense, applyLayers, type DenseRef } from './mlp';
import type { Activation } from './specs';
import type { ForwardArgs } from './types';

export interface CgcLevel {
  shared: DenseRef[];
  /** Each task's own experts, [T, Ek, ...]; empty when Ek = 0. */
  own: DenseRef[];
  gate: DenseRef;
  sharedExperts: number;
  taskExperts: number;
  /** Units of an expert output, H. */
  width: number;
}

export function addCgcLevel(
  layout: ParamLayout,
  rng: Rng,
  o: {
    /** Prefix of parameter names ('' or `level2.`) and of gradient groups ('' or `level 2 `). */
    name: string;
    group: string;
    numTasks: number;
    fanIn: number;
    sharedExperts: number;
    taskExperts: number;
    widths: readonly number[];
    activation: Activation;
  },
): CgcLevel {
  const common = { fanIn: o.fanIn, widths: o.widths, activation: o.activation };
  const shared = addExperts(layout, rng, {
    ...common,
    name: `${o.name}shared`,
    layer: `${o.group}shared experts`,
    lead: [o.sharedExperts],
  });
  const own =
    o.taskExperts > 0
      ? addExperts(layout, rng, { ...common, name: `${o.name}own`, lead: [o.numTasks, o.taskExperts] })
      : [];
  const gate = addDense(layout, rng, {
    name: `${o.name}gate`,
    stack: o.numTasks,
    fanIn: o.fanIn,
    fanOut: o.sharedExperts + o.taskExperts,
    activation: 'linear',
  });
  const width = o.widths[o.widths.length - 1] ?? o.fanIn;
  return { shared, own, gate, sharedExperts: o.sharedExperts, taskExperts: o.taskExperts, width };
}

/**
 * The level's per-task outputs [T, B, H]. `sharedIn` [C, B, d] feeds the shared experts; `taskIn`
 * [1 or T, B, d] feeds each task's own experts and its gate (both are the inputs x in plain CGC).
 * `probe` [T, B, Es·H] is added to the shared experts' outputs, expert by expert.
 */
export function runCgcLevel(
  level: CgcLevel,
  sharedIn: tf.Tensor3D,
  taskIn: tf.Tensor3D,
  args: ForwardArgs,
  probe?: tf.Tensor3D,
): tf.Tensor3D {
  const { sharedExperts: Es, taskExperts: Ek, width: H } = level;
  const batch = sharedIn.shape[1];
  let shared = perSample(applyLayers(spreadOverColumns(sharedIn, Es), level.shared, args)); // [C, B, Es, H]
  if (probe) shared = tf.add(shared.reshape([-1, batch, Es * H]), probe).reshape([-1, batch, Es, H]);
  const weights = tf.softmax(applyDense(taskIn, level.gate, args)); // [T, B, Es + Ek]
  if (Ek === 0) return mix(weights, shared) as tf.Tensor3D;
  const [toShared, toOwn] = tf.split(weights, [Es, Ek], 2) as [tf.Tensor, tf.Tensor];
  const own = perSample(applyLayers(spreadOverColumns(taskIn, Ek), level.own, args)); // [T, B, Ek, H]
  return tf.add<tf.Tensor3D>(mix(toShared, shared), mix(toOwn, own));
}

export const cgc = implementArchitecture(cgcCard, {
  build(p, ctx) {
    const layout = new ParamLayout();
    const level = addCgcLevel(layout, ctx.rng, {
      ...p,
      name: '',
      group: '',
      numTasks: ctx.numTasks,
      fanIn: ctx.inputDim,
      widths: p.expertWidths,
    });
    const heads = addHeads(layout, ctx.rng, {
      ...p,
      numTasks: ctx.numTasks,
      fanIn: level.width,
      outputDim: ctx.outputDim,
    });
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      representationSize: p.sharedExperts * level.width,
      forward(args) {
        const mixed = runCgcLevel(level, args.x, args.x, args, args.probe);
        return applyLayers(mixed, heads, args) as tf.Tensor3D;
      },
    };
  },
});
