/** Cosine similarity of each pair of task gradients over steps, y in [-1, 1], zero line marked. */
import { useMemo } from 'react';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { ChartCard } from './ChartCard';
import { downsampleColumns, MAX_POINTS } from './downsample';
import { taskColor } from './palette';
import { conflictSummary, cosineColumns, pairKey, taskNames, taskPairs } from './series';
import { shortTaskNames } from './task-labels';
import { latestSummary } from './chartParts';
import { TimeSeriesChart, type SeriesSpec } from './TimeSeriesChart';

export interface CosineChartProps {
  reports: readonly Report[];
  info?: TrainerInfo | null;
  /** A shared layer's cosines instead of all shared parameters (null/undefined: all). */
  layer?: string | null;
  maxPoints?: number;
  height?: number;
}

const TICKS = [-1, -0.5, 0, 0.5, 1];

export function CosineChart({ reports, info, layer, maxPoints = MAX_POINTS, height }: CosineChartProps) {
  const { series, rows, pairs } = useMemo(() => {
    const names = taskNames(reports, info);
    const pairs = taskPairs(names);
    const short = shortTaskNames(names);
    const series: SeriesSpec[] = pairs.map((p, k) => ({
      key: p.key,
      name: pairKey(short[p.i] as string, short[p.j] as string),
      title: p.key,
      color: taskColor(k),
    }));
    const rows = downsampleColumns(cosineColumns(reports, names, layer), maxPoints);
    return { series, rows, pairs };
  }, [reports, info, layer, maxPoints]);
  const summary = useMemo(() => conflictSummary(reports), [reports]);
  const ready = reports.length > 0 && pairs.length > 0;
  const share = `${Math.round(summary.share * 100)}%`;
  return (
    <ChartCard
      id="cosine"
      title={layer ? `Gradient cosine per task pair (${layer})` : 'Gradient cosine per task pair'}
      info="Cosine similarity of each pair of task gradients on the shared parameters. Below 0 the two tasks pull the shared weights in opposing directions: their gradients conflict (Yu et al., PCGrad, 2020)."
      ready={ready}
      empty={
        reports.length && !pairs.length
          ? 'Gradient conflict needs at least two tasks.'
          : 'Press Train to see whether the task gradients agree.'
      }
      footer={
        ready ? (
          <span>
            In conflict (some pair below 0) at {share} of reports so far ({summary.count} of {summary.total}).
          </span>
        ) : null
      }
    >
      <TimeSeriesChart
        rows={rows}
        series={series}
        yLabel="cosine similarity"
        domain={[-1, 1]}
        ticks={TICKS}
        zeroLine="conflict below 0"
        {...(height ? { height } : {})}
        ariaLabel={`Gradient cosine per task pair ${latestSummary(rows, series)}; in conflict at ${share} of reports`}
      />
    </ChartCard>
  );
}
