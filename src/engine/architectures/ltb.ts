/**
 * Learning to Branch: Guo, Lee and Ulbricht, "Learning to Branch for Multi-Task Learning", ICML 2020. A
 * tree-structured network learned from a fully connected super-graph: every layer has T blocks (as in
 * LibMTL's LTB.py), layer 1's blocks read the inputs, and each block k of a layer l ≥ 2 picks its parent
 * among layer l-1's blocks through branching logits α_l[k, ·] (in θ); task t's head reads block t of the
 * last layer. The paper samples each parent with a Gumbel-softmax whose temperature it anneals, then keeps
 * the argmax tree. Departure: our forward is deterministic (no randomness), so a block reads the expected
 * parent, Σ_j softmax(α_l[k] / τ)_j · h_l-1,j, with the temperature τ a parameter; large logits or a low τ
 * give the hard tree. Logits start at 0, every parent equally likely (LibMTL starts them at 1, the same).
 * Every task's loss depends on every block, so all blocks and α live in θ (only the heads are
 * task-specific) and the stacked-gradient trick costs T², as for cross-stitch.
 * The shared representation is the last layer's T block outputs (T·H features); task t reads block t.
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { spreadOverColumns, taskColumns } from './columns';
import { ParamLayout } from './layout';
import { ltbCard } from './ltb.card';
import { addDense, addHeads, applyDense, applyLayers, type DenseRef } from './mlp';
import { at, bmm } from './ops';

export const ltb = implementArchitecture(ltbCard, {
  build(p, ctx) {
    const T = ctx.numTasks;
    const rng = ctx.rng;
    const layout = new ParamLayout();
    let fanIn = ctx.inputDim;
    const layers: { branch?: number; dense: DenseRef }[] = p.widths.map((width, i) => {
      const l = i + 1;
      const branch =
        l > 1
          ? layout.addShared(`branch${l}.logits`, `branch ${l}`, [T, T], new Float32Array(T * T))
          : undefined;
      const spec = { name: `block.layer${l}`, layer: `layer ${l}`, stack: T, fanIn, fanOut: width };
      fanIn = width;
      const dense = addDense(layout, rng, { ...spec, activation: p.activation });
      return branch === undefined ? { dense } : { branch, dense };
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn, outputDim: ctx.outputDim });
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      representationSize: T * fanIn,
      forward(args) {
        let h = spreadOverColumns(args.x, T) as tf.Tensor; // [S', T or 1, B, D]
        for (const { branch, dense } of layers) {
          if (branch !== undefined) {
            // Row k of the branching matrix [S, T, T] mixes the parents into block k's input.
            const parents = tf.softmax(tf.div(at(args.shared, branch, 'branching logits'), p.temperature));
            const [copies, , batch, width] = h.shape as [number, number, number, number];
            h = bmm(parents, h.reshape([copies, T, batch * width])).reshape([-1, T, batch, width]);
          }
          h = applyDense(h, dense, args); // [S', T, B, w]
        }
        if (args.probe) {
          const [, , batch, width] = h.shape as [number, number, number, number];
          h = tf.add(h, args.probe.reshape([T, batch, T, width]).transpose([0, 2, 1, 3]));
        }
        // Task t reads block t of copy t.
        return applyLayers(taskColumns(h as tf.Tensor4D), heads, args) as tf.Tensor3D;
      },
    };
  },
});
