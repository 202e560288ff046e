/** Static facts about a trainer, for the UI's status line, the architecture diagram and the CLI output. */
import * as tf from '@tensorflow/tfjs-core';
import { chanceLevel, METRICS, type MetricKind } from '../tasks/losses';
import type { Model } from './model';
import type { GradientStrategy } from './task-grads';

export interface TrainerInfo {
  tasks: {
    name: string;
    metric: MetricKind;
    metricLabel: string;
    higherIsBetter: boolean;
    /** The metric's chance level (tasks/losses.ts chanceLevel), where it has one. */
    chance?: number;
    /** Class names of a classification task (tasks/types.ts TaskInfo.classNames). */
    classNames?: string[];
    /** A standardised regression target's mean and std (TaskInfo.targetScale), to read losses in data units. */
    targetScale?: { mean: number; std: number };
  }[];
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
    tasks: model.tasks.map((t) => {
      const chance = chanceLevel(t);
      return {
        name: t.name,
        metric: t.metric,
        metricLabel: METRICS[t.metric].label,
        higherIsBetter: METRICS[t.metric].higherIsBetter,
        ...(chance === undefined ? {} : { chance }),
        ...(t.classNames ? { classNames: [...t.classNames] } : {}),
        ...(t.targetScale ? { targetScale: { ...t.targetScale } } : {}),
      };
    }),
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
