/**
 * Sharing architecture contract (after LibMTL's AbsArchitecture): build(tasks, params) -> shared
 * parameters, task-specific parameters and forward(x) -> per-task outputs.
 *
 * Parameter layout for speed (DESIGN.md §3): the trainer keeps all shared parameters in ONE flat vector
 * θ [P] (the concatenation of `shared` segments) and every task-specific tensor stacked as [T, ...].
 * To get every task's gradient in one backward pass, the trainer hands `forward` S copies of each shared
 * segment ([S, ...shape], S = T) and task t must read only copy t. With S = 1 every task reads copy 0.
 * Broadcasting makes both cases one code path: shared weights [S, in, out] times a stream [Sh, B, in] give
 * [max(S, Sh), B, out]; task-specific weights [T, in, out] give [T, B, out].
 */
import type { Tensor, Tensor3D } from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import type { AnyParams, ConfigIssue, ParamSpecs, ParamValues } from '../params/spec';

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

export interface BuiltArchitecture {
  shared: SharedSegment[];
  taskParams: TaskParam[];
  /** Features per sample of the shared representation, when the architecture has one (else undefined). */
  representationSize?: number;
  /** Per-task outputs [T, B, outputDim]. */
  forward(args: ForwardArgs): Tensor3D;
}

/** One box of the network diagram; the UI draws rows of these alike for every architecture. */
export interface DiagramBox {
  /** Text in the box; `{task}` stands for the name of the box's task. */
  label: string;
  /** Hover text; `{task}` as in the label. */
  title: string;
  /** Inputs, a module every task reads, a task's own module, an expert, a gate, an attention mask, a head. */
  kind: 'io' | 'shared' | 'task' | 'expert' | 'gate' | 'attention' | 'head';
  /** The task (0-based) that owns the box, for `{task}`. */
  task?: number;
  /** Share of its row's width (default 1). */
  span?: number;
  /** Index into the boolean-list parameter `shared` that a click on the box flips. */
  toggleShared?: number;
}

/** One row of the diagram, drawn left to right across the full width. */
export type DiagramRow = DiagramBox[];

export interface ArchitectureDefinition<S extends ParamSpecs = ParamSpecs> {
  id: string;
  label: string;
  /** hard, soft or expert sharing; `point` for objective suites whose parameters are θ itself. */
  group: 'hard' | 'soft' | 'expert' | 'point';
  summary: string;
  citation: string;
  params: S;
  /** What the stacked-gradient trick costs: `linear` in T, or `quadratic` when every task reads every column. */
  stackedCost: 'linear' | 'quadratic';
  check?(params: ParamValues<S>, ctx: { numTasks: number }): ConfigIssue[];
  build(params: ParamValues<S>, ctx: ArchitectureContext): BuiltArchitecture;
  /** The network as rows of boxes, inputs first and heads last, for the UI's diagram. */
  diagram?(params: ParamValues<S>, numTasks: number): DiagramRow[];
}

export type ArchitectureEntry = ArchitectureDefinition<ParamSpecs> & {
  check?(params: AnyParams, ctx: { numTasks: number }): ConfigIssue[];
  build(params: AnyParams, ctx: ArchitectureContext): BuiltArchitecture;
  diagram?(params: AnyParams, numTasks: number): DiagramRow[];
};

export function defineArchitecture<S extends ParamSpecs>(def: ArchitectureDefinition<S>): ArchitectureEntry {
  return def as unknown as ArchitectureEntry;
}
