/**
 * The convolutional trunk of lenet.card.ts (Sener & Koltun, NeurIPS 2018, after LeCun et al. 1998). Inputs
 * are square single-channel images flattened row-major ([Sx, B, side²], as MultiMNIST's); a convolution's
 * kernel is [k, k, in, out] and its copies [S or T, ...] follow the usual rule (types.ts): a shared one has
 * S copies (1, or T when the trainer stacks θ), a task-specific one T, and stream i reads copy i. So a
 * layer turns n streams of [B, h, w, c] into max(n, copies) streams, each convolved with its own copy:
 * the stacked trick costs T convolutions per layer, as it costs T products for a dense one. With
 * `mixing: 'cross-stitch'` the network is lenet-cross-stitch.ts instead.
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { lenetCard } from './lenet.card';
import { buildLenetCrossStitch } from './lenet-cross-stitch';
import { convLayer, copiesOf, pick, sides } from './lenet-conv';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyDense, applyLayers, initKernel, param, type DenseRef } from './mlp';

interface ConvRef {
  kernel: DenseRef['kernel'];
  bias: DenseRef['bias'];
}

export const lenet = implementArchitecture(lenetCard, {
  build(p, ctx) {
    if (p.mixing === 'cross-stitch') return buildLenetCrossStitch(p, ctx);
    if (p.shared.length !== p.channels.length + 1)
      throw new Error('lenet: shared must have one flag per layer');
    const T = ctx.numTasks;
    const rng = ctx.rng;
    const k = p.kernel;
    const side = sides(ctx.inputDim, p.channels.length, k);
    const layout = new ParamLayout();
    let inChannels = 1;
    const convs: ConvRef[] = p.channels.map((out, l) => {
      const name = `conv${l + 1}`;
      const shape = [k, k, inChannels, out];
      const fanIn = k * k * inChannels;
      const shared = p.shared[l] === true;
      const lead = shared ? [] : [T];
      const count = shape.reduce((a, b) => a * b, 1) * (shared ? 1 : T);
      const kernelInit = initKernel(rng, count, fanIn, k * k * out, 'relu');
      const biasInit = new Float32Array((shared ? 1 : T) * out);
      inChannels = out;
      return shared
        ? {
            kernel: {
              role: 'shared',
              index: layout.addShared(`${name}.kernel`, `conv ${l + 1}`, shape, kernelInit),
            },
            bias: {
              role: 'shared',
              index: layout.addShared(`${name}.bias`, `conv ${l + 1}`, [out], biasInit),
            },
          }
        : {
            kernel: {
              role: 'task',
              index: layout.addTask(`${name}.kernel`, [...lead, ...shape], kernelInit),
            },
            bias: { role: 'task', index: layout.addTask(`${name}.bias`, [T, out], biasInit) },
          };
    });
    const flat = (side[side.length - 1] as number) ** 2 * inChannels;
    const denseShared = p.shared[p.channels.length] === true;
    const denseSpec = { name: 'dense', fanIn: flat, fanOut: p.denseWidth, activation: 'relu' as const };
    const dense = addDense(
      layout,
      rng,
      denseShared ? { ...denseSpec, layer: 'dense' } : { ...denseSpec, stack: T },
    );
    const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn: p.denseWidth, outputDim: ctx.outputDim });
    // A shared representation for MGDA-UB only when the whole trunk is shared: the dense layer's output.
    const allShared = p.shared.every((s) => s);
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      ...(allShared ? { representationSize: p.denseWidth } : {}),
      forward(args) {
        const batch = args.x.shape[1];
        const first = side[0] as number;
        let streams: tf.Tensor4D[] = copiesOf(args.x).map((x) => x.reshape([batch, first, first, 1]));
        for (const conv of convs) {
          const kernels = copiesOf(param(args, conv.kernel)).map((t) => t as tf.Tensor4D);
          const biases = copiesOf(param(args, conv.bias));
          const n = Math.max(streams.length, kernels.length);
          const previous = streams;
          streams = Array.from({ length: n }, (_, i) =>
            convLayer(pick(previous, i), pick(kernels, i), pick(biases, i)),
          );
        }
        let h: tf.Tensor = tf.stack(streams.map((s) => s.reshape([batch, flat])));
        h = applyDense(h, dense, args);
        if (args.probe) h = tf.add(h, args.probe);
        return applyLayers(h, heads, args) as tf.Tensor3D;
      },
    };
  },
});
