/**
 * What the trainer trains: a task suite joined with an architecture (or, for objective suites, the point
 * θ itself), reduced to one shape: a flat shared vector θ per replica [R, P], task-specific tensors stacked
 * over tasks, and a loss function of both. The trainer knows nothing else about suites or architectures.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { DenseChain, SharedSegment, TaskParam } from '../architectures/types';
import type { LossKind } from '../tasks/losses';
import type { TaskInfo, TaskSplit } from '../tasks/types';
import type { SamplerEntry, SamplerFeedback, SamplerInstance } from '../sampling/types';
import type { Batch } from './batches';

/** One step's per-task gradients (task-grads.ts computes them). */
export interface TaskGradients {
  /** [R, T] this batch's task losses. */
  losses: tf.Tensor2D;
  /** [R, T, P] row t = ∇θ L_t. */
  shared: tf.Tensor3D;
  /** Per task-specific tensor [T, ...]: slice t = ∇ L_t with respect to task t's own parameters. */
  taskParams: tf.Tensor[];
  /** [R, T, B·Z] gradients with respect to the shared representation, when a probe was given. */
  representation?: tf.Tensor3D;
}

/** A dense-layer chain with its parameters' layout and each task's loss (dense-chain-gradients.ts). */
export interface ChainNetwork {
  chain: DenseChain;
  shared: readonly SharedSegment[];
  taskParams: readonly TaskParam[];
  lossKinds: readonly LossKind[];
}

/** A shared layer for per-layer gradient statistics: the ranges of θ its segments occupy. */
export interface SharedLayer {
  name: string;
  ranges: { offset: number; size: number }[];
}

export interface Model {
  kind: 'data' | 'objective';
  tasks: TaskInfo[];
  /** Independent copies trained side by side (start points of the toy); 1 for networks. */
  replicas: number;
  /** P: length of θ. */
  numShared: number;
  layers: SharedLayer[];
  /** Initial θ for every replica, [R * P] row-major. */
  initialShared: Float32Array;
  taskParams: TaskParam[];
  /** Features per sample of the shared representation (MGDA-UB), when there is one. */
  representationSize: number | undefined;
  stackedCost: 'linear' | 'quadratic';
  /**
   * Every task's gradient from one forward and one hand-written batched backward pass, for networks that
   * are a chain of dense layers (dense-chain-gradients.ts); absent otherwise.
   */
  chainGradients?: (
    theta: tf.Tensor2D,
    taskParams: readonly tf.Tensor[],
    batch: Batch,
    withRepresentation: boolean,
  ) => TaskGradients;
  /** The dense chain `chainGradients` runs (seed batching runs it over several seeds' parameters at once). */
  network?: ChainNetwork;
  /**
   * Task losses [R, T]. `shared` is [R, S, P] with S = 1 (every task reads copy 0) or S = T (task t reads
   * copy t). `batch` is null for objective models; `probe` [T, B, Z] is added to the representation.
   */
  losses(shared: tf.Tensor3D, taskParams: tf.Tensor[], batch: Batch | null, probe?: tf.Tensor3D): tf.Tensor2D;
  /** Per-task loss [R, T] and metric [T] on a whole split with the current parameters (θ as [R, P]). */
  evaluate(
    shared: tf.Tensor2D,
    taskParams: tf.Tensor[],
    split: 'train' | 'test',
  ): { loss: tf.Tensor2D; metric: tf.Tensor1D };
  /** Outputs [T, N, O] for inputs [1, N, D] with the current parameters (data models only). */
  predict?: (shared: tf.Tensor2D, taskParams: tf.Tensor[], x: tf.Tensor3D) => tf.Tensor3D;
  /** Each task's KPI in [0, 1] on a batch, [R, T] (Dynamic Task Prioritization); data models only. */
  kpis?(shared: tf.Tensor2D, taskParams: tf.Tensor[], batch: Batch): tf.Tensor2D;
  /** The next training batch as the sampling strategy plans it (data models), or null. */
  nextBatch(feedback: SamplerFeedback): Batch | null;
  /** The sampling strategy (data models only). */
  sampling?: {
    entry: SamplerEntry;
    instance: SamplerInstance;
    /** Per task, the train loss of every sample of its pool, with the given parameters. */
    sampleLosses(shared: tf.Tensor2D, taskParams: tf.Tensor[]): Promise<Float32Array[]>;
  };
  /**
   * Data models: the training split as plain arrays, and whether a batch carries slot weights [T, B] (the
   * sampling strategy pads some slots) or every slot counts. Seed batching (seed-batch-data.ts) gathers
   * several seeds' batches from one upload of all their splits.
   */
  training?: { split: TaskSplit; weighted: boolean; inputDim: number; outputDim: number };
  /** Samples per task in the training split (for validation messages); empty for objective models. */
  trainCounts: number[];
  dispose(): void;
}

/** Group the shared segments by their `layer` label, keeping θ's order. */
export function sharedLayers(segments: { layer: string; shape: number[] }[]): SharedLayer[] {
  const layers: SharedLayer[] = [];
  let offset = 0;
  for (const segment of segments) {
    const size = segment.shape.reduce((a, b) => a * b, 1);
    let layer = layers.find((l) => l.name === segment.layer);
    if (!layer) layers.push((layer = { name: segment.layer, ranges: [] }));
    layer.ranges.push({ offset, size });
    offset += size;
  }
  return layers;
}
