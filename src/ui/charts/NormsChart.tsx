/** Per-task gradient norm ‖∇θ L_t‖ on the shared parameters over steps, with a "Log scale" toggle. */
import { useMemo, useState } from 'react';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { ChartCard } from './ChartCard';
import { downsampleColumns, MAX_POINTS } from './downsample';
import { normColumns, taskNames } from './series';
import { taskSeries } from './task-labels';
import { latestSummary, useLogScale } from './chartParts';
import { TimeSeriesChart } from './TimeSeriesChart';

export interface NormsChartProps {
  reports: readonly Report[];
  info?: TrainerInfo | null;
  defaultLog?: boolean;
  maxPoints?: number;
  height?: number;
}

export function NormsChart({
  reports,
  info,
  defaultLog = true,
  maxPoints = MAX_POINTS,
  height,
}: NormsChartProps) {
  const [wanted, setWanted] = useState(defaultLog);
  const { series, keys, rows } = useMemo(() => {
    const names = taskNames(reports, info);
    const series = taskSeries(names);
    const keys = series.map((s) => s.key);
    return { series, keys, rows: downsampleColumns(normColumns(reports, names), maxPoints) };
  }, [reports, info, maxPoints]);
  const { log, control, note } = useLogScale(rows, keys, wanted, setWanted, 'norms');
  return (
    <ChartCard
      id="norms"
      title="Gradient norm per task"
      info="‖∇θ L_t‖ of each task on the shared parameters. A task with a much larger norm dominates an equally weighted sum; GradNorm and IMTL rebalance the scales."
      ready={reports.length > 0}
      empty="Press Train to see each task's gradient norm."
      controls={control}
      footer={note}
    >
      <TimeSeriesChart
        rows={rows}
        series={series}
        yLabel={log ? '‖gradient‖ (log)' : '‖gradient‖'}
        log={log}
        {...(height ? { height } : {})}
        ariaLabel={`Gradient norm per task ${latestSummary(rows, series)}`}
      />
    </ChartCard>
  );
}
