/**
 * What the run list shows of a stored run, computed once when the run is loaded or saved: the labels come
 * from the engine's page-safe catalogues (never ids hard-coded here), the sparkline is the mean training
 * loss over tasks at ≤ 40 evenly spaced reports, so that a list of hundreds of runs stays cheap to draw.
 */
import { findArchitectureCard } from '../../engine/architectures/catalogue';
import { findMethodCard } from '../../engine/methods/catalogue';
import { CSV_SUITE_ID } from '../../engine/tasks/csv/suite';
import { findTaskSuite } from '../../engine/tasks/registry';
import type { ExperimentConfig } from '../../engine/config/types';
import type { RunRecord, RunStatus } from '../../engine/study/types';
import { evenIndices } from './decimate';

export const SPARKLINE_POINTS = 40;

export interface RunSummary {
  id: string;
  name: string;
  /** The method's label ("PCGrad"). */
  method: string;
  /** The architecture's label, with the sharing mask when it has one ("Layer sharing (shared, task)"). */
  architecture: string;
  /** The task suite's label. */
  task: string;
  status: RunStatus;
  /** The last step the run reached. */
  step: number;
  final: RunRecord['final'];
  /** Each task's final test metric with its label (from the trainer's info), for the list's columns. */
  finalMetrics: { task: string; label: string; value: number }[];
  /** Mean training loss over tasks, ≤ SPARKLINE_POINTS points in step order. */
  sparkline: number[];
  createdAt: number;
  study?: RunRecord['study'];
}

export const methodLabel = (config: ExperimentConfig): string =>
  findMethodCard(config.method.id)?.label ?? config.method.id;

export const taskLabel = (config: ExperimentConfig): string => {
  const label = findTaskSuite(config.task.id)?.label ?? config.task.id;
  // Own data: which file (its name; the config also pins its content hash).
  const file = config.task.params['file'];
  return config.task.id === CSV_SUITE_ID && typeof file === 'string'
    ? `${label}: ${file.split('/').pop() ?? file}`
    : label;
};

/** The architecture's label; a per-layer sharing mask (any boolean-array `shared` param) is spelled out. */
export function architectureLabel(config: ExperimentConfig): string {
  const label = findArchitectureCard(config.architecture.id)?.label ?? config.architecture.id;
  const shared = config.architecture.params['shared'];
  if (!Array.isArray(shared) || !shared.every((s) => typeof s === 'boolean')) return label;
  return `${label} — layers: ${shared.map((s) => (s ? 'shared' : 'per task')).join(', ')}`;
}

/** "<method> · <architecture> · seed N": the default name of a captured run. */
export const defaultRunName = (config: ExperimentConfig): string =>
  `${methodLabel(config)} · ${findArchitectureCard(config.architecture.id)?.label ?? config.architecture.id} · seed ${config.seed}`;

export function sparklineOf(record: RunRecord): number[] {
  const { history } = record;
  return evenIndices(history.length, SPARKLINE_POINTS).map((i) => {
    const tasks = history[i]?.tasks ?? [];
    return tasks.length ? tasks.reduce((s, t) => s + t.trainLoss, 0) / tasks.length : NaN;
  });
}

export function summarize(record: RunRecord): RunSummary {
  const last = record.history[record.history.length - 1];
  const labels = new Map(record.info?.tasks.map((t) => [t.name, t.metricLabel]) ?? []);
  return {
    id: record.id,
    name: record.name,
    method: methodLabel(record.config),
    architecture: architectureLabel(record.config),
    task: taskLabel(record.config),
    status: record.status,
    step: Math.max(record.final?.step ?? 0, last?.step ?? 0),
    final: record.final,
    finalMetrics: (record.final?.tasks ?? []).map((t) => ({
      task: t.name,
      label: labels.get(t.name) ?? 'metric',
      value: t.testMetric,
    })),
    sparkline: sparklineOf(record),
    createdAt: record.createdAt,
    ...(record.study ? { study: record.study } : {}),
  };
}
