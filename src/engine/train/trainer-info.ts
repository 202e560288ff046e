/** Static facts about a trainer, for the UI's status line, the architecture diagram and the CLI output. */
import * as tf from '@tensorflow/tfjs-core';
import { METRICS, type MetricKind } from '../tasks/losses';
import type { Model } from './model';
import type { GradientStrategy } from './task-grads';

export interface TrainerInfo {
  tasks: { name: string; metric: MetricKind; metricLabel: string; higherIsBetter: boolean }[];
  kind: 'data' | 'objective';
  replicas: number;
  parameters: { shared: number; taskSpecificPerTask: number; total: number };
  sharedLayers: string[];
  gradientStrategy: GradientStrategy;
  backend: string;
}

export function trainerInfo(model: Model, strategy: GradientStrategy): TrainerInfo {
  const T = model.tasks.length;
  const taskSpecific = model.taskParams.reduce((n, p) => n + p.init.length, 0);
  return {
    tasks: model.tasks.map((t) => ({
      name: t.name,
      metric: t.metric,
      metricLabel: METRICS[t.metric].label,
      higherIsBetter: METRICS[t.metric].higherIsBetter,
    })),
    kind: model.kind,
    replicas: model.replicas,
    parameters: {
      shared: model.numShared,
      taskSpecificPerTask: T ? taskSpecific / T : 0,
      total: model.numShared * model.replicas + taskSpecific,
    },
    sharedLayers: model.layers.map((l) => l.name),
    gradientStrategy: strategy,
    backend: tf.getBackend(),
  };
}
