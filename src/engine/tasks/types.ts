/**
 * Task suite contract. A suite is either
 * - `data`: supervised tasks with train/test samples, trained through a sharing architecture, or
 * - `objective`: tasks whose losses are closed-form functions of the parameters θ themselves (the CAGrad
 *   toy), trained as a batch of independent replicas θ_r, one per start point.
 */
import type { Tensor2D, Tensor3D } from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import type { AnyParams, ConfigIssue, ParamSpecs, ParamValues } from '../params/spec';
import type { LossKind, MetricKind } from './losses';

export interface TaskInfo {
  name: string;
  loss: LossKind;
  metric: MetricKind;
}

/**
 * One split of a data suite. `shared`: every sample is labelled for every task (one input, T labels, as in
 * MultiMNIST). `separate`: each task owns its samples, with its own count (LibMTL's multi-input mode).
 * Row-major layouts: x [N, inputDim]; shared y [N, T, outputDim]; separate y[t] [N_t, outputDim].
 */
export type TaskSplit =
  | { mode: 'shared'; count: number; x: Float32Array; y: Float32Array }
  | { mode: 'separate'; counts: number[]; x: Float32Array[]; y: Float32Array[] };

export interface DataSuiteInstance {
  kind: 'data';
  tasks: TaskInfo[];
  inputDim: number;
  /** Outputs per task; every task of a suite has the same count so that heads stack into [T, ...]. */
  outputDim: number;
  train: TaskSplit;
  test: TaskSplit;
  /** Per input dimension, the [min, max] box the inputs live in (for plots of 2-D suites). */
  inputBounds: [number, number][];
}

export interface ObjectiveSuiteInstance {
  kind: 'objective';
  tasks: TaskInfo[];
  /** Dimension of θ. */
  dim: number;
  /** One start point per replica, each of length `dim`. */
  starts: number[][];
  /**
   * Task losses of θ. `theta` is [R, S, dim] with S = 1 (every task reads row 0) or S = T (task t reads
   * row t, which is how one backward pass yields every task's gradient). Returns [R, T].
   */
  losses(theta: Tensor3D): Tensor2D;
  /** Plot box for landscapes: [[x1min, x1max], [x2min, x2max]]. */
  bounds: [number, number][];
}

export type SuiteInstance = DataSuiteInstance | ObjectiveSuiteInstance;

export interface TaskSuiteDefinition<S extends ParamSpecs = ParamSpecs> {
  /** Lowercase id: the same string in URL, CLI, config and UI. */
  id: string;
  label: string;
  /** One or two sentences for the UI's info tip and `cli list`. */
  summary: string;
  /** The paper or source the suite follows. */
  citation: string;
  kind: 'data' | 'objective';
  params: S;
  numTasks(params: ParamValues<S>): number;
  /** Cross-field checks beyond each parameter's own range; paths relative to the params object. */
  check?(params: ParamValues<S>): ConfigIssue[];
  build(params: ParamValues<S>, rng: Rng): SuiteInstance;
}

/** Registry entries with their parameter types erased (validated configs carry `AnyParams`). */
export type TaskSuiteEntry = TaskSuiteDefinition<ParamSpecs> & {
  numTasks(params: AnyParams): number;
  check?(params: AnyParams): ConfigIssue[];
  build(params: AnyParams, rng: Rng): SuiteInstance;
};

export function defineTaskSuite<S extends ParamSpecs>(def: TaskSuiteDefinition<S>): TaskSuiteEntry {
  return def as unknown as TaskSuiteEntry;
}
