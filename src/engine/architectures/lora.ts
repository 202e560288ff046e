/**
 * Task-specific low-rank adapters on a shared MLP: the update of Hu et al., "LoRA: Low-Rank Adaptation of
 * Large Language Models", ICLR 2022, given to each task, as LoRA-based multi-task models do (e.g. Agiza,
 * Neseem and Reda, "MTLoRA: Low-Rank Adaptation Approach for Efficient Multi-Task Learning", CVPR 2024).
 * Every hidden layer has shared weights W_l, b_l (in θ) and task t adds its own rank-r update:
 *   h_t,l = act(h_t,l-1 (W_l + (α/r) A_t,l B_t,l) + b_l),   A [in, r], B [r, out] task-specific.
 * As in LoRA (and microsoft/LoRA's loralib), B starts at zero, so training starts from the shared net, and
 * A ~ U(±1/√in) (kaiming_uniform with a = √5). Unlike LoRA, nothing here is pretrained, so W trains along
 * with the adapters instead of being frozen. Each task's stream is its own from layer 2 on (the adapters
 * change it), so the shared weights meet task-specific features and there is no shared representation.
 */
import * as tf from '@tensorflow/tfjs';
import { int, num } from '../params/spec';
import { headsRow, inputsRow, perTask } from './diagram';
import { ParamLayout } from './layout';
import {
  activate,
  addDense,
  addHeads,
  applyLayers,
  headSpecs,
  hiddenWidths,
  param,
  type DenseRef,
} from './mlp';
import { at, bmm } from './ops';
import { defineArchitecture } from './types';

export const lora = defineArchitecture({
  id: 'lora',
  label: 'Low-rank task adapters (LoRA)',
  group: 'soft',
  summary:
    'One shared network; each task adds its own low-rank correction to every shared layer’s weights, a cheap way to let tasks differ while sharing almost everything.',
  citation:
    'Hu et al., "LoRA: Low-Rank Adaptation of Large Language Models", ICLR 2022; Agiza, Neseem and Reda, "MTLoRA: Low-Rank Adaptation Approach for Efficient Multi-Task Learning", CVPR 2024',
  params: {
    widths: hiddenWidths(
      'Hidden widths',
      'Units in each shared hidden layer, bottom first; every layer gets one low-rank adapter per task.',
    ),
    rank: int({
      label: 'Rank r',
      help: 'Rank of each task’s update A·B to a layer’s weights: its task-specific parameters per layer are r·(in + out).',
      min: 1,
      max: 64,
      default: 4,
    }),
    alpha: num({
      label: 'Scale α',
      help: 'The update is scaled by α/r. LoRA sets α to the first rank tried and keeps it, so changing r needs no new learning rate.',
      min: 0.01,
      max: 256,
      scale: 'log',
      default: 4,
    }),
    ...headSpecs,
  },
  stackedCost: 'linear',
  build(p, ctx) {
    const T = ctx.numTasks;
    const rng = ctx.rng;
    const layout = new ParamLayout();
    const r = p.rank;
    let fanIn = ctx.inputDim;
    const layers: { dense: DenseRef; a: number; b: number }[] = p.widths.map((width, i) => {
      const name = `layer${i + 1}`;
      const dense = addDense(layout, rng, {
        name,
        layer: `layer ${i + 1}`,
        fanIn,
        fanOut: width,
        activation: p.activation,
      });
      const limit = 1 / Math.sqrt(fanIn);
      const a = layout.addTask(
        `${name}.loraA`,
        [T, fanIn, r],
        rng.uniformArray(T * fanIn * r, -limit, limit),
      );
      const b = layout.addTask(`${name}.loraB`, [T, r, width], new Float32Array(T * r * width));
      fanIn = width;
      return { dense, a, b };
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn, outputDim: ctx.outputDim });
    const scale = p.alpha / r;
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      forward(args) {
        const task = (i: number) => at(args.taskParams, i, 'adapter');
        let h: tf.Tensor = args.x; // [Sx, B, D], then [T, B, w]
        for (const { dense, a, b } of layers) {
          const base = bmm(h, param(args, dense.kernel)); // [S', B, out]
          const update = tf.mul(bmm(bmm(h, task(a)), task(b)), scale); // [T, B, out]
          const bias = param(args, dense.bias).expandDims(1);
          h = activate(tf.add(tf.add(base, update), bias), dense.activation);
        }
        return applyLayers(h, heads, args) as tf.Tensor3D;
      },
    };
  },
  diagram: (p, numTasks) => [
    inputsRow(),
    ...p.widths.flatMap((width, l) => [
      [
        {
          label: `layer ${l + 1}: ${width} units, shared`,
          kind: 'shared' as const,
          title: 'Shared weights W and bias b, used by every task',
        },
      ],
      perTask(numTasks, () => ({
        label: `+ rank-${p.rank} A·B`,
        kind: 'task',
        title: `{task}'s low-rank update (α/r)·A·B to layer ${l + 1}'s weights (B starts at 0)`,
      })),
    ]),
    headsRow(numTasks, p.headLayers),
  ],
});
