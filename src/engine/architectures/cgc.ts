/**
 * Customized Gate Control (CGC): Tang, Liu, Zhao and Gong, "Progressive Layered Extraction (PLE): A Novel
 * Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020 (its CGC section). Two
 * kinds of expert MLPs: Es shared experts that every task reads (in θ) and Ek experts of each task's own
 * (task-specific, stacked [T, Ek, ...]). Task t's gate is a softmax over the shared experts and its own,
 * w_t(x) = softmax(W_t x + b_t), and its tower (the head) reads Σ_e w_t,e · expert_e(x) (as in the
 * paper; the gate's bias and its input x follow LibMTL's CGC.py). With Ek = 0 this is MMoE.
 * The shared representation is the shared experts' stacked outputs, Es·H features per sample.
 * `addCgcLevel`/`runCgcLevel` are also PLE's last level (ple.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import { spreadOverColumns } from './columns';
import { headsRow, inputsRow, perTask, widthsText } from './diagram';
import { addExperts, expertCount, expertWidths, mix, perSample } from './experts';
import { ParamLayout } from './layout';
import {
  addDense,
  addHeads,
  applyDense,
  applyLayers,
  headSpecs,
  type Activation,
  type DenseRef,
} from './mlp';
import { defineArchitecture, type DiagramRow, type ForwardArgs } from './types';

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
  return tf.add(mix(toShared, shared), mix(toOwn, own)) as tf.Tensor3D;
}

/** Diagram rows of one level: the experts (shared and each task's own) and the gates. */
export function levelRows(
  p: { sharedExperts: number; taskExperts: number; expertWidths: readonly number[] },
  numTasks: number,
  sharedGate: boolean,
): DiagramRow[] {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const mlp = `MLP ${widthsText(p.expertWidths)}`;
  const experts: DiagramRow = [
    {
      label: plural(p.sharedExperts, 'shared expert'),
      kind: 'expert',
      span: Math.max(p.sharedExperts, 1),
      title: `Shared experts (${mlp}): every task's gate can use them`,
    },
    ...(p.taskExperts > 0
      ? perTask(numTasks, () => ({
          label: plural(p.taskExperts, 'own expert'),
          kind: 'task',
          span: p.taskExperts,
          title: `Experts of {task} alone (${mlp}): only its gate reads them`,
        }))
      : []),
  ];
  const gates = perTask(numTasks, () => ({
    label: 'gate',
    kind: 'gate',
    title: "{task}'s softmax gate over the shared experts and its own",
  }));
  const shared: DiagramRow = sharedGate
    ? [{ label: 'shared gate', kind: 'gate', title: 'Mixes every expert into the next level’s shared input' }]
    : [];
  return [experts, [...gates, ...shared]];
}

export const cgcParams = {
  sharedExperts: expertCount(
    'Shared experts',
    'Expert networks that every task’s gate can use (DeepCTR’s PLE default: 1).',
    1,
    1,
  ),
  taskExperts: expertCount(
    'Experts per task',
    'Expert networks of each task’s own, read only by its gate. 0 turns CGC into MMoE.',
    0,
    1,
  ),
  expertWidths,
  ...headSpecs,
};

export const cgc = defineArchitecture({
  id: 'cgc',
  label: 'Customized gate control (CGC)',
  group: 'expert',
  summary:
    'Shared experts plus experts owned by each task; each task’s gate mixes the shared ones with its own, so tasks keep private capacity and do not fight over the shared experts.',
  citation:
    'Tang et al., "Progressive Layered Extraction (PLE): A Novel Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020',
  params: cgcParams,
  stackedCost: 'linear',
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
  diagram: (p, numTasks) => [inputsRow(), ...levelRows(p, numTasks, false), headsRow(numTasks, p.headLayers)],
});
