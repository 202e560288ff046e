/**
 * Model merging (engine/merging/): per task, grouped bars of the test metric (or loss) of the task's own
 * specialist, the merged model and the joint MTL model trained at the same budget; under them every merge
 * method's scores and, per shared layer, how much the specialists' task vectors fight (sign conflicts,
 * cosine), which is what decides whether a merge can keep what the specialists learned.
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useRef, useState } from 'react';
import { CHART_HEIGHT } from './chart-height';
import { ChartCard } from './ChartCard';
import type { ChartContext } from './define';
import { interferenceRows, mergingBars, methodTable, type MergingMeasure } from './MergingRows';
import { TASK_COLORS } from './palette';
import { useWidth } from './use-width';
import { AXIS_TICK, yLabelOf } from './axis-style';

const MARGIN = { top: 8, right: 16, bottom: 20, left: 4 };
const tick = AXIS_TICK;
// Palette hues with 3:1 contrast on both themes (palette.test.ts): grey, vermillion, bluish green.
const SERIES = [
  { key: 'specialist', name: 'specialist (own task)', color: TASK_COLORS[9] },
  { key: 'merged', name: 'merged', color: TASK_COLORS[1] },
  { key: 'joint', name: 'joint MTL', color: TASK_COLORS[2] },
] as const;
// Room between the tables' columns, in both themes (they inherit the card's colours).
const CELL = { padding: '1px 8px 1px 0' } as const;
const NUM = { ...CELL, textAlign: 'right' } as const;
const fmt = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '–');

const INFO =
  'Each specialist trained on its own task alone from one shared start θ0; their shared layers were then merged into one network (each task keeps its specialist\u2019s head). Bars, per task on the test split: the specialist, the merged model and a joint multi-task model trained on all tasks for the same steps. A merge that matches the specialists costs nothing; a gap to the joint model is what merging gives up against training together. Below: how much the task vectors τ = θ_task − θ0 fight on each shared layer: the share of parameters whose edits disagree in sign and their cosine. Near-parallel vectors (cosine near 1, few conflicts) merge well; orthogonal ones with half their signs in conflict cancel each other.';

function Bars({ ctx, measure }: { ctx: ChartContext; measure: MergingMeasure }) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  const m = ctx.history.latest?.merging;
  const rows = m ? mergingBars(m, measure) : [];
  const label = measure === 'metric' ? (ctx.info?.tasks[0]?.metricLabel ?? 'metric') : 'loss';
  return (
    <div
      ref={frame}
      role="img"
      aria-label={`Test ${label} per task: ${rows
        .map(
          (r) => `${r.task}: specialist ${fmt(r.specialist)}, merged ${fmt(r.merged)}, joint ${fmt(r.joint)}`,
        )
        .join('; ')}`}
      style={{ width: '100%', height: CHART_HEIGHT }}
    >
      {width > 0 ? (
        <BarChart width={width} height={CHART_HEIGHT} data={rows} margin={MARGIN}>
          <CartesianGrid vertical={false} stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis dataKey="task" tick={tick} stroke="var(--border)" />
          <YAxis
            tick={tick}
            stroke="var(--border)"
            width={58}
            tickFormatter={(v: number) => v.toPrecision(2)}
            label={yLabelOf(`test ${label}`)}
          />
          <Tooltip
            cursor={{ fill: 'var(--grid)', opacity: 0.5 }}
            contentStyle={{
              background: 'var(--card)',
              border: '1px solid var(--border)',
              color: 'var(--fg)',
            }}
            formatter={(value, name) => [`${fmt(Number(value))} test ${label}`, name]}
          />
          {/* In series order (specialist, merged, joint), not alphabetical. */}
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: 'var(--fg)' }} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      ) : null}
    </div>
  );
}

export function MergingChart({ ctx }: { ctx: ChartContext }) {
  const [measure, setMeasure] = useState<MergingMeasure>('metric');
  const m = ctx.history.latest?.merging;
  const ready = Boolean(m && m.tasks.length);
  const higher = ctx.info?.tasks[0]?.higherIsBetter ?? true;
  const direction = measure === 'loss' || !higher ? 'lower is better' : 'higher is better';
  const method = m?.methods.find((x) => x.id === m.method)?.label ?? m?.method ?? '';
  return (
    <ChartCard
      id="merging"
      title={`Merged vs specialists vs joint${method ? ` (${method})` : ''}`}
      info={INFO}
      ready={ready}
      empty="Train to see the specialists, their merge and the joint model side by side."
      controls={
        <select
          aria-label="Measure"
          value={measure}
          onChange={(e) => setMeasure(e.target.value as MergingMeasure)}
        >
          <option value="metric">test metric</option>
          <option value="loss">test loss</option>
        </select>
      }
      footer={m && ready ? `Step ${m.steps} · test split · ${direction}` : null}
    >
      {ready ? <Bars ctx={ctx} measure={measure} /> : null}
      {m && ready ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, fontSize: 12, marginTop: 4 }}>
          <table className="merging-methods">
            <thead>
              <tr>
                <th style={{ ...CELL, textAlign: 'left' }} title="every method merges the same specialists">
                  merge method
                </th>
                {m.tasks.map((t) => (
                  <th key={t.name} style={NUM}>
                    {t.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {methodTable(m, measure).map((row) => (
                <tr key={row.id} style={{ fontWeight: row.chosen ? 700 : 400 }}>
                  <td>
                    {row.label}
                    {row.chosen ? ' (chosen)' : ''}
                  </td>
                  {row.values.map((v, t) => (
                    <td key={t} style={NUM}>
                      {fmt(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <table className="merging-interference">
            <thead>
              <tr>
                <th style={{ ...CELL, textAlign: 'left' }}>shared layer</th>
                <th
                  style={NUM}
                  title="of the parameters two or more task vectors edit, the % whose edits disagree in sign"
                >
                  sign conflicts
                </th>
                <th style={NUM} title="cosine between the task vectors on this layer (mean over task pairs)">
                  cosine
                </th>
              </tr>
            </thead>
            <tbody>
              {interferenceRows(m).map((l) => (
                <tr key={l.layer}>
                  <td style={CELL}>{l.layer === 'all' ? 'all shared' : l.layer}</td>
                  <td style={NUM}>{l.compared ? `${l.conflictPercent.toFixed(1)}%` : '–'}</td>
                  <td style={NUM}>{l.compared ? l.meanCosine.toFixed(3) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </ChartCard>
  );
}
