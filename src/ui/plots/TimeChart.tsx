/** A titled line chart over training steps: labelled axes, legend, optional log scale and zero line. */
import { memo, useState } from 'react';
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
import { ChartCard } from './ChartCard';
import type { Row } from './series';

export interface SeriesSpec {
  key: string;
  color: string;
  dashed?: boolean;
}

interface Props {
  id: string;
  title: string;
  help: string;
  yLabel: string;
  rows: Row[];
  series: SeriesSpec[];
  /** Offer a log-scale toggle (disabled, with a note, when a value is not positive). */
  logOption?: boolean;
  domain?: [number, number];
  zeroLine?: string;
  footer?: string;
}

const fmt = (v: number) =>
  Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0)
    ? v.toExponential(1)
    : Number(v.toPrecision(3)).toString();

export const TimeChart = memo(function TimeChart({
  id,
  title,
  help,
  yLabel,
  rows,
  series,
  logOption,
  domain,
  zeroLine,
  footer,
}: Props) {
  const [log, setLog] = useState(false);
  const positive = rows.every((r) => series.every((s) => !(s.key in r) || (r[s.key] ?? 0) > 0));
  const useLog = log && positive;
  const controls = logOption ? (
    <label
      className="chart-toggle"
      title={positive ? '' : 'Some values are zero or negative: a log scale cannot show them.'}
    >
      <input
        type="checkbox"
        checked={useLog}
        disabled={!positive}
        onChange={(e) => setLog(e.target.checked)}
      />{' '}
      Log scale
    </label>
  ) : null;
  return (
    <ChartCard id={id} title={title} help={help} ready={rows.length > 1} controls={controls}>
      <ResponsiveContainer width="100%" height={230}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 18, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="step"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={fmt}
            label={{ value: 'step', position: 'insideBottom', offset: -10 }}
          />
          <YAxis
            scale={useLog ? 'log' : 'linear'}
            domain={domain ?? (useLog ? ['auto', 'auto'] : ['auto', 'auto'])}
            allowDataOverflow={Boolean(domain)}
            tickFormatter={fmt}
            width={56}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
          />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? fmt(v) : String(v))}
            labelFormatter={(s) => `step ${s}`}
          />
          <Legend verticalAlign="top" height={24} />
          {zeroLine ? (
            <ReferenceLine
              y={0}
              strokeWidth={1.5}
              label={{ value: zeroLine, position: 'insideBottomRight' }}
              className="zero-line"
            />
          ) : null}
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              stroke={s.color}
              {...(s.dashed ? { strokeDasharray: '5 4' } : {})}
              dot={false}
              isAnimationActive={false}
              strokeWidth={1.8}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      {footer ? <p className="chart-footer">{footer}</p> : null}
    </ChartCard>
  );
});
