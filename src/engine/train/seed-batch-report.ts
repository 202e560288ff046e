/**
 * The reports of R seeds trained as one batch, from ONE readback: for each seed, the report its one-by-one
 * run (trainer.ts) would give at the same step. Gradient statistics are computed on the batch's G [R, T, P]
 * (they never mix replicas); losses and metrics on each seed's own train and test splits by its own model's
 * `evaluate`, the very code a run's report uses, on row r of θ and slice r of the task tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../config/types';
import { gradientStats } from '../metrics/gradient-stats';
import { readAll } from '../metrics/readback';
import { assembleReport, type ReportValues } from './assemble-report';
import type { Model } from './model';
import type { Report } from './report';
import { SeedBatchWatch } from './seed-batch-watch';
import type { TrainingHealth } from './training-health';

export interface SeedBatchReportInput {
  step: number;
  seeds: readonly number[];
  configs: readonly ExperimentConfig[];
  /** Seed r's own model: its data, its evaluation sets and its sampler's shares. */
  models: readonly Model[];
  healths: readonly TrainingHealth[];
  watch: SeedBatchWatch;
  theta: tf.Tensor2D;
  taskVars: readonly tf.Tensor[];
  /** The last step's task gradients [R, T, P] (or a fresh batch's, before the first step). */
  grads: tf.Tensor3D;
  /** [R, T] the last step's weights, or null before the first step (ones, as in a run). */
  weights: tf.Tensor2D | null;
  /** Sum of the training losses since the last report [R, T], over `lossCount` steps. */
  lossSum: tf.Tensor2D;
  lossCount: number;
}

export async function seedBatchReports(input: SeedBatchReportInput): Promise<Report[]> {
  const { models, seeds, theta, taskVars, watch } = input;
  const R = seeds.length;
  const model = models[0] as Model;
  const T = model.tasks.length;
  const tensors = tf.tidy(() => {
    const evaluations = models.map((m, r) => {
      const thetaR = theta.slice([r, 0], [1, -1]);
      const varsR = taskVars.map((v) => v.slice(r, 1).reshape(v.shape.slice(1)));
      return { train: m.evaluate(thetaR, varsR, 'train'), test: m.evaluate(thetaR, varsR, 'test') };
    });
    const stats = gradientStats(input.grads, model.layers);
    return {
      badStep: watch.badStep,
      finite: SeedBatchWatch.finiteRows(theta),
      trainLoss: input.lossCount
        ? tf.div(input.lossSum, input.lossCount)
        : tf.concat(evaluations.map((e) => e.train.loss)),
      testLoss: tf.concat(evaluations.map((e) => e.test.loss)),
      trainMetric: tf.stack(evaluations.map((e) => e.train.metric)),
      testMetric: tf.stack(evaluations.map((e) => e.test.metric)),
      norms: stats.norms,
      cosine: stats.cosine,
      weights: input.weights ?? tf.ones([R, T]),
      ...Object.fromEntries(stats.layerCosine.map((c, l) => [`layer${l}`, c])),
      ...Object.fromEntries(stats.layerNorms.map((n, l) => [`layerNorm${l}`, n])),
    };
  });
  try {
    const values = await readAll(tensors);
    const finite = Array.from(values.finite);
    watch.throwIfSeeds(Array.from(values.badStep), finite, input.configs[0]?.method.id ?? '');
    return seeds.map((seed, r) => {
      const report = assembleReport(input.step, replicaValues(values, r, R), {
        taskNames: model.tasks.map((t) => t.name),
        replicas: 1,
        layerNames: model.layers.map((l) => l.name),
        objective: false,
      });
      const health = input.healths[r] as TrainingHealth;
      const config = input.configs[r] as ExperimentConfig;
      report.health = watch.latchSeed(seed, () => health.review(report, finite[r] === 1, config));
      const sampling = models[r]?.sampling;
      if (sampling) report.sampling = sampling.instance.shares();
      return report;
    });
  } finally {
    const persistent = new Set<tf.Tensor>([watch.badStep, ...(input.weights ? [input.weights] : [])]);
    tf.dispose(Object.values(tensors).filter((t) => !persistent.has(t)));
  }
}

/** Seed r's slice of every [R, ...] block of the readback. */
function replicaValues(values: Record<string, Float32Array>, r: number, R: number): ReportValues {
  const slice = (block: Float32Array) => {
    const inner = block.length / R;
    return block.subarray(r * inner, (r + 1) * inner);
  };
  const out: Record<string, Float32Array> = {};
  for (const [name, block] of Object.entries(values))
    if (name !== 'badStep' && name !== 'finite') out[name] = slice(block);
  return out as unknown as ReportValues;
}
