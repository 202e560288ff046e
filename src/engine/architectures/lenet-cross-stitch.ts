/**
 * The convolutional trunk with cross-stitch units (Misra, Shrivastava, Gupta and Hebert, "Cross-stitch
 * Networks for Multi-task Learning", CVPR 2016, who introduced them on conv nets: a unit after every
 * pooling and fully connected layer). Every task has its own column (conv 1, conv 2, ..., dense) and after
 * each layer a learned α [T, T] mixes the columns' activations (one weight per pair of columns, the same
 * for every unit, the paper's form): column t continues with Σ_u α_tu h_u. So how much the tasks share is learned per layer, from independent columns (α = I)
 * to one shared trunk (every row equal). Every task's loss reads every column through α, so all columns
 * and every α live in θ and only the heads are task-specific, as in cross-stitch.ts.
 *
 * Copies: θ comes in S copies (1, or T when the trainer stacks it) and the inputs in Sx; copy c of the
 * network (C = max(S, Sx) of them) runs all T columns on θ copy min(c, S − 1) and inputs min(c, Sx − 1),
 * and task t reads column t of copy min(t, C − 1). Each copy computes all T columns, so the stacked trick
 * costs T² convolutions per layer (the card's cost stays 'linear' for the shared-mask trunk; at T = 2 the
 * per-task loop the trainer would pick for 'quadratic' costs the same T² convolutions).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamValues } from '../params/spec';
import { stitchInit } from './cross-stitch';
import type { lenetCard } from './lenet.card';
import { convLayer, copiesOf, pick, sides } from './lenet-conv';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyDense, applyLayers, initKernel, param } from './mlp';
import { at, bmm } from './ops';
import type { ArchitectureContext, BuiltArchitecture, ParamRef } from './types';

type LenetParams = ParamValues<(typeof lenetCard)['params']>;

/**
 * One cross-stitch unit on C x T streams of any shape: stream (c, t) becomes Σ_u α[c', t, u] · stream
 * (c, u), α [S, T, T] with c' = min(c, S − 1) (S is C or 1). As weighted sums of whole streams: stacking
 * them for one batched product copied every activation twice more (a stack, then a slice per stream):
 * 290 of 1,130 ms of kernel time per step at batch 128 on WASM (bench/multi-mnist/profile-step.ts).
 */
export function crossStitch<R extends tf.Tensor>(streams: R[][], alpha: tf.Tensor3D): R[][] {
  const copies = alpha.shape[0];
  return streams.map((row, c) => {
    const a = copiesOf(alpha.slice(Math.min(c, copies - 1), 1).reshape([row.length * row.length]));
    return row.map(
      (_, t) =>
        row
          .map((h, u) => tf.mul(h, a[t * row.length + u] as tf.Tensor))
          .reduce((sum, term) => tf.add(sum, term)) as R,
    );
  });
}

/**
 * Task t's column of copy min(t, C − 1), from [C, T, B·W] to [T, B, W]: columns.ts's taskColumns by
 * slices instead of a gather, whose gradient (UnsortedSegmentSum) tfjs-wasm 4.22 lacks.
 */
function diagonalColumns(mixed: tf.Tensor, batch: number): tf.Tensor3D {
  const [copies = 1, tasks = 1, size = 0] = mixed.shape;
  const columns = Array.from({ length: tasks }, (_, t) =>
    mixed.slice([Math.min(t, copies - 1), t, 0], [1, 1, size]).reshape([1, batch, size / batch]),
  );
  return tf.concat(columns, 0) as tf.Tensor3D;
}

export function buildLenetCrossStitch(p: LenetParams, ctx: ArchitectureContext): BuiltArchitecture {
  const T = ctx.numTasks;
  const rng = ctx.rng;
  const k = p.kernel;
  const side = sides(ctx.inputDim, p.channels.length, k);
  const layout = new ParamLayout();
  const alpha = (l: number): number =>
    layout.addShared(`stitch${l}.alpha`, `stitch ${l}`, [T, T], stitchInit(T, p.alphaDiagonal));
  // Layer names as cross-stitch.ts's ("layer l" for the columns, "stitch l" for α), which the UI's
  // diagram colouring (ui/network/layer-map.ts) places on the column and α boxes.
  let inChannels = 1;
  const convs = p.channels.map((out, i) => {
    const l = i + 1;
    const shape = [T, k, k, inChannels, out];
    const count = shape.reduce((a, b) => a * b, 1);
    const kernelInit = initKernel(rng, count, k * k * inChannels, k * k * out, 'relu');
    inChannels = out;
    const ref = (suffix: string, s: number[], init: Float32Array): ParamRef => ({
      role: 'shared',
      index: layout.addShared(`column.conv${l}.${suffix}`, `layer ${l}`, s, init),
    });
    return {
      kernel: ref('kernel', shape, kernelInit),
      bias: ref('bias', [T, out], new Float32Array(T * out)),
      alpha: alpha(l),
    };
  });
  const flat = (side[side.length - 1] as number) ** 2 * inChannels;
  const denseLayer = p.channels.length + 1;
  const dense = addDense(layout, rng, {
    name: 'column.dense',
    layer: `layer ${denseLayer}`,
    stack: T,
    fanIn: flat,
    fanOut: p.denseWidth,
    activation: 'relu',
  });
  const denseAlpha = alpha(denseLayer);
  const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn: p.denseWidth, outputDim: ctx.outputDim });
  return {
    shared: layout.shared,
    taskParams: layout.taskParams,
    forward(args) {
      const batch = args.x.shape[1];
      const first = side[0] as number;
      const inputs = copiesOf(args.x).map((x) => x.reshape<tf.Tensor4D>([batch, first, first, 1]));
      const S = at(args.shared, denseAlpha, 'alpha').shape[0] ?? 1;
      const C = Math.max(S, inputs.length);
      // streams[c][t]: column t of copy c, [B, h, w, channels].
      let streams: tf.Tensor4D[][] = Array.from({ length: C }, (_, c) =>
        Array.from({ length: T }, () => pick(inputs, c)),
      );
      for (const conv of convs) {
        // [S, T, ...] -> per copy, per column.
        const kernels = copiesOf(param(args, conv.kernel)).map(copiesOf);
        const biases = copiesOf(param(args, conv.bias)).map(copiesOf);
        const convolved = streams.map((row, c) =>
          row.map((h, t) =>
            convLayer(h, pick(kernels, c)[t] as tf.Tensor4D, pick(biases, c)[t] as tf.Tensor),
          ),
        );
        streams = crossStitch(convolved, at(args.shared, conv.alpha, 'alpha') as tf.Tensor3D);
      }
      // Columns as one stream [C, T, B, flat] for the stacked dense kernels [S, T, flat, width].
      const h = tf.stack(streams.flat().map((s) => s.reshape([batch, flat]))).reshape([C, T, batch, flat]);
      const columns = applyDense(h, dense, args);
      const alphaDense = at(args.shared, denseAlpha, 'alpha');
      const mixed = bmm(alphaDense, columns.reshape([C, T, batch * p.denseWidth]));
      return applyLayers(diagonalColumns(mixed, batch), heads, args) as tf.Tensor3D;
    },
  };
}
