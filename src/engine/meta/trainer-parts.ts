/**
 * The meta trainer's small pieces: its network from the config, a meta-batch of fresh sines as tensors, the
 * single-model forward the adaptation evaluation calls, and the trainer's info.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../architectures/specs';
import type { ExperimentConfig } from '../config/types';
import type { Rng } from '../random/rng';
import { METRICS } from '../tasks/losses';
import { sampleSineTask, sineDistribution, type SineFamilyParams } from '../tasks/sine-family';
import type { TrainerInfo } from '../train/trainer-info';
import type { ModelForward } from './adaptation';
import type { MetaBatch } from './learner';
import { createMetaNet, type MetaNet } from './net';

/** The layer-sharing MLP's widths and activation (card-params.ts checks the architecture). */
export function netOf(config: ExperimentConfig): MetaNet {
  const p = config.architecture.params;
  return createMetaNet(p.widths as number[], p.activation as Activation);
}

/** The unstacked network as the adaptation evaluation calls it: parameters θ, inputs [1, N, 1]. */
export const singleForward =
  (net: MetaNet): ModelForward =>
  (params, x) =>
    net.forward(
      params.map((p) => p.expandDims(0)),
      x,
    );

/** B fresh sines with K shots and Q query points each, and the mean variance of their query targets. */
export function drawMetaBatch(
  family: SineFamilyParams,
  sizes: { metaBatch: number; shots: number; queries: number },
  rng: Rng,
): { batch: MetaBatch; targetVariance: number } {
  const dist = sineDistribution(family);
  const tasks = Array.from({ length: sizes.metaBatch }, () =>
    sampleSineTask(dist, rng, sizes.shots, sizes.queries),
  );
  const stack = (pick: (t: (typeof tasks)[number]) => Float32Array, n: number) => {
    const out = new Float32Array(sizes.metaBatch * n);
    tasks.forEach((t, b) => out.set(pick(t), b * n));
    return tf.tensor3d(out, [sizes.metaBatch, n, 1]);
  };
  const variance = (ys: Float32Array) => {
    const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
    return ys.reduce((a, b) => a + (b - mean) ** 2, 0) / ys.length;
  };
  return {
    batch: {
      shotsX: stack((t) => t.shotsX, sizes.shots),
      shotsY: stack((t) => t.shotsY, sizes.shots),
      queryX: stack((t) => t.queryX, sizes.queries),
      queryY: stack((t) => t.queryY, sizes.queries),
    },
    targetVariance: tasks.reduce((a, t) => a + variance(t.queryY), 0) / tasks.length,
  };
}

export function metaTrainerInfo(net: MetaNet): TrainerInfo {
  const total = net.shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
  return {
    tasks: [
      {
        name: 'a random sine',
        metric: 'r2',
        metricLabel: METRICS.r2.label,
        higherIsBetter: METRICS.r2.higherIsBetter,
        chance: 0.05,
      },
    ],
    kind: 'data',
    replicas: 1,
    parameters: { shared: total, taskSpecificPerTask: 0, total },
    sharedLayers: Array.from({ length: net.shapes.length / 2 }, (_, l) => `layer${l}`),
    gradientStrategy: 'loop',
    backend: tf.getBackend(),
  };
}
