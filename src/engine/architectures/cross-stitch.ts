/**
 * Cross-stitch networks: Misra, Shrivastava, Gupta and Hebert, "Cross-stitch Networks for Multi-task
 * Learning", CVPR 2016. One MLP column per task; after each hidden layer a cross-stitch unit α [T, T]
 * mixes the columns, h'_t = Σ_s α_ts h_s. Every task's loss depends on every column, so all column weights
 * and every α live in θ (only the heads are task-specific); with S = T copies each copy computes all T
 * columns, hence the quadratic cost of the stacked-gradient trick.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { spreadOverColumns, taskColumns } from './columns';
import { crossStitchCard } from './cross-stitch.card';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyDense, applyLayers, type DenseRef } from './mlp';
import { at, bmm } from './ops';

/** α's initial value: `diagonal` on the diagonal and the rest of each row spread evenly (rows sum to 1). */
export function stitchInit(numTasks: number, diagonal: number): Float32Array {
  const off = numTasks > 1 ? (1 - diagonal) / (numTasks - 1) : 0;
  const d = numTasks > 1 ? diagonal : 1;
  return Float32Array.from({ length: numTasks * numTasks }, (_, i) => (i % (numTasks + 1) === 0 ? d : off));
}

export const crossStitch = implementArchitecture(crossStitchCard, {
  build(p, ctx) {
    const T = ctx.numTasks;
    const rng = ctx.rng;
    const layout = new ParamLayout();
    let fanIn = ctx.inputDim;
    const layers: { dense: DenseRef; alpha: number }[] = p.widths.map((width, i) => {
      const l = i + 1;
      const spec = { name: `column.layer${l}`, layer: `layer ${l}`, stack: T, fanIn, fanOut: width };
      fanIn = width;
      const dense = addDense(layout, rng, { ...spec, activation: p.activation });
      const alpha = layout.addShared(
        `stitch${l}.alpha`,
        `stitch ${l}`,
        [T, T],
        stitchInit(T, p.alphaDiagonal),
      );
      return { dense, alpha };
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn, outputDim: ctx.outputDim });
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      forward(args) {
        let h = spreadOverColumns(args.x, T) as tf.Tensor;
        for (const { dense, alpha } of layers) {
          h = applyDense(h, dense, args);
          // Stitch: [S, T, T] x [S', T, B·H]: row t of α mixes the columns into column t.
          const [copies, , batch, width] = h.shape as [number, number, number, number];
          const mixed = bmm(at(args.shared, alpha, 'alpha'), h.reshape([copies, T, batch * width]));
          h = mixed.reshape([-1, T, batch, width]);
        }
        return applyLayers(taskColumns(h as tf.Tensor4D), heads, args) as tf.Tensor3D;
      },
    };
  },
});
