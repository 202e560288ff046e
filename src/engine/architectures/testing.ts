/**
 * Helpers for the architecture tests (no test-framework imports, so it type-checks with the engine):
 * build an entry into tensors, run forward with θ as a flat [S, P] matrix, and the per-task squared loss
 * that the contract tests differentiate.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defaultParams, type AnyParams, type ParamSpecs } from '../params/spec';
import { Rng } from '../random/rng';
import { packShared, unpackShared } from './layout';
import { ARCHITECTURES, findArchitecture } from './registry';
import type { ArchitectureEntry, BuiltArchitecture } from './types';

export interface Dims {
  numTasks: number;
  inputDim: number;
  outputDim: number;
}

export interface Built {
  built: BuiltArchitecture;
  /** θ [1, P]: the init plus a small seeded perturbation, so biases and α are not at special values. */
  theta: tf.Tensor2D;
  /** Perturbed alike: at LoRA's B = 0 (lora.ts), A's gradient would be exactly 0. */
  taskParams: tf.Tensor[];
  /** A property, not a method: tests destructure it. */
  dispose: () => void;
}

export function buildEntry(entry: ArchitectureEntry, params: AnyParams, dims: Dims, seed = 1): Built {
  const built = entry.build(params, { ...dims, rng: new Rng(seed) });
  const noise = new Rng(seed + 1000);
  const flat = packShared(built.shared).map((v) => v + noise.uniform(-0.1, 0.1));
  const theta = tf.tensor2d(flat, [1, flat.length]);
  const taskParams = built.taskParams.map((p) =>
    tf.tensor(
      p.init.map((v) => v + noise.uniform(-0.1, 0.1)),
      p.shape,
    ),
  );
  return { built, theta, taskParams, dispose: () => tf.dispose([theta, ...taskParams]) };
}

/** A card's (or an entry's) defaults with some values replaced. */
export const withDefaults = (entry: { params: ParamSpecs }, overrides: AnyParams = {}): AnyParams => ({
  ...defaultParams(entry.params),
  ...overrides,
});

/** Outputs [T, B, O] with θ given as [S, P]. */
export function forwardFlat(
  b: Built,
  theta: tf.Tensor2D,
  x: tf.Tensor3D,
  taskParams: tf.Tensor[] = b.taskParams,
  probe?: tf.Tensor3D,
): tf.Tensor3D {
  const shared = unpackShared(theta, b.built.shared);
  return b.built.forward({ shared, taskParams, x, ...(probe ? { probe } : {}) });
}

/** Per-task mean squared error [T] of outputs [T, B, O] against targets [T, B, O]. */
export const taskLosses = (out: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor1D =>
  tf.mean<tf.Tensor1D>(tf.squaredDifference(out, y), [1, 2]);

/** Seeded normal tensor (tests must not depend on tf.random's global state). */
export function normalTensor(shape: number[], seed: number): tf.Tensor {
  const size = shape.reduce((a, c) => a * c, 1);
  return tf.tensor(new Rng(seed).normalArray(size), shape);
}

/** Small shapes for the contract tests. */
export const B = 5;
export const D = 4;
export const O = 2;

export const entry = (id: string): ArchitectureEntry => {
  const e = findArchitecture(id);
  if (!e) throw new Error(`no architecture ${id}`);
  return e;
};

/** Defaults plus variants that exercise masks, depth, heads and activations. */
export const CASES: { name: string; entry: ArchitectureEntry; params: AnyParams }[] = [
  ...ARCHITECTURES.map((e) => ({ name: `${e.id} defaults`, entry: e, params: withDefaults(e) })),
  ...[
    [false, true],
    [false, false],
    [true, false],
  ].map((shared) => ({
    name: `layer-sharing ${JSON.stringify(shared)}`,
    entry: entry('layer-sharing'),
    params: withDefaults(entry('layer-sharing'), { widths: [6, 5], shared }),
  })),
  {
    name: 'layer-sharing deep, tanh, head layer',
    entry: entry('layer-sharing'),
    params: withDefaults(entry('layer-sharing'), {
      widths: [7, 6, 5],
      shared: [true, false, true],
      activation: 'tanh',
      headLayers: 1,
      headWidth: 3,
    }),
  },
  // One group at any T (groups [] = all together); grouped trunks at fixed T: task-groups.test.ts.
  {
    name: 'task-groups elu, head layer',
    entry: entry('task-groups'),
    params: withDefaults(entry('task-groups'), { widths: [6, 5], activation: 'elu', headLayers: 1 }),
  },
  {
    name: 'cross-stitch elu, head layer',
    entry: entry('cross-stitch'),
    params: withDefaults(entry('cross-stitch'), { widths: [6, 5, 4], activation: 'elu', headLayers: 1 }),
  },
  {
    name: 'mtan deep, tanh, head layer',
    entry: entry('mtan'),
    params: withDefaults(entry('mtan'), { widths: [6, 5, 4], activation: 'tanh', headLayers: 1 }),
  },
  {
    name: 'ltb elu, low temperature',
    entry: entry('ltb'),
    params: withDefaults(entry('ltb'), { widths: [6, 5], temperature: 0.5, activation: 'elu' }),
  },
  {
    name: 'lora rank 2, tanh, head layer',
    entry: entry('lora'),
    params: withDefaults(entry('lora'), {
      widths: [6, 5],
      rank: 2,
      alpha: 3,
      activation: 'tanh',
      headLayers: 1,
    }),
  },
  {
    name: 'film deep, sigmoid, head layer',
    entry: entry('film'),
    params: withDefaults(entry('film'), { widths: [6, 5, 4], activation: 'sigmoid', headLayers: 1 }),
  },
  {
    name: 'cgc 2 + 2 deep experts, sigmoid, head layer',
    entry: entry('cgc'),
    params: withDefaults(entry('cgc'), {
      sharedExperts: 2,
      taskExperts: 2,
      expertWidths: [6, 5],
      activation: 'sigmoid',
      headLayers: 1,
    }),
  },
  {
    name: 'cgc without task experts',
    entry: entry('cgc'),
    params: withDefaults(entry('cgc'), { sharedExperts: 3, taskExperts: 0, expertWidths: [6] }),
  },
  {
    name: 'ple 3 levels, 2 + 2 experts, tanh',
    entry: entry('ple'),
    params: withDefaults(entry('ple'), {
      levels: 3,
      sharedExperts: 2,
      taskExperts: 2,
      expertWidths: [5],
      activation: 'tanh',
    }),
  },
  {
    name: 'ple without task experts',
    entry: entry('ple'),
    params: withDefaults(entry('ple'), { levels: 2, sharedExperts: 2, taskExperts: 0, expertWidths: [6, 5] }),
  },
  {
    name: 'ple 1 level',
    entry: entry('ple'),
    params: withDefaults(entry('ple'), { levels: 1, taskExperts: 2, expertWidths: [5] }),
  },
  {
    name: 'dselect-k 5 experts (folded codes), per example, k = 3',
    entry: entry('dselect-k'),
    params: withDefaults(entry('dselect-k'), {
      experts: 5,
      k: 3,
      routing: 'example',
      expertWidths: [6, 5],
      headLayers: 1,
    }),
  },
  {
    name: 'dselect-k 2 experts, k = 1, narrow γ',
    entry: entry('dselect-k'),
    params: withDefaults(entry('dselect-k'), { experts: 2, k: 1, gamma: 0.5, activation: 'tanh' }),
  },
  {
    name: 'lenet small, a task-specific convolution',
    entry: entry('lenet'),
    params: withDefaults(entry('lenet'), {
      channels: [2, 3],
      kernel: 3,
      denseWidth: 4,
      shared: [true, false, true],
    }),
  },
  {
    name: 'lenet, a task-specific bottom under a shared top, head layer',
    entry: entry('lenet'),
    params: withDefaults(entry('lenet'), {
      channels: [2, 3],
      kernel: 3,
      denseWidth: 4,
      shared: [false, true, true],
      headLayers: 1,
      headWidth: 3,
    }),
  },
  {
    name: 'lenet cross-stitch, head layer',
    entry: entry('lenet'),
    params: withDefaults(entry('lenet'), {
      channels: [2, 3],
      kernel: 3,
      denseWidth: 4,
      mixing: 'cross-stitch',
      headLayers: 1,
    }),
  },
  {
    name: 'mmoe 3 deep experts, sigmoid',
    entry: entry('mmoe'),
    params: withDefaults(entry('mmoe'), {
      experts: 3,
      expertWidths: [6, 5],
      activation: 'sigmoid',
      headLayers: 2,
    }),
  },
];

export const dimsFor = (e: ArchitectureEntry, numTasks: number): Dims => ({
  numTasks,
  // The convolutional trunk reads square images: 16 x 16 pixels survive two 5 x 5 convolutions and poolings.
  inputDim: e.id === 'lenet' ? 16 * 16 : D,
  // The point model outputs θ itself.
  outputDim: e.group === 'point' ? D : O,
});
