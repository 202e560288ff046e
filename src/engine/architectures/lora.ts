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
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { ParamLayout } from './layout';
import { loraCard } from './lora.card';
import { activate, addDense, addHeads, applyLayers, param, type DenseRef } from './mlp';
import { at, bmm } from './ops';

export const lora = implementArchitecture(loraCard, {
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
          const constantA = h === args.x; // the input batch: no gradient computed for it
          const base = bmm(h, param(args, dense.kernel), { constantA }); // [S', B, out]
          const update = tf.mul(bmm(bmm(h, task(a), { constantA }), task(b)), scale); // [T, B, out]
          const bias = param(args, dense.bias).expandDims(1);
          h = activate(tf.add(tf.add(base, update), bias), dense.activation);
        }
        return applyLayers(h, heads, args) as tf.Tensor3D;
      },
    };
  },
});
