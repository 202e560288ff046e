/**
 * The per-layer sharing mask's network (layer-sharing.card.ts): shared layers in θ, the others stacked
 * [T, ...], then the task heads. Caruana, "Multitask Learning", Machine Learning 28, 1997; Zhang et al.,
 * "Rethinking Hard-Parameter Sharing in Multi-Task Learning", arXiv 2107.11359, 2021.
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { layerSharingCard } from './layer-sharing.card';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyDense, applyLayers, type DenseRef } from './mlp';

export const layerSharing = implementArchitecture(layerSharingCard, {
  build(p, ctx) {
    if (p.shared.length !== p.widths.length)
      throw new Error('layer-sharing: shared and widths differ in length');
    const rng = ctx.rng;
    const layout = new ParamLayout();
    let fanIn = ctx.inputDim;
    const hidden: DenseRef[] = p.widths.map((width, i) => {
      const isShared = p.shared[i] === true;
      const name = `layer${i + 1}`;
      const spec = { name, fanIn, fanOut: width, activation: p.activation };
      fanIn = width;
      return addDense(
        layout,
        rng,
        isShared ? { ...spec, layer: `layer ${i + 1}` } : { ...spec, stack: ctx.numTasks },
      );
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: ctx.numTasks, fanIn, outputDim: ctx.outputDim });
    // The shared representation is the output of the shared bottom: the leading run of shared layers.
    const bottom = p.shared.findIndex((s) => !s);
    const repDepth = bottom < 0 ? p.widths.length : bottom;
    const representationSize = repDepth > 0 ? p.widths[repDepth - 1] : undefined;
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      ...(representationSize === undefined ? {} : { representationSize }),
      // A plain chain of dense layers: the trainer may run its hand-written forward and backward.
      chain: { layers: [...hidden, ...heads], representationDepth: repDepth },
      forward(args) {
        let h: tf.Tensor = args.x;
        hidden.forEach((ref, i) => {
          h = applyDense(h, ref, args);
          if (i === repDepth - 1 && args.probe) h = tf.add(h, args.probe);
        });
        return applyLayers(h, heads, args) as tf.Tensor3D;
      },
    };
  },
});
