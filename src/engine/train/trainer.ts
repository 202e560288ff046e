/**
 * The trainer: `createTrainer(config)`, then `await step(n)`, `await report()` and `dispose()`.
 *
 * A step: draw a batch; get every task's gradient of θ (task-grads.ts); let the method combine them into
 * one direction; descend along it with the optimizer (task-specific tensors get their own task's gradient,
 * scaled by the weights for loss-weighting methods). Telemetry stays on the device (running loss sums,
 * first non-finite step per task) and is read back once per `step(n)` call and once per report.
 */
import * as tf from '@tensorflow/tfjs-core';
import { variableFrom } from '../variables';
import { parseConfig } from '../config/parse';
import type { ExperimentConfig, Selection } from '../config/types';
import { gradientStats } from '../metrics/gradient-stats';
import { readAll } from '../metrics/readback';
import type { Aggregation } from '../methods/types';
import type { SamplerFeedback } from '../sampling/types';
import { AffinityAverage, lookaheadAffinity } from '../metrics/affinity';
import { createGradientIsolation } from './isolation';
import { regularizerGradients } from './regularizers';
import type { Batch } from './batches';
import { MethodSlot } from './method-slot';
import { PartialTasks } from './partial-tasks';
import { SamplerFeedbackSource } from './sampler-feedback';
import { createOptimizer } from '../optim/registry';
import { Rng } from '../random/rng';
import { assembleReport, replicaMatrix } from './assemble-report';
import { buildModel } from './build-model';
import { allFinite, DivergenceWatch } from './divergence-watch';
import type { Report } from './report';
import { TrainingHealth } from './training-health';
import { chooseStrategy, computeTaskGradients, type TaskGradients } from './task-grads';
import { trainerInfo, type TrainerInfo } from './trainer-info';

export interface Trainer {
  readonly config: ExperimentConfig;
  readonly info: TrainerInfo;
  /** Steps taken so far. */
  readonly stepCount: number;
  /**
   * Take n optimizer steps. Rejects with TrainingDivergedError when a loss or gradient turned non-finite.
   * `check: false` skips that check's readback (a GPU round trip) for callers that report right after:
   * `report()` always checks, and still names the exact first bad step and task.
   */
  step(n?: number, options?: { check?: boolean }): Promise<void>;
  /**
   * Losses, metrics, gradient statistics, weights and health now: one readback. Rejects with
   * TrainingDivergedError when a value turned non-finite or a loss exploded (training-health.ts).
   */
  report(): Promise<Report>;
  /**
   * Model outputs for N inputs (row-major [N, inputDim]) with the current parameters: [T, N, outputDim]
   * row-major (logits for classification). Data suites only: objective suites have no inputs.
   */
  predict(inputs: Float32Array, count: number): Promise<Float32Array>;
  /** Applies from the next step on, keeping optimizer state. */
  setLearningRate(lr: number): void;
  /** Switch the gradient method mid-run (its state starts fresh); throws ConfigError if invalid. */
  setMethod(selection: Selection): void;
  dispose(): void;
}

export function createTrainer(config: ExperimentConfig): Trainer {
  const rng = new Rng(config.seed);
  const model = buildModel(config, rng);
  const R = model.replicas;
  const T = model.tasks.length;
  const theta = variableFrom(() => tf.tensor2d(model.initialShared, [R, model.numShared]), true);
  const taskVars = model.taskParams.map((p) => variableFrom(() => tf.tensor(p.init, p.shape), true));
  const optimizer = createOptimizer(config.optimizer, config.learningRate, [theta, ...taskVars]);
  const strategy = chooseStrategy(config, model.stackedCost);

  // Device-side telemetry: no readback inside the step loop.
  const lossSum = variableFrom(() => tf.zeros([R, T]));
  const watch = new DivergenceWatch(model.tasks.map((t) => t.name));
  let lossCount = 0;
  const affinity = new AffinityAverage(R, T, config.isolation.affinityEvery);
  const isolation = createGradientIsolation(config.isolation, model.layers, T, model.numShared);
  // Only strategies that may leave tasks out need the last-loss/last-gradient bookkeeping.
  const partial = model.sampling?.entry.partial ? new PartialTasks(R, T, model.numShared) : null;
  const feedback = new SamplerFeedbackSource(model);
  let lastGrads: tf.Tensor3D | null = null;
  let lastWeights: tf.Tensor2D | null = null;

  let current = config;
  const slot = new MethodSlot(model, rng);
  let steps = 0;

  function installMethod(next: ExperimentConfig): void {
    slot.install(next);
    current = next;
  }

  function applyUpdate(grads: TaskGradients, agg: Aggregation, penalty: tf.Tensor[] | null): void {
    tf.tidy(() => {
      const weightsPerTask = agg.weights.slice([0, 0], [1, T]).reshape([T]);
      // The regularizers' gradients are added after the task weighting: their strength is the user's.
      const headGrads = grads.taskParams.map((g, i) => {
        const weighted = slot.isWeighting
          ? tf.mul(g, weightsPerTask.reshape([T, ...g.shape.slice(1).map(() => 1)]))
          : g;
        const extra = penalty?.[i];
        return extra ? tf.add(weighted, extra) : weighted;
      });
      optimizer.apply([agg.direction, ...headGrads]);
      if (slot.optimizer && agg.trainableGrads) slot.optimizer.apply(agg.trainableGrads);
      lossSum.assign(tf.add(lossSum, grads.losses));
      watch.record(grads.losses, grads.shared, agg.direction, agg.weights);
    });
  }

  /** This step's gradients, with the batch they came from: the caller disposes it (`disposeBatch`). */
  function gradientsNow(
    feedback: SamplerFeedback,
    everyTask = false,
  ): TaskGradients & { active?: boolean[]; kpis?: tf.Tensor2D; batch: Batch | null } {
    const planned = model.nextBatch(feedback);
    // A report before the first step shows every task's gradient, whatever the strategy would train.
    const batch = everyTask && planned?.weights ? { x: planned.x, y: planned.y } : planned;
    if (batch !== planned) planned?.weights?.dispose();
    try {
      // The KPIs are measured before the update, on the batch the gradients come from.
      const kpis = slot.needsKpis && batch && model.kpis ? model.kpis(theta, taskVars, batch) : undefined;
      return {
        ...computeTaskGradients(strategy, model, theta, taskVars, batch, slot.probe),
        ...(batch?.active ? { active: batch.active } : {}),
        ...(kpis ? { kpis } : {}),
        batch,
      };
    } catch (error) {
      disposeBatch(batch);
      throw error;
    }
  }

  function disposeBatch(batch: Batch | null): void {
    if (batch) tf.dispose([batch.x, batch.y, ...(batch.weights ? [batch.weights] : [])]);
  }

  installMethod(config);
  const info = trainerInfo(model, strategy);
  // Judged from each report's values in JS: explosions stop the run, a collapse is explained in the report.
  const health = new TrainingHealth(info);

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
        const raw = gradientsNow(await feedback.next(steps, current.sampling.params, theta, taskVars));
        // Masks and per-task clipping change what every later stage sees, telemetry included.
        const shared = isolation.taskGradients(raw.shared);
        if (shared !== raw.shared) raw.shared.dispose();
        const grads: TaskGradients = { ...raw, shared };
        const seen = partial
          ? partial.fill(grads.losses, shared, raw.active, slot.partialPolicy)
          : { losses: grads.losses, grads: shared, telemetry: shared, mask: null };
        let agg: Aggregation | undefined;
        try {
          agg = await slot.instance.aggregate({
            grads: seen.grads,
            losses: seen.losses,
            step: steps,
            ...(grads.representation ? { repGrads: grads.representation } : {}),
            ...(seen.mask ? { active: seen.mask } : {}),
            ...(raw.kpis ? { kpis: raw.kpis } : {}),
          });
          const direction = isolation.direction(agg.direction);
          if (direction !== agg.direction) agg.direction.dispose();
          agg = { ...agg, direction };
          // Lookahead affinity on this batch, before the update (Fifty et al.: same batch, same θ).
          if (affinity.due(steps)) {
            // Unweighted slots: a task left out of this step still gets a loss reading (its slots hold real
            // samples), and its last gradient stands in for the step on it.
            const batch = raw.batch && { x: raw.batch.x, y: raw.batch.y };
            const lossesAt = (shared: tf.Tensor3D) => model.losses(shared, taskVars, batch);
            const z = lookaheadAffinity(lossesAt, theta, seen.telemetry, current.learningRate);
            affinity.add(z);
            z.dispose();
          }
          const penalty = await regularizerGradients(current.isolation, taskVars, model.taskParams);
          applyUpdate(grads, agg, penalty?.grads ?? null);
          if (penalty) tf.dispose([penalty.penalty, ...penalty.grads]);
        } finally {
          tf.dispose([
            grads.losses,
            ...grads.taskParams,
            ...(grads.representation ? [grads.representation] : []),
            ...(seen.losses !== grads.losses ? [seen.losses] : []),
            ...(seen.grads !== shared && seen.grads !== seen.telemetry ? [seen.grads] : []),
            ...(seen.mask ? [seen.mask] : []),
            ...(raw.kpis ? [raw.kpis] : []),
          ]);
          disposeBatch(raw.batch);
          if (agg) tf.dispose([agg.direction, ...(agg.trainableGrads ?? [])]);
        }
        lastGrads?.dispose();
        // Telemetry reads the gradients with left-out tasks at their last value (see PartialTasks).
        lastGrads = seen.telemetry;
        if (seen.telemetry !== shared) shared.dispose();
        lastWeights?.dispose();
        lastWeights = agg.weights;
        steps++;
        lossCount++;
      }
      if (options.check ?? true) await watch.check(current.method.id);
    },
    async report() {
      if (watch.diverged) throw watch.diverged;
      const fresh = lastGrads ? null : gradientsNow({ step: steps }, true);
      if (fresh) disposeBatch(fresh.batch);
      const tensors = tf.tidy(() => {
        const g = lastGrads ?? (fresh as TaskGradients).shared;
        const stats = gradientStats(g, model.layers);
        const train = model.evaluate(theta, taskVars, 'train');
        const test = model.evaluate(theta, taskVars, 'test');
        const layers = Object.fromEntries(stats.layerCosine.map((c, l) => [`layer${l}`, c]));
        return {
          badStep: watch.badStep,
          trainLoss: lossCount
            ? tf.div(lossSum, partial ? tf.tensor2d(partial.takeCounts(), [1, T]) : lossCount)
            : train.loss,
          testLoss: test.loss,
          trainMetric: train.metric,
          testMetric: test.metric,
          norms: stats.norms,
          cosine: stats.cosine,
          weights: lastWeights ?? tf.ones([R, T]),
          // Networks read back one flag; objective suites read θ itself, the trajectory the app draws.
          thetaFinite: allFinite(theta),
          ...(model.kind === 'objective' ? { theta } : {}),
          ...(affinity.count ? { affinity: affinity.mean() } : {}),
          ...layers,
        };
      });
      try {
        const values = await readAll(tensors);
        watch.throwIf(Array.from(values.badStep), current.method.id);
        const report = assembleReport(steps, values, {
          taskNames: model.tasks.map((t) => t.name),
          replicas: R,
          layerNames: model.layers.map((l) => l.name),
          objective: model.kind === 'objective',
        });
        const thetaFinite = values.thetaFinite[0] === 1;
        report.health = watch.latch(() => health.review(report, thetaFinite, current));
        feedback.reported(
          report.tasks.map((t) => t.trainLoss),
          Math.max(steps - 1, 0),
        );
        if (model.sampling) report.sampling = model.sampling.instance.shares();
        const z = values.affinity;
        if (z) report.affinity = { matrix: replicaMatrix(z, R, T), samples: affinity.count };
        return report;
      } finally {
        tf.dispose(
          Object.values(tensors).filter((t) => t !== theta && t !== lastWeights && t !== watch.badStep),
        );
        if (fresh) tf.dispose([fresh.losses, fresh.shared, ...fresh.taskParams]);
        tf.tidy(() => lossSum.assign(tf.zerosLike(lossSum)));
        lossCount = 0;
      }
    },
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
    dispose() {
      slot.dispose();
      optimizer.dispose();
      model.dispose();
      tf.dispose([theta, ...taskVars, lossSum]);
      watch.dispose();
      isolation.dispose();
      affinity.dispose();
      partial?.dispose();
      for (const t of [lastGrads, lastWeights]) t?.dispose();
    },
  };
  return trainer;
}
