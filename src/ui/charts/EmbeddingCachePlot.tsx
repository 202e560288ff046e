/** The embedding-cache chart's plot (EmbeddingCacheChart.tsx): hit rates and compute saved, in %, over the steps. */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useRef } from 'react';
import { CHART_HEIGHT } from './chart-height';
import type { CachePoint } from './EmbeddingCacheTrace';
import { taskColor } from './palette';
import { useWidth } from './use-width';
import { AXIS_TICK, xLabelOf, yLabelOf } from './axis-style';

const MARGIN = { top: 8, right: 16, bottom: 20, left: 4 };
const tick = AXIS_TICK;
const LINES = [
  { key: 'recent', name: 'hit rate, recent steps', color: taskColor(0), dash: undefined },
  { key: 'overall', name: 'hit rate, since step 0', color: taskColor(1), dash: '5 4' },
  { key: 'saved', name: 'trunk compute saved', color: 'var(--muted)', dash: '2 3' },
] as const;

function PointTip({ active, payload }: { active?: boolean; payload?: { payload?: CachePoint }[] }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-step">step {p.step}</div>
      <div>Rows from the cache since the previous point: {p.recent.toFixed(1)}%</div>
      <div>Rows from the cache since step 0: {p.overall.toFixed(1)}%</div>
      <div>Trunk FLOPs saved so far: {p.saved.toFixed(1)}% of an uncached run’s</div>
    </div>
  );
}

export function EmbeddingCachePlot({ rows, mode }: { rows: readonly CachePoint[]; mode: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  const ready = rows.length > 0;
  return (
    <div
      ref={frame}
      role="img"
      aria-label={`Cache hit rate and trunk compute saved, in percent, over the steps (${mode})`}
      style={{ width: '100%', height: CHART_HEIGHT }}
    >
      {width > 0 && ready ? (
        <LineChart width={width} height={CHART_HEIGHT} margin={MARGIN} data={[...rows]}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="step"
            domain={['dataMin', 'dataMax']}
            tick={tick}
            stroke="var(--border)"
            label={xLabelOf('step')}
          />
          <YAxis
            type="number"
            domain={[0, 100]}
            tick={tick}
            stroke="var(--border)"
            width={72}
            unit="%"
            label={yLabelOf('share of rows / FLOPs')}
          />
          <Tooltip content={<PointTip />} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          {LINES.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              stroke={l.color}
              strokeWidth={2}
              {...(l.dash ? { strokeDasharray: l.dash } : {})}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : null}
    </div>
  );
}
