/**
 * The trainer: `createTrainer(config)`, then `await step(n)`, `await report()` and `dispose()`.
 *
 * A step: draw a batch; get every task's gradient of θ (task-grads.ts); let the method combine them into
 * one direction; descend along it with the optimizer (task-specific tensors get their own task's gradient,
 * scaled by the weights for loss-weighting methods). Telemetry stays on the device (running loss sums,
 * first non-finite step per task) and is read back once per `step(n)` call and once per report.
 */
import { procedureTrainer } from './procedures';
import * as tf from '@tensorflow/tfjs-core';
import { variableFrom } from '../variables';
import { parseConfig } from '../config/parse';
import type { ExperimentConfig } from '../config/types';
import { AffinityAverage } from '../metrics/affinity';
import { createGradientIsolation } from './isolation';
import type { Batch } from './batches';
import { MethodSlot } from './method-slot';
import { PartialTasks } from './partial-tasks';
import { SamplerFeedbackSource } from './sampler-feedback';
import { createOptimizer } from '../optim/registry';
import { Rng } from '../random/rng';
import { buildModel } from './build-model';
import { DivergenceWatch } from './divergence-watch';
import { TrainingHealth } from './training-health';
import { chooseStrategy, computeTaskGradients, type TaskGradients } from './task-grads';
import { runStep, StepKeepers } from './step-keepers';
import { trainerInfo } from './trainer-info';
import { trainerReport, type ReportSources } from './trainer-report';
import { DeviceState } from '../stateful/device-state';
import type { MethodState } from '../stateful/state';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  checkCheckpoint,
  readTensor,
  restoreJs,
  restoreParts,
  snapshotParts,
  tensorFrom,
} from './checkpoint';
import type { Trainer, TrainerOptions } from './trainer-types';
import { STEP_STAGES, type StepEnv } from './step-stages';
import { createEmbeddingCache } from '../embedding-cache/registry';
import { createChannel } from '../communication/channel';

export type { Trainer, TrainerOptions } from './trainer-types';

export function createTrainer(config: ExperimentConfig, options: TrainerOptions = {}): Trainer {
  const procedure = procedureTrainer(config, options, createTrainer);
  if (procedure) return procedure;
  const resume = options.resume && checkCheckpoint(options.resume, config);
  const rng = new Rng(config.seed);
  const model = buildModel(config, rng);
  const R = model.replicas;
  const T = model.tasks.length;
  const communication = withModel(model, () =>
    createChannel(config, { replicas: R, tasks: T, numShared: model.numShared }, rng),
  );
  const theta = variableFrom(() => tf.tensor2d(model.initialShared, [R, model.numShared]), true);
  const taskVars = model.taskParams.map((p) => variableFrom(() => tf.tensor(p.init, p.shape), true));
  const optimizer = createOptimizer(config.optimizer, config.learningRate, [theta, ...taskVars]);
  const strategy = chooseStrategy(config, model);
  // The shared bottom's embedding cache (embedding-cache/): the step's model reads it in its fused pass.
  const cache = createEmbeddingCache(config, model, optimizer);

  // Device-side telemetry: no readback inside the step loop.
  const lossSum = variableFrom(() => tf.zeros([R, T]));
  const watch = new DivergenceWatch(model.tasks.map((t) => t.name));
  // The trainer's own carried state: parameters and running telemetry (the other parts live with their owners).
  const own = new DeviceState();
  own.adopt('theta', theta);
  taskVars.forEach((v, i) => own.adopt(`task${i}`, v));
  own.adopt('lossSum', lossSum);
  own.adopt('badStep', watch.badStep);
  const lossCount = own.box('lossCount', 0);
  const affinity = new AffinityAverage(R, T, config.isolation.affinityEvery);
  const isolation = createGradientIsolation(config.isolation, model.layers, T, model.numShared);
  // Only strategies that may leave tasks out need the last-loss/last-gradient bookkeeping.
  const partial = model.sampling?.entry.partial ? new PartialTasks(R, T, model.numShared) : null;
  const feedback = new SamplerFeedbackSource(model);
  const last = new StepKeepers();

  let current = config;
  const slot = new MethodSlot(model, rng);
  let steps = 0;

  function installMethod(next: ExperimentConfig): void {
    slot.install(next);
    current = next;
  }

  const env: StepEnv = {
    model: cache?.model ?? model,
    theta,
    taskVars,
    strategy,
    slot,
    isolation,
    partial,
    feedback,
    optimizer,
    lossSum,
    watch,
    affinity,
    communication,
    config: () => current,
  };

  /** One step through the stages (step-keepers.ts). */
  const oneStep = () => runStep(STEP_STAGES, env, steps, last);

  /**
   * Gradients on a fresh batch for a report before the first step: every task's, whatever the strategy
   * trains. The batch comes from the run's stream, so a run reported at step 0 (the app, `cli run`, studies
   * and lesson checks all report then) trains from the stream's second batch; the exported PyTorch script
   * does the same. A run never reported at step 0 trains from the first.
   */
  function firstGradients(): TaskGradients {
    const planned = model.nextBatch({ step: steps });
    const batch = planned && { x: planned.x, y: planned.y };
    try {
      return computeTaskGradients(strategy, model, theta, taskVars, batch, slot.probe);
    } finally {
      disposeBatch(planned);
    }
  }

  function disposeBatch(batch: Batch | null): void {
    if (batch) tf.dispose([batch.x, batch.y, ...(batch.weights ? [batch.weights] : [])]);
  }

  /** Every state a step carries forward, by name (checkpoint.ts). */
  function stateParts(): Record<string, MethodState> {
    return {
      trainer: own,
      optimizer: optimizer.state,
      method: slot.instance.state,
      ...(slot.optimizer ? { 'method-optimizer': slot.optimizer.state } : {}),
      ...(model.sampling ? { sampler: model.sampling.instance.state } : {}),
      affinity: affinity.state,
      ...(partial ? { partial: partial.state } : {}),
      ...(cache ? { embeddingCache: cache.state } : {}),
      ...(communication ? { communication: communication.state } : {}),
    };
  }

  installMethod(config);
  const info = trainerInfo(model, strategy);
  // Judged from each report's values in JS: explosions stop the run, a collapse is explained in the report.
  const health = new TrainingHealth(info);
  const jsState = { health, feedback };
  const reportSources: ReportSources = {
    model,
    theta,
    taskVars,
    lossSum,
    lossCount,
    watch,
    partial,
    last,
    affinity,
    communication,
    cache,
    health,
    feedback,
    firstGradients,
  };
  if (resume) {
    try {
      restoreParts(stateParts(), resume.parts);
      restoreJs(jsState, resume.js);
    } catch (error) {
      disposeAll();
      throw error;
    }
    rng.setTreeState(resume.rng);
    steps = resume.step;
    last.replace(tensorFrom(resume.last.grads), tensorFrom(resume.last.weights));
  }

  const trainer: Trainer = {
    get config() {
      return current;
    },
    info,
    get stepCount() {
      return steps;
    },
    async step(n = 1, options = {}) {
      if (watch.diverged) throw watch.diverged;
      for (let i = 0; i < n; i++) {
        await oneStep();
        steps++;
        lossCount.value++;
      }
      if (options.check ?? true) await watch.check(current.method.id);
    },
    report: () => trainerReport(reportSources, steps, current),
    async predict(inputs, count) {
      if (watch.diverged) throw watch.diverged;
      const predict = model.predict;
      if (!predict) throw new Error(`the '${current.task.id}' suite has no inputs to predict on`);
      const out = tf.tidy(() =>
        predict(theta, taskVars, tf.tensor3d(inputs, [1, count, inputs.length / count])),
      );
      try {
        return (await out.data()) as Float32Array;
      } finally {
        out.dispose();
      }
    },
    setLearningRate(lr) {
      const next = parseConfig({ ...current, learningRate: lr });
      optimizer.setLearningRate(next.learningRate);
      slot.optimizer?.setLearningRate(next.learningRate);
      current = next;
    },
    setMethod(selection) {
      installMethod(parseConfig({ ...current, method: selection }));
    },
    async checkpoint() {
      if (watch.diverged) throw watch.diverged;
      // Taken synchronously first (the random streams), then read back: no step runs in between.
      const rngState = rng.treeState();
      return {
        format: CHECKPOINT_FORMAT,
        version: CHECKPOINT_VERSION,
        config: current,
        step: steps,
        parts: await snapshotParts(stateParts()),
        js: Object.fromEntries(Object.entries(jsState).map(([name, holder]) => [name, holder.save()])),
        last: { grads: await readTensor(last.grads), weights: await readTensor(last.weights) },
        rng: rngState,
      };
    },
    dispose: disposeAll,
  };
  return trainer;

  function disposeAll(): void {
    slot.dispose();
    optimizer.dispose();
    model.dispose();
    tf.dispose([theta, ...taskVars, lossSum]);
    watch.dispose();
    isolation.dispose();
    affinity.dispose();
    partial?.dispose();
    cache?.dispose();
    last.dispose();
    communication?.dispose();
  }
}

/** `make()`, freeing the model when it throws (a config that does not fit it: nothing else is built yet). */
function withModel<V>(model: { dispose(): void }, make: () => V): V {
  try {
    return make();
  } catch (error) {
    model.dispose();
    throw error;
  }
}
