/**
 * MLP pieces shared by the architectures: activations, seeded initialisation, dense layers over stacked
 * weights (shared in θ or task-specific) and the task heads. Their parameter specs live in specs.ts, which
 * the cards import without this module's tfjs.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random/rng';
import type { ParamLayout } from './layout';
import { at, bmm } from './ops';
import type { Activation } from './specs';
import type { DenseRef, ForwardArgs, ParamRef } from './types';

export type { DenseRef, ParamRef };

export function activate(x: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'elu':
      return tf.elu(x);
    case 'linear':
      return x;
  }
}

/**
 * Uniform init: He (√(6/fanIn)) before relu/elu, which zero half their inputs, else Glorot
 * (√(6/(fanIn+fanOut))). Every stacked slice gets its own draws, so tasks and experts start apart.
 */
export function initKernel(rng: Rng, count: number, fanIn: number, fanOut: number, act: Activation) {
  const he = act === 'relu' || act === 'elu';
  const limit = Math.sqrt(6 / (he ? fanIn : fanIn + fanOut));
  return rng.uniformArray(count, -limit, limit);
}

export interface DenseSpec {
  name: string;
  /** Set for a layer in θ: its label for per-layer gradient statistics. Unset: task-specific [T, ...]. */
  layer?: string;
  /**
   * Leading stack size of the weights: T (tasks, columns) or E (experts); none for a plain shared layer.
   * A list stacks several axes, e.g. [T, E] for E experts of each task.
   */
  stack?: number | readonly number[];
  fanIn: number;
  fanOut: number;
  activation: Activation;
}

/** Declare one dense layer (kernel [stack?, in, out], bias [stack?, out], bias zero). */
export function addDense(layout: ParamLayout, rng: Rng, spec: DenseSpec): DenseRef {
  const lead =
    spec.stack === undefined ? [] : typeof spec.stack === 'number' ? [spec.stack] : [...spec.stack];
  const kShape = [...lead, spec.fanIn, spec.fanOut];
  const bShape = [...lead, spec.fanOut];
  const kInit = initKernel(
    rng,
    kShape.reduce((a, b) => a * b, 1),
    spec.fanIn,
    spec.fanOut,
    spec.activation,
  );
  const bInit = new Float32Array(bShape.reduce((a, b) => a * b, 1));
  const add = (suffix: string, shape: number[], init: Float32Array): ParamRef =>
    spec.layer === undefined
      ? { role: 'task', index: layout.addTask(`${spec.name}.${suffix}`, shape, init) }
      : { role: 'shared', index: layout.addShared(`${spec.name}.${suffix}`, spec.layer, shape, init) };
  return {
    kernel: add('kernel', kShape, kInit),
    bias: add('bias', bShape, bInit),
    activation: spec.activation,
  };
}

export const param = (args: ForwardArgs, ref: ParamRef): tf.Tensor =>
  ref.role === 'shared'
    ? at(args.shared, ref.index, 'shared segment')
    : at(args.taskParams, ref.index, 'task parameter');

/** act(h W + b) with the stacked kernel broadcast against the stream's leading dimensions. */
export function applyDense(h: tf.Tensor, ref: DenseRef, args: ForwardArgs): tf.Tensor {
  const bias = param(args, ref.bias);
  // The input batch is a constant: no gradient is computed for it.
  const product = bmm(h, param(args, ref.kernel), { constantA: h === args.x });
  return activate(tf.add(product, bias.expandDims(bias.rank - 1)), ref.activation);
}

export const applyLayers = (h: tf.Tensor, refs: readonly DenseRef[], args: ForwardArgs): tf.Tensor =>
  refs.reduce((acc, ref) => applyDense(acc, ref, args), h);

/** Task heads: `headLayers` hidden layers then a linear output layer, all stacked [T, ...]. */
export function addHeads(
  layout: ParamLayout,
  rng: Rng,
  o: {
    numTasks: number;
    fanIn: number;
    outputDim: number;
    headLayers: number;
    headWidth: number;
    activation: Activation;
  },
): DenseRef[] {
  const refs: DenseRef[] = [];
  let fanIn = o.fanIn;
  for (let i = 1; i <= o.headLayers; i++) {
    const spec = {
      name: `head.layer${i}`,
      stack: o.numTasks,
      fanIn,
      fanOut: o.headWidth,
      activation: o.activation,
    };
    refs.push(addDense(layout, rng, spec));
    fanIn = o.headWidth;
  }
  refs.push(
    addDense(layout, rng, {
      name: 'head.out',
      stack: o.numTasks,
      fanIn,
      fanOut: o.outputDim,
      activation: 'linear',
    }),
  );
  return refs;
}
