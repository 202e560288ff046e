/**
 * A trainer's report (trainer.ts `report()`): one readback of everything the charts and the health review
 * need, built on the device in one tidy (losses and metrics on both splits, the last step's gradient
 * statistics, the method's weights, the running train-loss sums), then assembled in JS. Reading it resets
 * the running sums: the next report's train loss averages the steps in between.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CommunicationChannel } from '../communication/channel';
import type { ExperimentConfig } from '../config/types';
import type { EmbeddingCache } from '../embedding-cache/types';
import { jointAdaptationReport } from '../meta/joint-baseline';
import type { AffinityAverage } from '../metrics/affinity';
import { gradientStats } from '../metrics/gradient-stats';
import { readAll } from '../metrics/readback';
import { assembleReport, replicaMatrix } from './assemble-report';
import { allFinite, type DivergenceWatch } from './divergence-watch';
import type { Model, TaskGradients } from './model';
import type { PartialTasks } from './partial-tasks';
import type { Report } from './report';
import type { SamplerFeedbackSource } from './sampler-feedback';
import type { StepKeepers } from './step-keepers';
import type { TrainingHealth } from './training-health';

/** The trainer's parts a report reads (it owns none of them). */
export interface ReportSources {
  /** The run's own model (not an embedding cache's view of it). */
  model: Model;
  theta: tf.Variable<tf.Rank.R2>;
  taskVars: tf.Variable[];
  /** Per replica and task, the sum of the train losses since the last report, and how many steps. */
  lossSum: tf.Variable;
  lossCount: { value: number };
  watch: DivergenceWatch;
  partial: PartialTasks | null;
  /** The last step's gradients and weights; empty before the first step. */
  last: StepKeepers;
  affinity: AffinityAverage;
  communication: CommunicationChannel | null;
  cache: EmbeddingCache | null;
  health: TrainingHealth;
  feedback: SamplerFeedbackSource;
  /** Every task's gradients on a fresh batch, for a report before the first step. */
  firstGradients(): TaskGradients;
}

function disposeGradients(g: TaskGradients): void {
  tf.dispose([g.losses, g.shared, ...g.taskParams, ...(g.representation ? [g.representation] : [])]);
}

/** The device tensors of one report, built in one tidy (the caller reads them back, then frees them). */
function reportTensors(src: ReportSources, fresh: TaskGradients | null) {
  const { model, theta, taskVars, lossSum, lossCount, watch, partial, last, affinity, communication } = src;
  const [R, T] = [model.replicas, model.tasks.length];
  return tf.tidy(() => {
    const g = last.grads ?? (fresh as TaskGradients).shared;
    const stats = gradientStats(g, model.layers);
    const train = model.evaluate(theta, taskVars, 'train');
    const test = model.evaluate(theta, taskVars, 'test');
    const layers = {
      ...Object.fromEntries(stats.layerCosine.map((c, l) => [`layer${l}`, c])),
      ...Object.fromEntries(stats.layerNorms.map((n, l) => [`layerNorm${l}`, n])),
    };
    return {
      badStep: watch.badStep,
      trainLoss: lossCount.value
        ? tf.div(lossSum, partial ? tf.tensor2d(partial.takeCounts(), [1, T]) : lossCount.value)
        : train.loss,
      testLoss: test.loss,
      trainMetric: train.metric,
      testMetric: test.metric,
      norms: stats.norms,
      cosine: stats.cosine,
      weights: last.weights ?? tf.ones([R, T]),
      // Networks read back one flag; objective suites read θ itself, the trajectory the app draws.
      thetaFinite: allFinite(theta),
      ...(model.kind === 'objective' ? { theta } : {}),
      ...(affinity.count ? { affinity: affinity.mean() } : {}),
      ...communication?.reportTensors(),
      ...layers,
    };
  });
}

/** The report at `steps` (throws the run's divergence, if any, naming its first bad step). */
export async function trainerReport(
  src: ReportSources,
  steps: number,
  current: ExperimentConfig,
): Promise<Report> {
  const { model, watch, last, lossSum, lossCount, cache, health, feedback, communication, affinity } = src;
  if (watch.diverged) throw watch.diverged;
  const fresh = last.grads ? null : src.firstGradients();
  const tensors = reportTensors(src, fresh);
  try {
    const values = await readAll(tensors);
    watch.throwIf(Array.from(values.badStep), current.method.id);
    const report = assembleReport(steps, values, {
      taskNames: model.tasks.map((t) => t.name),
      replicas: model.replicas,
      layerNames: model.layers.map((l) => l.name),
      objective: model.kind === 'objective',
    });
    // Before the health review: a step served from the cache has no trunk gradient, by design.
    if (cache) report.embeddingCache = cache.report();
    const thetaFinite = values.thetaFinite[0] === 1;
    report.health = watch.latch(() => health.review(report, thetaFinite, current));
    feedback.reported(
      report.tasks.map((t) => t.trainLoss),
      Math.max(steps - 1, 0),
    );
    if (model.sampling) report.sampling = model.sampling.instance.shares();
    const z = values.affinity;
    if (z)
      report.affinity = {
        matrix: replicaMatrix(z, model.replicas, model.tasks.length),
        samples: affinity.count,
      };
    if (communication) report.communication = communication.report(values);
    // A joint run on the sine family is scored like a meta-learner: error after k adaptation steps.
    const meta = await jointAdaptationReport(current, model, src.theta, src.taskVars);
    if (meta) report.meta = meta;
    return report;
  } finally {
    // Kept: θ, the last weights and the watch's flags belong to the trainer.
    tf.dispose(
      Object.values(tensors).filter((t) => t !== src.theta && t !== last.weights && t !== watch.badStep),
    );
    if (fresh) disposeGradients(fresh);
    tf.tidy(() => lossSum.assign(tf.zerosLike(lossSum)));
    lossCount.value = 0;
  }
}
