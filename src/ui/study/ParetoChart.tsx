/**
 * For a two-task study: every finished run at its two final test losses (one colour per group), the
 * Pareto front through the runs no other run beats on both losses, and, when the study sweeps static
 * weights, the front those fixed weightings trace (dashed).
 */
import { useRef } from 'react';
import { CartesianGrid, Legend, Line, ComposedChart, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../engine/study/study-table';
import type { ParetoData } from '../../state/study/pareto-points';
import { ChartCard } from '../charts/ChartCard';
import { taskColor } from '../charts/palette';
import { useWidth } from '../charts/use-width';

const INFO =
  'Each dot is one run: its final test loss on the first task (x) and on the second (y); lower-left is better on both. The solid line joins the Pareto front: runs that no other run beats on both losses at once. The dashed line, when the study sweeps static weights, is what fixed weightings w·L1 + (1−w)·L2 reach.';

const HEIGHT = 300;

export function ParetoChart({ data }: { data: ParetoData }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const [x, y] = data.tasks;
  const axis = { tick: { fill: 'var(--muted)', fontSize: 12 }, stroke: 'var(--border)' };
  return (
    <ChartCard
      id="study-pareto"
      title={`Pareto plot: final test loss of ${x} and ${y}`}
      info={INFO}
      dataReady={width > 0}
      minHeight={HEIGHT}
      footer="Lower-left is better. Solid line: the Pareto front of these runs."
    >
      <div
        ref={ref}
        role="img"
        aria-label={`Scatter plot of the final test losses of ${x} and ${y}, one point per run`}
      >
        {width > 0 ? (
          <ComposedChart width={width} height={HEIGHT} margin={{ left: 8, right: 16, bottom: 22, top: 8 }}>
            <CartesianGrid stroke="var(--grid)" />
            <XAxis
              type="number"
              dataKey="x"
              domain={['auto', 'auto']}
              tickFormatter={formatNumber}
              {...axis}
              label={{
                value: `${x}: test loss`,
                position: 'bottom',
                offset: 4,
                fill: 'var(--muted)',
                fontSize: 12,
              }}
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={['auto', 'auto']}
              tickFormatter={formatNumber}
              width={64}
              {...axis}
              label={{
                value: `${y}: test loss`,
                angle: -90,
                position: 'insideLeft',
                fill: 'var(--muted)',
                fontSize: 12,
              }}
            />
            <Tooltip
              contentStyle={{
                background: 'var(--card)',
                border: '1px solid var(--border)',
                color: 'var(--fg)',
              }}
              formatter={(value) => formatNumber(Number(value))}
            />
            <Legend verticalAlign="top" height={28} />
            {data.groups.map((g, i) => (
              <Scatter
                key={g.group}
                name={g.label}
                data={g.points}
                fill={taskColor(i)}
                isAnimationActive={false}
              />
            ))}
            <Line
              name="Pareto front"
              data={data.front}
              dataKey="y"
              type="linear"
              stroke="var(--fg)"
              dot={false}
              isAnimationActive={false}
            />
            {data.scalarization.length > 1 ? (
              <Line
                name="Static-weights front"
                data={data.scalarization}
                dataKey="y"
                type="linear"
                stroke="var(--muted)"
                strokeDasharray="5 4"
                dot={false}
                isAnimationActive={false}
              />
            ) : null}
          </ComposedChart>
        ) : null}
      </div>
    </ChartCard>
  );
}
