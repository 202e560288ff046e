/**
 * Sharing architecture contract, implementation side (after LibMTL's AbsArchitecture): build(tasks, params)
 * -> shared parameters, task-specific parameters and forward(x) -> per-task outputs. The card side (id,
 * parameters, check, diagram) is card.ts.
 *
 * Parameter layout for speed (docs/architecture.md, measured facts): the trainer keeps all shared parameters in ONE flat vector
 * θ [P] (the concatenation of `shared` segments) and every task-specific tensor stacked as [T, ...].
 * To get every task's gradient in one backward pass, the trainer hands `forward` S copies of each shared
 * segment ([S, ...shape], S = T) and task t must read only copy t. With S = 1 every task reads copy 0.
 * Broadcasting makes both cases one code path: shared weights [S, in, out] times a stream [Sh, B, in] give
 * [max(S, Sh), B, out]; task-specific weights [T, in, out] give [T, B, out].
 */
import type { Tensor, Tensor3D } from '@tensorflow/tfjs-core';
import type { Rng } from '../random/rng';
import type { AnyParams } from '../params/spec';
import type { ArchitectureCardEntry } from './card';
import type { Activation } from './specs';

/** One tensor of the flat shared vector θ. */
export interface SharedSegment {
  /** Unique name, e.g. `layer1.kernel`. */
  name: string;
  /** Group for per-layer gradient statistics (segments with the same `layer` are reported together). */
  layer: string;
  /** Shape WITHOUT the copy dimension. */
  shape: number[];
  /** Initial values, length = product of shape. */
  init: Float32Array;
}

/** One task-specific tensor stacked over tasks: shape[0] = T and task t owns slice t. */
export interface TaskParam {
  name: string;
  shape: number[];
  init: Float32Array;
}

export interface ArchitectureContext {
  numTasks: number;
  inputDim: number;
  outputDim: number;
  /** Stream for weight initialisation. */
  rng: Rng;
}

export interface ForwardArgs {
  /** Shared segments, each [S, ...segment.shape], in the order of `shared`. */
  shared: Tensor[];
  /** Task-specific tensors, each [T, ...], in the order of `taskParams`. */
  taskParams: Tensor[];
  /** Inputs [Sx, B, inputDim]: Sx = 1 when every task sees the same samples, Sx = T when each has its own. */
  x: Tensor3D;
  /**
   * Optional zeros [T, B, representationSize] added to the shared representation, so that the gradient
   * with respect to `probe` is each task's gradient with respect to the representation (MGDA-UB).
   */
  probe?: Tensor3D;
}

/** Where a tensor lives in forward's arguments. */
export interface ParamRef {
  role: 'shared' | 'task';
  index: number;
}

/** One dense layer act(h W + b): its kernel and bias, each a shared segment or a task-specific tensor. */
export interface DenseRef {
  kernel: ParamRef;
  bias: ParamRef;
  activation: Activation;
}

/**
 * A network that is nothing but a chain of dense layers (each shared or per task), declared so that the
 * trainer can run its hand-written forward and backward (train/dense-chain-gradients.ts): one forward pass
 * and every task's gradient from one batched backward, instead of T copies of the trunk.
 */
export interface DenseChain {
  /** Every layer in order, hidden layers then the heads; `forward` computes exactly this. */
  layers: readonly DenseRef[];
  /** How many leading layers make the shared representation (its output takes the probe); 0 for none. */
  representationDepth: number;
}

export interface BuiltArchitecture {
  shared: SharedSegment[];
  taskParams: TaskParam[];
  /** Features per sample of the shared representation, when the architecture has one (else undefined). */
  representationSize?: number;
  /** Per-task outputs [T, B, outputDim]. */
  forward(args: ForwardArgs): Tensor3D;
  /** Set when the network is a plain chain of dense layers (see DenseChain). */
  chain?: DenseChain;
}

/**
 * The engine's registry entry: the card (card.ts, page-safe) joined to its `build` by
 * `implementArchitecture`, both over validated, type-erased parameters.
 */
export type ArchitectureEntry = ArchitectureCardEntry & {
  build: (params: AnyParams, ctx: ArchitectureContext) => BuiltArchitecture;
};
