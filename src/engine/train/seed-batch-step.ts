/**
 * One training step of R seeds as one batch: the stages of a run's step (step-stages.ts) with the replica
 * axis in front. Three stages are a run's own (isolate, aggregate, monitor: they already work on [R, T, P]
 * gradients, as the toy's start points use them); three are written here because a run's versions assume
 * one model and one replica:
 *   sample     every seed's sampler plans its batch; they are gathered at once (seed-batch-data.ts)
 *   gradients  every seed's and task's gradient from one batched pass (seed-batch-chain.ts)
 *   apply      a loss weighting scales each seed's task-specific gradients by that seed's weights
 * The method sees G [R, T, P] and treats each replica as its own problem (methods/types.ts), so only
 * methods that draw no random numbers give each seed exactly its one-by-one run (seed-batch-blocker.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SamplerInstance } from '../sampling/types';
import type { StepScope } from './step-scope';
import { aggregate, isolate, monitor, type StepEnv, type StepState } from './step-stages';
import type { ReplicaChain } from './seed-batch-chain';
import type { SeedBatchData } from './seed-batch-data';
import type { SeedBatchWatch } from './seed-batch-watch';

/** What a seed batch's step reads: a run's parts (isolation, method, optimizer, telemetry) and the replicas'. */
export interface SeedBatchEnv extends Pick<
  StepEnv,
  'taskVars' | 'slot' | 'isolation' | 'partial' | 'optimizer' | 'lossSum'
> {
  theta: tf.Variable<tf.Rank.R2>;
  watch: SeedBatchWatch;
  chain: ReplicaChain;
  data: SeedBatchData;
  /** One sampler per seed, from that seed's own model. */
  samplers: readonly SamplerInstance[];
}

type SeedStage = (state: StepState, env: SeedBatchEnv, scope: StepScope) => void | Promise<void>;

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed batch step out of order: no ${what} yet`);
  return value;
}

/** Each seed's next batch, as its sampler plans it (the plans' feedback: the step, as a run's 'mixed' gets). */
export function sampleSeeds(env: SeedBatchEnv, step: number) {
  return env.data.gather(env.samplers.map((s) => s.next({ step })));
}

const sample: SeedStage = (state, env, scope) => {
  state.batch = scope.own(sampleSeeds(env, state.step));
};

const gradients: SeedStage = (state, env, scope) => {
  const batch = need(state.batch ?? undefined, 'batch');
  state.grads = scope.own(env.chain.gradients(env.theta, env.taskVars, batch, env.slot.probe !== undefined));
};

const apply: SeedStage = (state, env) => {
  const grads = need(state.grads, 'gradients');
  const agg = need(state.agg, 'aggregation');
  const { slot } = env;
  tf.tidy(() => {
    const [R = 1, T = 1] = agg.weights.shape;
    // Only loss weightings scale the task-specific gradients [R, T, ...]: seed r's by its own weights.
    const scaled = grads.taskParams.map((g) =>
      slot.isWeighting ? tf.mul(g, agg.weights.reshape([R, T, ...g.shape.slice(2).map(() => 1)])) : g,
    );
    env.optimizer.apply([agg.direction, ...scaled]);
    if (slot.optimizer && agg.trainableGrads) slot.optimizer.apply(agg.trainableGrads);
  });
};

export const SEED_BATCH_STAGES: readonly { name: string; run: SeedStage }[] = [
  { name: 'sample', run: sample },
  { name: 'gradients', run: gradients },
  { name: 'isolate', run: isolate },
  { name: 'aggregate', run: aggregate },
  { name: 'apply', run: apply },
  { name: 'monitor', run: monitor },
];
