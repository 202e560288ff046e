/**
 * The line chart behind every "over training steps" chart: responsive width, fixed height, labelled axes,
 * legend and tooltip in the theme's colours, optional log scale, fixed domain and labelled zero line.
 */
import { useId, type ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Row } from './downsample';
import { allPositive, formatNumber } from './series';

export interface SeriesSpec {
  /** The row key. */
  key: string;
  /** Legend and tooltip label (default: key). */
  name?: string;
  color: string;
  dashed?: boolean;
}

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

export function TimeSeriesChart({
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
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 4, right: 16, bottom: 16, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="step"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={formatNumber}
            tick={axisTick}
            stroke="var(--border)"
            label={{ value: 'step', position: 'insideBottom', offset: -10, fill: 'var(--muted)', fontSize: 12 }}
          />
          <YAxis
            scale={log ? 'log' : 'linear'}
            domain={domain ?? ['auto', 'auto']}
            {...(ticks ? { ticks } : {})}
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
            formatter={tip}
            labelFormatter={(s) => `step ${tip(s)}`}
          />
          <Legend verticalAlign="top" height={26} wrapperStyle={{ fontSize: 12 }} />
          {zeroLine ? (
            <ReferenceLine
              y={0}
              stroke="var(--fg)"
              strokeWidth={1.2}
              strokeDasharray="6 3"
              label={{ value: zeroLine, position: 'insideBottomRight', fill: 'var(--muted)', fontSize: 12 }}
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
}

/**
 * The "Log scale" checkbox: disabled, with a visible note, when some value is not positive (a log axis
 * cannot show it). Returns the checkbox and whether log scale is in effect.
 */
export function useLogScale(
  rows: readonly Row[],
  keys: readonly string[],
  wanted: boolean,
  setWanted: (on: boolean) => void,
  what = 'values',
): { log: boolean; control: ReactNode; note: ReactNode } {
  const id = useId();
  const possible = allPositive(rows, keys);
  const log = wanted && possible;
  const control = (
    <label htmlFor={id} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, cursor: 'pointer' }}>
      <input
        id={id}
        type="checkbox"
        checked={log}
        disabled={!possible}
        onChange={(e) => setWanted(e.target.checked)}
        aria-describedby={possible ? undefined : `${id}-note`}
      />
      Log scale
    </label>
  );
  const note =
    !possible && rows.length > 0 ? (
      <span id={`${id}-note`}>Log scale off: some {what} are zero or negative.</span>
    ) : null;
  return { log, control, note };
}

/** "name 0.123, name 0.456": the latest value of each series, for aria-labels. */
export function latestSummary(rows: readonly Row[], series: readonly SeriesSpec[]): string {
  const last = rows.at(-1);
  if (!last) return 'no data yet';
  const parts = series.filter((s) => last[s.key] !== undefined).map((s) => `${s.name ?? s.key} ${formatNumber(last[s.key] as number)}`);
  return `at step ${last.step}: ${parts.join(', ')}`;
}
