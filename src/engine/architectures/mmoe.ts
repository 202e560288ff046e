/**
 * Multi-gate Mixture-of-Experts: Ma, Zhao, Yi, Chen, Hong and Chi, "Modeling Task Relationships in
 * Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018. E expert MLPs shared by all tasks
 * (in θ); each task has its own softmax gate over the experts (task-specific) and its own tower (the head).
 * The shared representation is the experts' stacked outputs, E·H features per sample.
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { spreadOverColumns } from './columns';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyLayers, param, type DenseRef } from './mlp';
import { mmoeCard } from './mmoe.card';
import { bmm } from './ops';

/**
 * Gate weights [T, B, E] = softmax(x W_t + b_t) for kernel [T, D, E], bias [T, E] and the input batch
 * x [Sx, B, D] (a constant: no gradient is computed for it).
 */
export function gateWeights(x: tf.Tensor3D, kernel: tf.Tensor, bias: tf.Tensor): tf.Tensor3D {
  return tf.softmax<tf.Tensor3D>(tf.add(bmm(x, kernel, { constantA: true }), bias.expandDims(1)));
}

export const mmoe = implementArchitecture(mmoeCard, {
  build(p, ctx) {
    const E = p.experts;
    const rng = ctx.rng;
    const layout = new ParamLayout();
    let fanIn = ctx.inputDim;
    const experts: DenseRef[] = p.expertWidths.map((width, i) => {
      const spec = {
        name: `experts.layer${i + 1}`,
        layer: `experts layer ${i + 1}`,
        stack: E,
        fanIn,
        fanOut: width,
      };
      fanIn = width;
      return addDense(layout, rng, { ...spec, activation: p.activation });
    });
    const H = fanIn;
    const gate = addDense(layout, rng, {
      name: 'gate',
      stack: ctx.numTasks,
      fanIn: ctx.inputDim,
      fanOut: E,
      activation: 'linear',
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: ctx.numTasks, fanIn: H, outputDim: ctx.outputDim });
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      representationSize: E * H,
      forward(args) {
        const out = applyLayers(spreadOverColumns(args.x, E), experts, args); // [S', E, B, H]
        const [copies, , batch] = out.shape as [number, number, number, number];
        let rep = tf.transpose(out, [0, 2, 1, 3]).reshape([copies, batch, E * H]);
        if (args.probe) rep = tf.add(rep, args.probe);
        const gates = gateWeights(args.x, param(args, gate.kernel), param(args, gate.bias));
        // [T, B, 1, E] x [S'', B, E, H] -> [T, B, 1, H]: each task's convex mix of the experts.
        const mixed = bmm(gates.expandDims(2), rep.reshape([-1, batch, E, H]));
        return applyLayers(mixed.reshape([ctx.numTasks, batch, H]), heads, args) as tf.Tensor3D;
      },
    };
  },
});
