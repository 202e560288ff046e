/**
 * Task suite contract. A suite is either
 * - `data`: supervised tasks with train/test samples, trained through a sharing architecture, or
 * - `objective`: tasks whose losses are closed-form functions of the parameters θ themselves (the CAGrad
 *   toy), trained as a batch of independent replicas θ_r, one per start point.
 * Suites import no tfjs (catalogue.test.ts in architectures/ checks), so the page imports them as they are:
 * it reads their parameters and views and builds a data suite's samples to draw them. The one piece of
 * tensor code, an objective suite's losses, receives the tfjs namespace from the engine.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { narrowParams } from '../params/narrow';
import type { AnyParams, ConfigIssue, ParamSpecs, ParamValues } from '../params/spec';
import type { Rng } from '../random/rng';
import type { ViewSpec } from '../views';
import type { LossKind, MetricKind } from './losses';

/** The tfjs-core namespace, handed to an objective suite's losses by the engine that imported it. */
export type TensorOps = typeof TF;

export interface TaskInfo {
  name: string;
  loss: LossKind;
  metric: MetricKind;
  /** softmax-ce tasks: the number of classes (the suite's outputDim), for the chance level of accuracy. */
  classes?: number;
  /** softmax-ce tasks: the name of each class (a CSV label's values, the digits '0'–'9'), for views and tables. */
  classNames?: string[];
  /**
   * Regression targets the suite standardised: target = (value − mean) / std, so a loss or MSE in the
   * standardised units reads in the data's own units as value·std² (RMSE·std) and a prediction as p·std + mean.
   */
  targetScale?: { mean: number; std: number };
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
   * row t, which is how one backward pass yields every task's gradient). Returns [R, T]. `tf` is the
   * engine's tfjs namespace (a parameter, not an import, so the suite's module stays tfjs-free).
   */
  losses(tf: TensorOps, theta: TF.Tensor3D): TF.Tensor2D;
  /** Plot box for landscapes: [[x1min, x1max], [x2min, x2max]]. */
  bounds: [number, number][];
}

export type SuiteInstance = DataSuiteInstance | ObjectiveSuiteInstance;

/** What a suite says whatever its parameter types. */
interface SuiteFields<S extends ParamSpecs> {
  /** Lowercase id: the same string in URL, CLI, config and UI. */
  id: string;
  label: string;
  /** One or two sentences for the UI's info tip and `cli list`. */
  summary: string;
  /** The paper or source the suite follows. */
  citation: string;
  kind: 'data' | 'objective';
  params: S;
}

/**
 * A suite as its file writes it: functions of its own typed parameters. (Functions are properties, not
 * methods: none uses `this`, so they may be passed around and destructured.)
 */
export interface TaskSuiteDefinition<S extends ParamSpecs = ParamSpecs> extends SuiteFields<S> {
  numTasks: (params: ParamValues<S>) => number;
  /**
   * The tasks' names without building the data, where they follow from the parameters alone (a study's
   * plan names its baselines' tasks, and a lesson's check plans its study when the page opens: building
   * four rotated domains for their names took 30-50 ms of the page's main thread). Must equal `build`'s.
   */
  taskNames?: (params: ParamValues<S>) => string[];
  /** Cross-field checks beyond each parameter's own range; paths relative to the params object. */
  check?: (params: ParamValues<S>) => ConfigIssue[];
  /** The pictures the app draws for this suite beyond the standard charts (views.ts). */
  views?: (params: ParamValues<S>) => ViewSpec[];
  build: (params: ParamValues<S>, rng: Rng) => SuiteInstance;
}

/** Registry entries with their parameter types erased (validated configs carry `AnyParams`). */
export interface TaskSuiteEntry extends SuiteFields<ParamSpecs> {
  numTasks: (params: AnyParams) => number;
  taskNames?: (params: AnyParams) => string[];
  check?: (params: AnyParams) => ConfigIssue[];
  views?: (params: AnyParams) => ViewSpec[];
  build: (params: AnyParams, rng: Rng) => SuiteInstance;
}

/** The erased entry: each function narrows its validated `AnyParams` to the suite's types first. */
export function defineTaskSuite<S extends ParamSpecs>(def: TaskSuiteDefinition<S>): TaskSuiteEntry {
  const { numTasks, taskNames, check, views, build, ...fields } = def;
  const typed = (p: AnyParams): ParamValues<S> => narrowParams(def.params, p);
  return {
    ...fields,
    numTasks: (p) => numTasks(typed(p)),
    ...(taskNames && { taskNames: (p: AnyParams) => taskNames(typed(p)) }),
    ...(check && { check: (p: AnyParams) => check(typed(p)) }),
    ...(views && { views: (p: AnyParams) => views(typed(p)) }),
    build: (p, rng) => build(typed(p), rng),
  };
}
