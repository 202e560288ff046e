/**
 * The line chart behind every "over training steps" chart: responsive width, fixed height, labelled axes,
 * legend and tooltip in the theme's colours, optional log scale, fixed domain and labelled zero line.
 */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { memo } from 'react';
import type { SeriesSpec } from './define';
import type { Row } from './downsample';
import { paddedAxis } from './domain';
import { formatNumber } from './series';

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
  height?: number;
}

export const CHART_HEIGHT = 240;
const axisTick = { fill: 'var(--muted)', fontSize: 12 };
const tooltipStyle = {
  background: 'var(--card)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  color: 'var(--fg)',
  fontSize: 12,
};
const tip = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v));

/** Recharts redraws are the page's biggest cost: unchanged rows and props skip them (React.memo). */
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
  // One report or a flat line: a padded, round axis instead of a sliver around the data.
  const padded = domain
    ? undefined
    : paddedAxis(
        rows,
        series.map((s) => s.key),
        log,
      );
  const yDomain = domain ?? padded?.domain;
  const yTicks = ticks ?? padded?.ticks;
  const titles = new Map(series.map((s) => [s.name ?? s.key, s.title ?? s.name ?? s.key]));
  const fullName = (name: unknown) => titles.get(String(name)) ?? String(name);
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="step"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={formatNumber}
            tick={axisTick}
            stroke="var(--border)"
            label={{
              value: 'step',
              position: 'insideBottom',
              offset: -10,
              fill: 'var(--muted)',
              fontSize: 12,
            }}
          />
          <YAxis
            scale={log ? 'log' : 'linear'}
            domain={yDomain ?? ['auto', 'auto']}
            {...(yTicks ? { ticks: yTicks } : {})}
            allowDataOverflow={Boolean(domain)}
            tickFormatter={formatNumber}
            tick={axisTick}
            stroke="var(--border)"
            width={58}
            label={{
              value: yLabel,
              angle: -90,
              position: 'insideLeft',
              fill: 'var(--muted)',
              fontSize: 12,
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelStyle={{ color: 'var(--fg)' }}
            formatter={(value, name) => [tip(value), fullName(name)]}
            labelFormatter={(s) => `step ${tip(s)}`}
          />
          <Legend
            verticalAlign="top"
            wrapperStyle={{ fontSize: 12, paddingBottom: 8 }}
            itemSorter={null}
            formatter={(value) => <span title={fullName(value)}>{String(value)}</span>}
          />
          {zeroLine ? (
            // Colour and strength come from the stylesheet: the dark theme needs a stronger red to show.
            <ReferenceArea {...(domain ? { y1: domain[0] } : {})} y2={0} className="conflict-area" />
          ) : null}
          {zeroLine ? (
            <ReferenceLine
              y={0}
              stroke="var(--fg)"
              strokeWidth={1.2}
              strokeDasharray="6 3"
              zIndex={450}
              label={<ZeroLabel text={zeroLine} />}
            />
          ) : null}
          {series.map((s) => (
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
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

/** The zero line's label, right-aligned just below the line on a backdrop so that dense lines don't hide it. */
function ZeroLabel({
  text,
  viewBox,
}: {
  text: string;
  viewBox?: { x?: number; y?: number; width?: number };
}) {
  const { x = 0, y = 0, width = 0 } = viewBox ?? {};
  const w = text.length * 6.2 + 8;
  return (
    <g>
      <rect
        x={x + width - w - 2}
        y={y + 3}
        width={w}
        height={16}
        rx={3}
        fill="var(--card)"
        fillOpacity={0.9}
      />
      <text x={x + width - 6} y={y + 15} textAnchor="end" fontSize={11} fill="var(--fg)">
        {text}
      </text>
    </g>
  );
}
