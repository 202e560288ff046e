/**
 * Δm% of every grid point against the single-task baselines, as horizontal bars with their 95% interval
 * as whiskers (Recharts Bar + ErrorBar). Lower is better; below zero, sharing beat training alone. A
 * whisker that crosses zero means this many seeds cannot tell the point from the baselines.
 */
import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { StudySummary, StudySpec } from '../../engine/study/types';
import { formatNumber } from '../../engine/study/study-table';
import { groupLabeler } from '../../state/study/group-label';
import { roundAxis } from '../charts/axis';
import { ChartCard } from '../charts/ChartCard';
import { taskColor } from '../charts/palette';
import { useWidth } from '../charts/use-width';

const INFO =
  'Δm% (Maninis et al., CVPR 2019): the average over tasks of the relative change of the test metric against the single-task baseline of the same seed, signed so that lower is better. Bars are the mean over seeds, whiskers the 95% interval. Below 0: training the tasks together helped; above 0: it hurt.';

const ROW_HEIGHT = 34;
const AXIS_HEIGHT = 44;

export function DeltaMChart({ spec, summary }: { spec: StudySpec; summary: StudySummary }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const label = groupLabeler(spec);
  const rows = summary.groups
    .filter((g) => g.deltaM && g.deltaM.n > 0 && Number.isFinite(g.deltaM.mean))
    .map((g) => ({
      name: label(g.settings, g.group),
      mean: g.deltaM?.mean ?? 0,
      ci: g.deltaM?.ci95 ?? 0,
      n: g.deltaM?.n ?? 0,
    }));
  const labelWidth = Math.min(180, Math.max(80, ...rows.map((r) => r.name.length * 7)));
  // Round ticks over the bars, their whiskers and 0 (Recharts would split the data's range in four:
  // "-0.65%, 0%, 0.65%, 1.3%, 1.95%").
  const reach = (r: (typeof rows)[number]) => (Number.isFinite(r.ci) ? r.ci : 0);
  const lo = Math.min(0, ...rows.map((r) => r.mean - reach(r)));
  const hi = Math.max(0, ...rows.map((r) => r.mean + reach(r)));
  const axis = hi > lo ? roundAxis(lo, hi) : roundAxis(-1, 1);
  const height = rows.length * ROW_HEIGHT + AXIS_HEIGHT;
  return (
    <ChartCard
      id="study-delta-m"
      title="Δm% vs single-task (lower is better)"
      info={INFO}
      ready={rows.length > 0}
      dataReady={rows.length > 0 && width > 0}
      empty="No Δm% yet: it needs baselines and at least one finished grid point."
      minHeight={120}
      footer="Bars: mean over seeds. Whiskers: 95% interval. 0 = as good as training each task alone."
    >
      <div ref={ref} role="img" aria-label="Bar chart of Δm% per setting with 95% intervals">
        {width > 0 ? (
          <BarChart
            width={width}
            height={height}
            data={rows}
            layout="vertical"
            margin={{ left: 8, right: 16, bottom: 18 }}
          >
            <CartesianGrid horizontal={false} stroke="var(--grid)" />
            <XAxis
              type="number"
              domain={axis.domain}
              ticks={axis.ticks}
              tick={{ fill: 'var(--muted)', fontSize: 12 }}
              stroke="var(--border)"
              tickFormatter={(v: number) => `${formatNumber(v)}%`}
              label={{
                value: 'Δm% vs single-task (lower is better)',
                position: 'bottom',
                offset: 2,
                fill: 'var(--muted)',
                fontSize: 12,
              }}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={labelWidth}
              tick={{ fill: 'var(--fg)', fontSize: 12 }}
              stroke="var(--border)"
            />
            <ReferenceLine x={0} stroke="var(--muted)" />
            <Tooltip
              cursor={{ fill: 'var(--grid)', opacity: 0.5 }}
              contentStyle={{
                background: 'var(--card)',
                border: '1px solid var(--border)',
                color: 'var(--fg)',
              }}
              formatter={(value, _name, item) => {
                const row = item.payload as (typeof rows)[number];
                return [`${formatNumber(Number(value))}% ± ${formatNumber(row.ci)} (${row.n} seeds)`, 'Δm%'];
              }}
            />
            <Bar dataKey="mean" isAnimationActive={false} barSize={18}>
              {rows.map((r, i) => (
                <Cell key={r.name} fill={taskColor(i)} />
              ))}
              <ErrorBar dataKey="ci" direction="x" width={6} stroke="var(--fg)" isAnimationActive={false} />
            </Bar>
          </BarChart>
        ) : null}
      </div>
    </ChartCard>
  );
}
