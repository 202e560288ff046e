/**
 * The line chart behind every "over training steps" chart: the card's width, a fixed height, labelled
 * axes, a legend (full names on hover), a tooltip with a cursor, optional log scale, fixed domain, a
 * labelled zero line over a shaded conflict area and a labelled chance level. The plot is a scene
 * (time-scene.ts) painted on a canvas by the paint worker (plot-painter.ts): a live update must stay far
 * under 50 ms of main thread (issue 11), and building a scene costs a few ms where Recharts' SVG cost
 * 7-25 ms plus layout and paint. About one row per two px of plot is drawn (min/max kept). Overlaid runs' lines come in `series`
 * (each with its run), their rows merged into `rows`; marks of live changes are HTML labels over the plot.
 */
import { CHART_HEIGHT } from './chart-height';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { xAxisFor, yAxisFor } from './axis';
import { ChartLegend, RunLegend, type RunStyle } from './ChartLabels';
import type { SeriesSpec } from './define';
import { downsampleRows, rowBudget, type Row } from './downsample';
import { rememberScene } from './drawn-scenes';
import type { Mark } from './marks';
import { measureText } from './measure-text';
import { plotPainter, type PlotPainter } from './plot-painter';
import { PlotPointer } from './PlotPointer';
import { MARGIN, timeScene, Y_AXIS_MIN } from './time-scene';
import { useColorScheme } from './use-color-scheme';
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
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(frame);
  const scheme = useColorScheme();
  const [pointerX, setPointerX] = useState<number | null>(null);
  // `series` is rebuilt with every history update; what is drawn follows its content only.
  const seriesKey = JSON.stringify(series);
  const lines = useMemo(() => JSON.parse(seriesKey) as SeriesSpec[], [seriesKey]);
  const keys = useMemo(() => lines.map((s) => s.key), [lines]);
  // The task legend names the live run's lines; the run legend says which style is which run.
  const liveLines = useMemo(() => lines.filter((s) => s.run === undefined), [lines]);
  const plotWidth = width - Y_AXIS_MIN - MARGIN.left - MARGIN.right;
  const drawn = useMemo(() => downsampleRows(rows, rowBudget(plotWidth), keys), [rows, plotWidth, keys]);
  const scene = useMemo(() => {
    if (width <= 0) return null;
    const x = xAxisFor(drawn);
    const y = yAxisFor(drawn, keys, { log, ...(domain ? { domain } : {}), ...(ticks ? { ticks } : {}) });
    return timeScene({
      width,
      height,
      rows: drawn,
      lines,
      xDomain: x.domain,
      xTicks: x.ticks,
      yDomain: y.domain,
      yTicks: y.ticks,
      log,
      yFormat,
      yLabel,
      zeroLine,
      referenceLine,
      marks,
      measure: measureText,
    });
  }, [
    width,
    height,
    drawn,
    lines,
    keys,
    log,
    domain,
    ticks,
    yFormat,
    yLabel,
    zeroLine,
    referenceLine,
    marks,
  ]);
  // The canvas' painter (the paint worker, where the browser has one), for as long as the chart is mounted.
  const painter = useRef<PlotPainter | null>(null);
  useLayoutEffect(() => {
    if (!canvas.current) return;
    const own = plotPainter(canvas.current);
    painter.current = own;
    return () => {
      own.release();
      painter.current = null;
    };
  }, []);
  // Painted with each new scene, and again when the colour scheme changes the theme's colours.
  useLayoutEffect(() => {
    if (!scene || !painter.current || !frame.current) return;
    painter.current.paint(scene);
    rememberScene(frame.current, scene);
  }, [scene, scheme]);
  return (
    <div style={{ width: '100%' }}>
      <ChartLegend series={liveLines} />
      {runs.length > 1 ? <RunLegend runs={runs} /> : null}
      <div
        ref={frame}
        className="time-plot"
        role="img"
        aria-label={ariaLabel}
        data-series={lines.length}
        data-points={drawn.length}
        data-last-step={drawn.at(-1)?.step ?? ''}
        data-marks={marks.length}
        style={{ height }}
        onPointerMove={(e) => setPointerX(e.clientX - e.currentTarget.getBoundingClientRect().left)}
        onPointerLeave={() => setPointerX(null)}
      >
        <canvas ref={canvas} aria-hidden style={{ width: '100%', height }} />
        {scene?.labels.map((l) => (
          <span
            key={`${l.x}:${l.short}`}
            className="chart-mark"
            title={l.full}
            style={{ left: l.x, top: l.y, width: l.w, height: l.h }}
          >
            {l.short}
          </span>
        ))}
        {scene && pointerX !== null ? (
          <PlotPointer scene={scene} rows={drawn} lines={lines} pointerX={pointerX} />
        ) : null}
      </div>
    </div>
  );
});
