/**
 * Several seeds of one config trained side by side as replicas of one batched step: the engine's replica
 * axis R, which the toy already uses for its start points (θ is [R, P], losses [R, T], methods batched over
 * R). The seeds share every kernel launch and JS step of the trainer; the arithmetic grows with R.
 * `npm run bench -- --only study` measures it: on WASM, 5 seeds cost about 2.1x one run's CPU time per
 * step and 3.2x per run with reports and building (5 one by one: 5x); on tfjs's plain-JS CPU backend,
 * whose step is all arithmetic, batching saves nothing (seed-batch-chain.ts says why).
 *
 * Each replica sees exactly what its one-by-one run sees: each seed's model is built as a run builds it
 * (build-model.ts: its own data set, its own initial parameters, its own sampler stream), then the seeds'
 * parameters are stacked ([R, P] and [R, T, ...]), their data uploaded once (seed-batch-data.ts) and every
 * step runs once for all (seed-batch-step.ts). `reports()` returns, per seed, what
 * `createTrainer({ ...config, seed }).report()` returns at the same step (seed-batch.test.ts checks it).
 * Configs where that would not hold are refused by `seedBatchBlocker` (seed-batch-blocker.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../config/types';
import { createOptimizer } from '../optim/registry';
import { Rng } from '../random/rng';
import { findTaskSuite } from '../tasks/registry';
import { variableFrom } from '../variables';
import { buildModel } from './build-model';
import { createGradientIsolation } from './isolation';
import { MethodSlot } from './method-slot';
import type { Model, TaskGradients } from './model';
import type { Report } from './report';
import { seedBatchBlocker } from './seed-batch-blocker';
import { ReplicaChain } from './seed-batch-chain';
import { SeedBatchData } from './seed-batch-data';
import { seedBatchReports } from './seed-batch-report';
import { SEED_BATCH_STAGES, sampleSeeds, type SeedBatchEnv } from './seed-batch-step';
import { SeedBatchWatch } from './seed-batch-watch';
import { runStep, StepKeepers } from './step-keepers';
import { trainerInfo, type TrainerInfo } from './trainer-info';
import { TrainingHealth } from './training-health';

export { seedBatchBlocker };

/**
 * Seed-task pairs one batch may hold: the fused task-loss kernel takes at most 128 loss rows
 * (kernels/task-loss.ts). More seeds train as several batches.
 */
export const MAX_SEED_TASK_PAIRS = 128;

export interface SeedBatchTrainer {
  readonly seeds: readonly number[];
  readonly stepCount: number;
  /** The model's facts, with `replicas` = the number of seeds and `parameters.total` over all of them. */
  readonly info: TrainerInfo;
  /** Take n steps of every seed; rejects with TrainingDivergedError naming the seed if any replica diverged. */
  step(n: number): Promise<void>;
  /** ONE readback; report r equals createTrainer({...config, seed: seeds[r]}).report() at the same step. */
  reports(): Promise<Report[]>;
  dispose(): void;
}

/** Every seed's model, built as its one-by-one run builds it; nothing stays allocated if one is refused. */
function buildSeedModels(configs: readonly ExperimentConfig[], rngs: readonly Rng[]): Model[] {
  const models: Model[] = [];
  try {
    configs.forEach((c, r) => models.push(buildModel(c, rngs[r] as Rng)));
  } catch (error) {
    for (const m of models) m.dispose();
    throw error;
  }
  return models;
}

/** Seed-major concatenation of one array per seed. */
const stacked = (parts: readonly Float32Array[]): Float32Array => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

export function createSeedBatchTrainer(config: ExperimentConfig, seeds: readonly number[]): SeedBatchTrainer {
  const blocker = seedBatchBlocker(config);
  if (blocker) throw new Error(`these seeds cannot train as one batch: ${blocker}`);
  if (seeds.length === 0) throw new Error('seed batch: expected at least one seed, got none');
  const pairs = seeds.length * findTaskCount(config);
  if (pairs > MAX_SEED_TASK_PAIRS)
    throw new Error(
      `seed batch: ${seeds.length} seeds of ${pairs / seeds.length} tasks make ${pairs} seed-task pairs; accepted: at most ${MAX_SEED_TASK_PAIRS} (train the seeds in several batches)`,
    );
  const R = seeds.length;
  const configs = seeds.map((seed) => ({ ...config, seed }));
  const rngs = configs.map((c) => new Rng(c.seed));
  const models = buildSeedModels(configs, rngs);
  const model = models[0] as Model;
  const network = model.network;
  const training = models.flatMap((m) => (m.training ? [m.training] : []));
  const samplers = models.flatMap((m) => (m.sampling ? [m.sampling.instance] : []));
  const first = training[0];
  if (!network || !first || training.length < R || samplers.length < R) {
    for (const m of models) m.dispose();
    throw new Error('seed batch: the model is not a dense chain over a data suite');
  }
  const T = model.tasks.length;
  const P = model.numShared;

  const theta = variableFrom(() => tf.tensor2d(stacked(models.map((m) => m.initialShared)), [R, P]), true);
  const taskVars = model.taskParams.map((p, i) =>
    variableFrom(
      () => tf.tensor(stacked(models.map((m) => (m.taskParams[i] as typeof p).init)), [R, ...p.shape]),
      true,
    ),
  );
  const env: SeedBatchEnv = {
    theta,
    taskVars,
    chain: new ReplicaChain(network, R),
    data: new SeedBatchData(
      training.map((t) => t.split),
      T,
      first.inputDim,
      first.outputDim,
      first.weighted,
    ),
    samplers,
    optimizer: createOptimizer(config.optimizer, config.learningRate, [theta, ...taskVars]),
    lossSum: variableFrom(() => tf.zeros([R, T])),
    watch: new SeedBatchWatch(
      model.tasks.map((t) => t.name),
      seeds,
    ),
    isolation: createGradientIsolation(config.isolation, model.layers, T, P),
    partial: null,
    // One method instance over R replicas; a stochastic method, one per seed with that seed's own
    // random stream (per-seed-method.ts).
    slot: new MethodSlot({ ...pickHost(model), replicas: R }, rngs[0] as Rng, seeds),
  };
  env.slot.install(config);
  const healths = models.map((m) => new TrainingHealth(trainerInfo(m, 'fused')));
  const single = trainerInfo(model, 'fused');
  const info: TrainerInfo = {
    ...single,
    replicas: R,
    parameters: { ...single.parameters, total: single.parameters.total * R },
  };
  let steps = 0;
  let lossCount = 0;
  const last = new StepKeepers();

  /** One step through the stages (step-keepers.ts). */
  const oneStep = () => runStep(SEED_BATCH_STAGES, env, steps, last);

  /**
   * Before the first step: every seed's gradients on a fresh batch, as a run's first report draws one, and
   * like it unweighted (every task's gradient, whatever the strategy trains).
   */
  function firstGradients(): TaskGradients {
    const batch = sampleSeeds(env, steps);
    try {
      return env.chain.gradients(theta, taskVars, { x: batch.x, y: batch.y }, false);
    } finally {
      tf.dispose([batch.x, batch.y, ...(batch.weights ? [batch.weights] : [])]);
    }
  }

  return {
    seeds: [...seeds],
    info,
    get stepCount() {
      return steps;
    },
    async step(n) {
      if (env.watch.diverged) throw env.watch.diverged;
      for (let i = 0; i < n; i++) {
        await oneStep();
        steps++;
        lossCount++;
      }
      await env.watch.checkSeeds(config.method.id, theta);
    },
    async reports() {
      if (env.watch.diverged) throw env.watch.diverged;
      const fresh = last.grads ? null : firstGradients();
      try {
        return await seedBatchReports({
          step: steps,
          seeds,
          configs,
          models,
          healths,
          watch: env.watch,
          theta,
          taskVars,
          grads: last.grads ?? (fresh as TaskGradients).shared,
          weights: last.weights,
          lossSum: env.lossSum as tf.Tensor2D,
          lossCount,
        });
      } finally {
        if (fresh) tf.dispose([fresh.losses, fresh.shared, ...fresh.taskParams]);
        tf.tidy(() => env.lossSum.assign(tf.zerosLike(env.lossSum)));
        lossCount = 0;
      }
    },
    dispose() {
      env.slot.dispose();
      env.optimizer.dispose();
      env.data.dispose();
      env.watch.dispose();
      env.isolation.dispose();
      for (const m of models) m.dispose();
      tf.dispose([theta, ...taskVars, env.lossSum]);
      last.dispose();
    },
  };
}

/** The number of tasks the config's suite has (its blocker already found the suite). */
export function findTaskCount(config: ExperimentConfig): number {
  return findTaskSuite(config.task.id)?.numTasks(config.task.params) ?? 1;
}

/** What the method needs of the model; no KPIs: the batched pass does not compute them (the blocker says so). */
const pickHost = (m: Model) => ({
  tasks: m.tasks,
  replicas: m.replicas,
  numShared: m.numShared,
  representationSize: m.representationSize,
});
