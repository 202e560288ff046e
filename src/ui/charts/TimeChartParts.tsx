/**
 * What a Recharts time chart draws inside its LineChart: grid, axes with our ranges and ticks, the
 * tooltip (only under the pointer), the zero line over the conflict area, and the lines. The chart keeps
 * these elements in a memo, so an update that only brings new rows gives Recharts the same children:
 * React skips them and only the components that follow the data render again (issue 11).
 */
import type { ReactElement, ReactNode } from 'react';
import {
  CartesianGrid,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type LabelProps,
} from 'recharts';
import type { SeriesSpec } from './define';
import { formatNumber } from './series';

/** The y axis' room for tick labels and its title. */
export const Y_AXIS_WIDTH = 58;
const X_DOMAIN = ['dataMin', 'dataMax'];
const axisTick = { fill: 'var(--muted)', fontSize: 12 };
const xLabel: LabelProps = {
  value: 'step',
  position: 'insideBottom',
  offset: -10,
  fill: 'var(--muted)',
  fontSize: 12,
};
const tooltipStyle = {
  background: 'var(--card)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  color: 'var(--fg)',
  fontSize: 12,
};
const tooltipLabelStyle = { color: 'var(--fg)' };
const tip = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v));
const stepLabel = (s: unknown) => `step ${tip(s)}`;

/** The y axis title, turned along the axis. */
export const yLabelOf = (value: string): LabelProps => ({
  value,
  angle: -90,
  position: 'insideLeft',
  fill: 'var(--muted)',
  fontSize: 12,
  style: { textAnchor: 'middle' },
});

/** The tooltip's rows: the value, and the series' full name (its title) when the legend shortens it. */
export function tooltipFormatter(lines: readonly SeriesSpec[]) {
  const titles = new Map(lines.map((s) => [s.name ?? s.key, s.title ?? s.name ?? s.key]));
  return (value: unknown, name: unknown) => [tip(value), titles.get(String(name)) ?? String(name)];
}

/** One Recharts line per series: no dots, no animation, dashed for test series. */
export const lineElements = (lines: readonly SeriesSpec[]) =>
  lines.map((s) => (
    <Line
      key={s.key}
      dataKey={s.key}
      name={s.name ?? s.key}
      stroke={s.color}
      strokeWidth={1.8}
      {...(s.dashed ? { strokeDasharray: '5 4' } : {})}
      dot={false}
      isAnimationActive={false}
    />
  ));

export interface PartsOptions {
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  log: boolean;
  yLabel: LabelProps;
  /** Whether the pointer is over the chart (the tooltip exists only then). */
  hovered: boolean;
  formatter: ReturnType<typeof tooltipFormatter>;
  /** The zero line's label when the chart has a zero line and 0 is on the axis. */
  zeroLabel: ReactElement<SVGElement> | null;
  lines: ReactNode;
}

export function timeChartParts(o: PartsOptions): ReactNode {
  const y0 = o.yDomain[0];
  return (
    <>
      <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
      <XAxis
        dataKey="step"
        type="number"
        domain={X_DOMAIN}
        ticks={o.xTicks}
        interval={0}
        allowDataOverflow
        tickFormatter={formatNumber}
        tick={axisTick}
        stroke="var(--border)"
        label={xLabel}
      />
      <YAxis
        scale={o.log ? 'log' : 'linear'}
        domain={o.yDomain}
        ticks={o.yTicks}
        interval={0}
        allowDataOverflow
        tickFormatter={formatNumber}
        tick={axisTick}
        stroke="var(--border)"
        width={Y_AXIS_WIDTH}
        label={o.yLabel}
      />
      {o.hovered ? (
        <Tooltip
          contentStyle={tooltipStyle}
          labelStyle={tooltipLabelStyle}
          formatter={o.formatter}
          labelFormatter={stepLabel}
          isAnimationActive={false}
        />
      ) : null}
      {o.zeroLabel && y0 < 0 ? (
        // Colour and strength come from the stylesheet: the dark theme needs a stronger red to show.
        <ReferenceArea y1={y0} y2={0} className="conflict-area" />
      ) : null}
      {o.zeroLabel ? (
        <ReferenceLine
          y={0}
          stroke="var(--fg)"
          strokeWidth={1.2}
          strokeDasharray="6 3"
          zIndex={450}
          label={o.zeroLabel}
        />
      ) : null}
      {o.lines}
    </>
  );
}
