/** Per-task train (solid) and test (dashed) loss over steps, with a "Log scale" toggle. */
import { useMemo, useState } from 'react';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { ChartCard } from './ChartCard';
import { downsampleColumns, MAX_POINTS } from './downsample';
import { taskColor } from './palette';
import { lossColumns, taskNames, testKey, trainKey } from './series';
import { shortTaskNames } from './task-labels';
import { latestSummary, useLogScale } from './chartParts';
import { TimeSeriesChart, type SeriesSpec } from './TimeSeriesChart';

export interface LossChartProps {
  reports: readonly Report[];
  info?: TrainerInfo | null;
  /** Start on a log scale (the user can toggle). */
  defaultLog?: boolean;
  /** Point budget after downsampling (default 400). */
  maxPoints?: number;
  height?: number;
}

export function LossChart({
  reports,
  info,
  defaultLog = false,
  maxPoints = MAX_POINTS,
  height,
}: LossChartProps) {
  const [wanted, setWanted] = useState(defaultLog);
  const { series, keys, rows } = useMemo(() => {
    const names = taskNames(reports, info);
    const short = shortTaskNames(names);
    const series: SeriesSpec[] = names.flatMap((name, t) => [
      { key: trainKey(name), name: `${short[t]} train`, title: `${name} train`, color: taskColor(t) },
      {
        key: testKey(name),
        name: `${short[t]} test`,
        title: `${name} test`,
        color: taskColor(t),
        dashed: true,
      },
    ]);
    const keys = series.map((s) => s.key);
    return { series, keys, rows: downsampleColumns(lossColumns(reports, names), maxPoints) };
  }, [reports, info, maxPoints]);
  const { log, control, note } = useLogScale(rows, keys, wanted, setWanted, 'losses');
  return (
    <ChartCard
      id="loss"
      title="Loss per task"
      info="Each task's training loss (solid: mean over the batches since the last report) and test loss (dashed). One task's test loss rising while another's falls is negative transfer."
      ready={reports.length > 0}
      empty="Press Train to see each task's loss."
      controls={control}
      footer={reports.length ? <>Solid: train · dashed: test{note ? <> · {note}</> : null}</> : null}
    >
      <TimeSeriesChart
        rows={rows}
        series={series}
        yLabel={log ? 'loss (log)' : 'loss'}
        log={log}
        {...(height ? { height } : {})}
        ariaLabel={`Loss per task ${latestSummary(rows, series)}`}
      />
    </ChartCard>
  );
}
