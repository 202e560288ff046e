/**
 * The line chart behind every "over training steps" chart (Recharts): the card's width, a fixed height,
 * labelled axes, a legend (full names on hover), a tooltip with a cursor, optional log scale, fixed domain
 * and a labelled zero line over a shaded conflict area. A live update must stay far under 50 ms of main
 * thread (issue 11), so Recharts gets as little to do as we can give it: about one row per few px of plot
 * (min/max kept), axes whose ranges and ticks we compute (axis.ts) and it never measures, no animation,
 * no dots, children that keep their identity between updates (TimeChartParts.tsx), and a tooltip
 * mounted only under the pointer. Overlaid runs' lines come in `series` (each with its run), their rows
 * merged into `rows`; marks of live changes and the run legend follow their own (rare) changes.
 */
import { CHART_HEIGHT } from './chart-height';
import { LineChart } from 'recharts';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { xAxisFor, yAxisFor } from './axis';
import { ChartLegend, RunLegend, ZeroLabel, type RunStyle } from './ChartLabels';
import type { SeriesSpec } from './define';
import { downsampleRows, rowBudget, type Row } from './downsample';
import type { Mark } from './marks';
import {
  lineElements,
  markElements,
  timeChartParts,
  tooltipContent,
  Y_AXIS_WIDTH,
  yLabelOf,
} from './TimeChartParts';
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
  /** A labelled dashed horizontal line at `y` (a chance level), drawn when y is on the axis. */
  referenceLine?: { y: number; label: string };
  /** 'percent': y ticks read 85% for 0.85. */
  yFormat?: 'percent' | 'number';
  /** Height of the plot (the legend sits above it). */
  height?: number;
  /** Live changes of the run: a dashed vertical line each. */
  marks?: readonly Mark[];
  /** With overlaid runs: every run's line style, the live run first (a legend row says which is which). */
  runs?: readonly RunStyle[];
}

const NO_MARKS: readonly Mark[] = [];
const NO_RUNS: readonly RunStyle[] = [];

// The right margin holds half of the last step label: "10000" at 12 px overflowed 16 px by a pixel or two.
const MARGIN = { top: 8, right: 22, bottom: 16, left: 4 };

export const TimeSeriesChart = memo(function TimeSeriesChart({
  rows,
  series,
  yLabel,
  ariaLabel,
  log = false,
  domain,
  ticks,
  zeroLine,
  referenceLine,
  yFormat = 'number',
  height = CHART_HEIGHT,
  marks = NO_MARKS,
  runs = NO_RUNS,
}: TimeSeriesChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  const [hovered, setHovered] = useState(false);
  // `series` is rebuilt with every history update; what Recharts sees follows its content only.
  const seriesKey = JSON.stringify(series);
  const lines = useMemo(() => JSON.parse(seriesKey) as SeriesSpec[], [seriesKey]);
  const keys = useMemo(() => lines.map((s) => s.key), [lines]);
  // The task legend names the live run's lines; the run legend says which style is which run.
  const liveLines = useMemo(() => lines.filter((s) => s.run === undefined), [lines]);
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
  // The tooltip reads the rows drawn when it renders, so new rows do not give the Tooltip new props.
  const drawnRef = useRef(drawn);
  useLayoutEffect(() => {
    drawnRef.current = drawn;
  }, [drawn]);
  const content = useMemo(() => tooltipContent(lines, () => drawnRef.current), [lines]);
  const markParts = useMemo(() => markElements(marks), [marks]);
  const plotted = useMemo(() => lineElements(lines), [lines]);
  const zeroShown = Boolean(zeroLine) && !log && yDomain[0] <= 0 && 0 <= yDomain[1];
  const zeroLabel = useMemo(
    () => (zeroShown ? <ZeroLabel text={zeroLine ?? ''} /> : null),
    [zeroShown, zeroLine],
  );
  const referenceShown =
    referenceLine !== undefined && yDomain[0] <= referenceLine.y && referenceLine.y <= yDomain[1];
  const parts = useMemo(
    () =>
      timeChartParts({
        xTicks,
        yDomain,
        yTicks,
        log,
        yLabel: yLabelProps,
        hovered,
        content,
        zeroLabel,
        reference: referenceShown ? referenceLine : undefined,
        yFormat,
        marks: markParts,
        lines: plotted,
      }),
    [
      xTicks,
      yDomain,
      yTicks,
      log,
      yLabelProps,
      hovered,
      content,
      zeroLabel,
      referenceShown,
      referenceLine,
      yFormat,
      markParts,
      plotted,
    ],
  );
  return (
    <div style={{ width: '100%' }}>
      <ChartLegend series={liveLines} />
      {runs.length > 1 ? <RunLegend runs={runs} /> : null}
      <div
        ref={frame}
        role="img"
        aria-label={ariaLabel}
        data-series={lines.length}
        data-points={drawn.length}
        data-marks={marks.length}
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
