/**
 * A training step as an ordered list of stages: sample, gradients, isolate, communicate, aggregate,
 * lookahead, apply, monitor. Each stage reads what the earlier ones left in the step's state and hands every tensor it
 * creates to the step's scope (step-scope.ts), which the trainer closes after the last stage, keeping only
 * what the next step needs. Adding a stage is one function and one line in STEP_STAGES.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CommunicationChannel } from '../communication/channel';
import type { ExperimentConfig } from '../config/types';
import { lookaheadAffinity, type AffinityAverage } from '../metrics/affinity';
import type { Aggregation } from '../methods/types';
import type { Optimizer } from '../optim/types';
import type { Batch } from './batches';
import type { DivergenceWatch } from './divergence-watch';
import type { GradientIsolation } from './isolation';
import type { MethodSlot } from './method-slot';
import type { Model, TaskGradients } from './model';
import type { PartialTasks } from './partial-tasks';
import { regularizerGradients } from './regularizers';
import type { SamplerFeedbackSource } from './sampler-feedback';
import type { StepScope } from './step-scope';
import { computeTaskGradients, type GradientStrategy } from './task-grads';

/** The trainer's parts a step uses (persistent: the scope never owns them). */
export interface StepEnv {
  model: Model;
  theta: tf.Variable<tf.Rank.R2>;
  taskVars: tf.Variable[];
  strategy: GradientStrategy;
  slot: MethodSlot;
  isolation: GradientIsolation;
  partial: PartialTasks | null;
  feedback: SamplerFeedbackSource;
  optimizer: Optimizer;
  lossSum: tf.Variable;
  watch: DivergenceWatch;
  affinity: AffinityAverage;
  /** Simulated workers' compressed gradients (communication/); absent or null: the usual step. */
  communication?: CommunicationChannel | null;
  config(): ExperimentConfig;
}

/** What the stages of one step have produced so far. */
export interface StepState {
  readonly step: number;
  batch?: Batch | null;
  kpis?: tf.Tensor2D;
  /** This batch's gradients; after `isolate`, `shared` has the masks and per-task clipping applied. */
  grads?: TaskGradients;
  /** What the method sees (left-out tasks filled in) and what telemetry reads (partial-tasks.ts). */
  seen?: { losses: tf.Tensor2D; grads: tf.Tensor3D; telemetry: tf.Tensor3D; mask: tf.Tensor1D | null };
  /** The method's aggregation, its direction clipped by the isolation settings. */
  agg?: Aggregation;
}

/**
 * A stage reads only the parts of the environment it names (K), so that a trainer with another model, such
 * as seed batching's replicas (seed-batch.ts), can reuse it.
 */
export type Stage<K extends keyof StepEnv = keyof StepEnv> = (
  state: StepState,
  env: Pick<StepEnv, K>,
  scope: StepScope,
) => void | Promise<void>;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`step stage out of order: no ${what} yet`);
  return value;
}

const sample: Stage = async (state, env, scope) => {
  const fb = await env.feedback.next(state.step, env.config().sampling.params, env.theta, env.taskVars);
  state.batch = scope.own(env.model.nextBatch(fb));
};

const gradients: Stage = (state, env, scope) => {
  const batch = state.batch ?? null;
  const { model, slot } = env;
  // The KPIs are measured before the update, on the batch the gradients come from.
  if (slot.needsKpis && batch && model.kpis)
    state.kpis = scope.own(model.kpis(env.theta, env.taskVars, batch));
  state.grads = scope.own(
    computeTaskGradients(env.strategy, model, env.theta, env.taskVars, batch, slot.probe),
  );
};

export const isolate: Stage<'isolation' | 'partial' | 'slot'> = (state, env, scope) => {
  const grads = need(state.grads, 'gradients');
  // Masks and per-task clipping change what every later stage sees, telemetry included.
  const shared = scope.own(env.isolation.taskGradients(grads.shared));
  state.grads = { ...grads, shared };
  state.seen = scope.own(
    env.partial
      ? env.partial.fill(grads.losses, shared, state.batch?.active, env.slot.partialPolicy)
      : { losses: grads.losses, grads: shared, telemetry: shared, mask: null },
  );
};

/**
 * Simulated workers (communication/channel.ts): each task's shared gradient travels compressed, and the
 * method aggregates what the server decodes. Telemetry keeps the true gradients (seen.telemetry), and so
 * do the divergence watch and lookahead affinity; task heads never travel.
 */
export const communicate: Stage<'communication'> = (state, env, scope) => {
  if (!env.communication) return;
  const seen = need(state.seen, 'isolated gradients');
  state.seen = { ...seen, grads: scope.own(env.communication.send(seen.grads)) };
};

export const aggregate: Stage<'slot' | 'isolation'> = async (state, env, scope) => {
  const grads = need(state.grads, 'gradients');
  const seen = need(state.seen, 'isolated gradients');
  const agg = scope.own(
    await env.slot.instance.aggregate({
      grads: seen.grads,
      losses: seen.losses,
      step: state.step,
      ...(grads.representation ? { repGrads: grads.representation } : {}),
      ...(seen.mask ? { active: seen.mask } : {}),
      ...(state.kpis ? { kpis: state.kpis } : {}),
    }),
  );
  state.agg = { ...agg, direction: scope.own(env.isolation.direction(agg.direction)) };
};

/** Lookahead task affinity (Fifty et al., NeurIPS 2021) on this batch, before the update: same batch, same θ. */
const lookahead: Stage = (state, env) => {
  if (!env.affinity.due(state.step)) return;
  const seen = need(state.seen, 'isolated gradients');
  // Unweighted slots: a task left out of this step still gets a loss reading (its slots hold real samples),
  // and its last gradient stands in for the step on it.
  const batch = state.batch ? { x: state.batch.x, y: state.batch.y } : null;
  const lossesAt = (shared: tf.Tensor3D) => env.model.losses(shared, env.taskVars, batch);
  const z = lookaheadAffinity(lossesAt, env.theta, seen.telemetry, env.config().learningRate);
  env.affinity.add(z);
  z.dispose();
};

const apply: Stage = async (state, env, scope) => {
  const grads = need(state.grads, 'gradients');
  const agg = need(state.agg, 'aggregation');
  const { slot } = env;
  const penalty = scope.own(
    await regularizerGradients(env.config().isolation, env.taskVars, env.model.taskParams),
  );
  tf.tidy(() => {
    const T = env.model.tasks.length;
    // Only loss weightings scale the task-specific gradients (the slice is a kernel: not for the others).
    const weightsPerTask = slot.isWeighting ? agg.weights.slice([0, 0], [1, T]).reshape([T]) : null;
    // The regularizers' gradients are added after the task weighting: their strength is the user's.
    const headGrads = grads.taskParams.map((g, i) => {
      const weighted = weightsPerTask
        ? tf.mul(g, weightsPerTask.reshape([T, ...g.shape.slice(1).map(() => 1)]))
        : g;
      const extra = penalty?.grads[i];
      return extra ? tf.add(weighted, extra) : weighted;
    });
    env.optimizer.apply([agg.direction, ...headGrads]);
    if (slot.optimizer && agg.trainableGrads) slot.optimizer.apply(agg.trainableGrads);
  });
};

/** Device-side telemetry, no readback: running loss sums and the first non-finite step per task. */
export const monitor: Stage<'lossSum' | 'watch'> = (state, env) => {
  const grads = need(state.grads, 'gradients');
  const agg = need(state.agg, 'aggregation');
  tf.tidy(() => {
    env.lossSum.assign(tf.add(env.lossSum, grads.losses));
    env.watch.record(grads.losses, grads.shared, agg.direction, agg.weights);
  });
};

export const STEP_STAGES: readonly { name: string; run: Stage }[] = [
  { name: 'sample', run: sample },
  { name: 'gradients', run: gradients },
  { name: 'isolate', run: isolate },
  { name: 'communicate', run: communicate },
  { name: 'aggregate', run: aggregate },
  { name: 'lookahead', run: lookahead },
  { name: 'apply', run: apply },
  { name: 'monitor', run: monitor },
];
