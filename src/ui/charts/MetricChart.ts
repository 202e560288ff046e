/** Per-task test metric over steps; its name ("accuracy", "R²", ...) comes from the trainer info. */
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { SERIES } from '../../state/history';
import { defineTimeSeries } from './define';
import { taskColor } from './palette';
import { formatPercent } from './series';
import { shortTaskNames } from './task-labels';

/** The y label and the "higher/lower is better" hint: one metric name if all tasks share it. */
export function metricLabel(info?: TrainerInfo | null): { label: string; hint: string } {
  const tasks = info?.tasks ?? [];
  const labels = [...new Set(tasks.map((t) => t.metricLabel))];
  if (labels.length !== 1) return { label: 'metric', hint: '' };
  const better = tasks[0]?.higherIsBetter ? 'higher' : 'lower';
  return { label: labels[0] as string, hint: ` (${better} is better)` };
}

/**
 * The level a task scores by guessing, when every task's metric is accuracy over the same number of
 * classes: 1/C (10% for MultiMNIST's digits). Not TrainerInfo's `chance`, which is the health check's
 * threshold ("at chance or below", with a margin), not the level itself.
 */
export function chanceLine(info?: TrainerInfo | null): { y: number; label: string } | null {
  const tasks = info?.tasks ?? [];
  if (!tasks.length || tasks.some((t) => t.metric !== 'accuracy')) return null;
  const classes = [...new Set(tasks.map((t) => t.classNames?.length ?? 0))];
  const [c] = classes;
  if (classes.length !== 1 || c === undefined || c < 2) return null;
  return { y: 1 / c, label: `chance ${formatPercent(1 / c)}` };
}

export const metricChart = defineTimeSeries({
  id: 'metric',
  title: ({ info }) => `Test ${metricLabel(info).label} per task`,
  info: ({ info }) => {
    const { label, hint } = metricLabel(info);
    return `Each task's ${label} on its test split${hint}. Compare with single-task training to see whether sharing helps or hurts a task.`;
  },
  empty: ({ info }) => `Press Train to see each task's ${metricLabel(info).label}.`,
  yLabel: ({ info }) => metricLabel(info).label,
  yFormat: ({ info }) => (metricLabel(info).label === 'accuracy' ? 'percent' : 'number'),
  referenceLine: ({ info }) => chanceLine(info),
  lines: ({ names, info }) => {
    // Tasks with different metrics: each line says which it is.
    const mixed = metricLabel(info).label === 'metric' && info;
    const short = shortTaskNames(names);
    return names.map((name, t) => {
      const own = mixed ? ` (${info.tasks[t]?.metricLabel ?? 'metric'})` : '';
      return {
        key: name,
        column: SERIES.testMetric(t),
        name: `${short[t]}${own}`,
        title: `${name}${own}`,
        color: taskColor(t),
      };
    });
  },
});
