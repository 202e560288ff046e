/** Each task's share of the training samples over time, as the sampling strategy allocated them. */
import { useMemo } from 'react';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { ChartCard } from './ChartCard';
import { downsampleColumns, MAX_POINTS } from './downsample';
import { taskNames, shareColumns } from './series';
import { taskSeries } from './task-labels';
import { latestSummary } from './chartParts';
import { TimeSeriesChart } from './TimeSeriesChart';

export interface SharesChartProps {
  reports: readonly Report[];
  info?: TrainerInfo | null;
  /** The sampling strategy's name for the title, e.g. "Bandit". */
  strategy?: string;
  maxPoints?: number;
  height?: number;
}

export function SharesChart({ reports, info, strategy, maxPoints = MAX_POINTS, height }: SharesChartProps) {
  const { series, rows } = useMemo(() => {
    const names = taskNames(reports, info);
    const series = taskSeries(names);
    return {
      series,
      rows: downsampleColumns(shareColumns(reports, names), maxPoints),
    };
  }, [reports, info, maxPoints]);
  return (
    <ChartCard
      id="shares"
      title={strategy ? `Task shares of the samples (${strategy})` : 'Task shares of the samples'}
      info="The fraction of the training samples each task received recently (a moving average over about 100 steps). Mixed batches keep it even; proportional and temperature sampling follow the data sizes; importance and the bandit move it towards the tasks that need or gain most."
      ready={reports.some((r) => r.sampling)}
      empty="Press Train to see how the sampling strategy shares the steps."
    >
      <TimeSeriesChart
        rows={rows}
        series={series}
        yLabel="share of samples"
        {...(height ? { height } : {})}
        ariaLabel={`Sample share per task ${latestSummary(rows, series)}`}
      />
    </ChartCard>
  );
}
