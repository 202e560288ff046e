/**
 * The line chart behind every "over training steps" chart (Recharts): the card's width, a fixed height,
 * labelled axes, a legend (full names on hover), a tooltip with a cursor, optional log scale, fixed domain
 * and a labelled zero line over a shaded conflict area. A live update must stay far under 50 ms of main
 * thread (issue 11), so Recharts gets as little to do as we can give it: about one row per few px of plot
 * (min/max kept), axes whose ranges and ticks we compute (axis.ts) and it never measures, no animation,
 * no dots, children that keep their identity between updates (TimeChartParts.tsx), and a tooltip
 * mounted only under the pointer.
 */
import { LineChart } from 'recharts';
import { memo, useMemo, useRef, useState } from 'react';
import { xAxisFor, yAxisFor } from './axis';
import { ChartLegend, ZeroLabel } from './ChartLabels';
import type { SeriesSpec } from './define';
import { downsampleRows, rowBudget, type Row } from './downsample';
import { lineElements, timeChartParts, tooltipFormatter, Y_AXIS_WIDTH, yLabelOf } from './TimeChartParts';
import { useStableNumbers } from './use-stable';
import { useWidth } from './use-width';

export type { SeriesSpec };

export interface TimeSeriesChartProps {
  rows: Row[];
  series: SeriesSpec[];
  yLabel: string;
  /** Screen-reader description of the figure. */
  ariaLabel: string;
  log?: boolean;
  domain?: [number, number];
  ticks?: number[];
  /** A labelled horizontal line at y = 0. */
  zeroLine?: string;
  /** Height of the plot (the legend sits above it). */
  height?: number;
}

export const CHART_HEIGHT = 210;

const MARGIN = { top: 8, right: 16, bottom: 16, left: 4 };

export const TimeSeriesChart = memo(function TimeSeriesChart({
  rows,
  series,
  yLabel,
  ariaLabel,
  log = false,
  domain,
  ticks,
  zeroLine,
  height = CHART_HEIGHT,
}: TimeSeriesChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  const [hovered, setHovered] = useState(false);
  // `series` is rebuilt with every history update; what Recharts sees follows its content only.
  const seriesKey = JSON.stringify(series);
  const lines = useMemo(() => JSON.parse(seriesKey) as SeriesSpec[], [seriesKey]);
  const keys = useMemo(() => lines.map((s) => s.key), [lines]);
  const plotWidth = width - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right;
  const drawn = useMemo(() => downsampleRows(rows, rowBudget(plotWidth), keys), [rows, plotWidth, keys]);
  // The x range follows the data (Recharts' dataMin..dataMax, a constant prop); its round ticks, and the
  // y range and ticks, are ours, passed as the same arrays until their numbers change.
  const xTicks = useStableNumbers(useMemo(() => xAxisFor(drawn).ticks, [drawn]));
  const yAxis = useMemo(
    () => yAxisFor(drawn, keys, { log, ...(domain ? { domain } : {}), ...(ticks ? { ticks } : {}) }),
    [drawn, keys, log, domain, ticks],
  );
  const yDomain = useStableNumbers(yAxis.domain);
  const yTicks = useStableNumbers(yAxis.ticks);
  const yLabelProps = useMemo(() => yLabelOf(yLabel), [yLabel]);
  const formatter = useMemo(() => tooltipFormatter(lines), [lines]);
  const plotted = useMemo(() => lineElements(lines), [lines]);
  const zeroShown = Boolean(zeroLine) && !log && yDomain[0] <= 0 && 0 <= yDomain[1];
  const zeroLabel = useMemo(
    () => (zeroShown ? <ZeroLabel text={zeroLine ?? ''} /> : null),
    [zeroShown, zeroLine],
  );
  const parts = useMemo(
    () =>
      timeChartParts({
        xTicks,
        yDomain,
        yTicks,
        log,
        yLabel: yLabelProps,
        hovered,
        formatter,
        zeroLabel,
        lines: plotted,
      }),
    [xTicks, yDomain, yTicks, log, yLabelProps, hovered, formatter, zeroLabel, plotted],
  );
  return (
    <div style={{ width: '100%' }}>
      <ChartLegend series={lines} />
      <div
        ref={frame}
        role="img"
        aria-label={ariaLabel}
        data-series={lines.length}
        data-points={drawn.length}
        style={{ width: '100%', height }}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => setHovered(false)}
      >
        {width > 0 ? (
          <LineChart width={width} height={height} data={drawn} margin={MARGIN}>
            {parts}
          </LineChart>
        ) : null}
      </div>
    </div>
  );
});
