/** The task weights the method applied at each report's last step (update = Σ w_t g_t). */
import { useMemo } from 'react';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { ChartCard } from './ChartCard';
import { downsampleColumns, MAX_POINTS } from './downsample';
import { taskNames, weightColumns } from './series';
import { taskSeries } from './task-labels';
import { latestSummary } from './chartParts';
import { TimeSeriesChart } from './TimeSeriesChart';

export interface WeightsChartProps {
  reports: readonly Report[];
  info?: TrainerInfo | null;
  /** The method's name for the title, e.g. "PCGrad". */
  method?: string;
  maxPoints?: number;
  height?: number;
}

export function WeightsChart({ reports, info, method, maxPoints = MAX_POINTS, height }: WeightsChartProps) {
  const { series, rows } = useMemo(() => {
    const names = taskNames(reports, info);
    const series = taskSeries(names);
    return {
      series,
      rows: downsampleColumns(weightColumns(reports, names), maxPoints),
    };
  }, [reports, info, maxPoints]);
  return (
    <ChartCard
      id="weights"
      title={method ? `Task weights applied by ${method}` : 'Task weights applied by the method'}
      info="The weight w_t the method gave each task's gradient at the last step. Equal weighting keeps them at 1; loss-balancing methods set them directly and gradient-surgery methods (PCGrad, MGDA, CAGrad) imply them from the gradients."
      ready={reports.length > 0}
      empty="Press Train to see the task weights."
    >
      <TimeSeriesChart
        rows={rows}
        series={series}
        yLabel="task weight"
        {...(height ? { height } : {})}
        ariaLabel={`Task weights per task ${latestSummary(rows, series)}`}
      />
    </ChartCard>
  );
}
