/** Per-task test metric over steps; the metric's name ("accuracy", "R²", ...) comes from the trainer info. */
import { useMemo } from 'react';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { ChartCard } from './ChartCard';
import { downsampleColumns, MAX_POINTS } from './downsample';
import { taskColor } from './palette';
import { metricColumns, taskNames, trainKey } from './series';
import { shortTaskNames } from './task-labels';
import { latestSummary } from './chartParts';
import { TimeSeriesChart, type SeriesSpec } from './TimeSeriesChart';

export interface MetricChartProps {
  reports: readonly Report[];
  info?: TrainerInfo | null;
  /** Also draw the training metric, dashed. Default false. */
  showTrain?: boolean;
  maxPoints?: number;
  height?: number;
}

/** The y label and the "higher/lower is better" hint: one metric name if all tasks share it. */
export function metricLabel(info?: TrainerInfo | null): { label: string; hint: string } {
  const tasks = info?.tasks ?? [];
  const labels = [...new Set(tasks.map((t) => t.metricLabel))];
  if (labels.length !== 1) return { label: 'metric', hint: '' };
  const better = tasks[0]?.higherIsBetter ? 'higher' : 'lower';
  return { label: labels[0] as string, hint: ` (${better} is better)` };
}

export function MetricChart({
  reports,
  info,
  showTrain = false,
  maxPoints = MAX_POINTS,
  height,
}: MetricChartProps) {
  const { label, hint } = metricLabel(info);
  const { series, rows } = useMemo(() => {
    const mixed = label === 'metric' && info;
    const names = taskNames(reports, info);
    const short = shortTaskNames(names);
    const series: SeriesSpec[] = names.flatMap((name, t) => {
      const own = mixed ? ` (${info.tasks[t]?.metricLabel ?? 'metric'})` : '';
      const test: SeriesSpec = {
        key: name,
        name: `${short[t]}${own}`,
        title: `${name}${own}`,
        color: taskColor(t),
      };
      const train: SeriesSpec = {
        key: trainKey(name),
        name: `${short[t]} train${own}`,
        title: `${name} train${own}`,
        color: taskColor(t),
        dashed: true,
      };
      return showTrain ? [test, train] : [test];
    });
    const rows = downsampleColumns(metricColumns(reports, names, showTrain), maxPoints);
    return { series, rows };
  }, [reports, info, label, showTrain, maxPoints]);
  return (
    <ChartCard
      id="metric"
      title={`Test ${label} per task`}
      info={`Each task's ${label} on its test split${hint}. Compare with single-task training to see whether sharing helps or hurts a task.`}
      ready={reports.length > 0}
      empty={`Press Train to see each task's ${label}.`}
      footer={showTrain && reports.length ? 'Solid: test · dashed: train' : null}
    >
      <TimeSeriesChart
        rows={rows}
        series={series}
        yLabel={label}
        {...(height ? { height } : {})}
        ariaLabel={`Test ${label} per task ${latestSummary(rows, series)}`}
      />
    </ChartCard>
  );
}
