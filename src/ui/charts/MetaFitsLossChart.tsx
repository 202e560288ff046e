/**
 * "Loss after k adaptation steps" (Finn et al. 2017, Fig. 3): the held-out MSE after k = 0..10 gradient
 * steps on each sine's K shots, for this run and any stored sine-family run overlaid beside it, so a MAML
 * run and a joint run (meta: none) share one picture.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetaAdaptationView } from '../../engine/views';
import { CHART_HEIGHT } from './chart-height';
import { ChartCard } from './ChartCard';
import { useFrameWidth } from './MetaFitsFrame';
import type { ChartContext } from './define';
import { adaptationRows, adaptationSummary } from './MetaFitsRows';
import { taskColor } from './palette';
import { AXIS_TICK, xLabelOf, yLabelOf } from './axis-style';

const MARGIN = { top: 8, right: 16, bottom: 20, left: 4 };
const tick = AXIS_TICK;
/** Taller than the standard charts: the legend sits on top. */
const HEIGHT = CHART_HEIGHT + 30;

function StepTip({
  active,
  payload,
  label,
}: {
  active?: boolean;
  payload?: { name?: string; value?: number; color?: string }[];
  label?: number;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-step">
        after {label} step{label === 1 ? '' : 's'} on the shots
      </div>
      {payload.map((p) => (
        <div key={p.name} style={{ color: p.color }}>
          {p.name}: MSE {Number(p.value).toFixed(3)}
        </div>
      ))}
    </div>
  );
}

export function MetaFitsLossChart({ ctx }: { ctx: ChartContext; view: MetaAdaptationView }) {
  const [frame, width] = useFrameWidth();
  const meta = ctx.history.latest?.meta;
  const { rows, lines } = adaptationRows(meta, ctx.overlay);
  const ready = rows.length > 0;
  return (
    <ChartCard
      id="meta-adaptation"
      title="Held-out loss after k adaptation steps"
      info="For each held-out sine: start from the trained model, take k small gradient steps on its K points, and measure the error on the whole curve; averaged over the held-out sines. A meta-learned start drops steeply at k = 1 (it was trained for exactly that); a jointly trained model starts from the average of all sines and falls slowly. Overlay a stored run (the run list) to compare MAML with joint training in one chart."
      ready={ready}
      empty="Train on the sine family to measure how fast the model adapts to new sines."
      footer={meta ? adaptationSummary(meta) : null}
    >
      <div
        ref={frame}
        role="img"
        aria-label={meta ? adaptationSummary(meta) : 'Loss after k adaptation steps'}
        style={{ width: '100%', height: HEIGHT }}
      >
        {width > 0 && ready ? (
          <LineChart width={width} height={HEIGHT} margin={MARGIN} data={rows}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="k"
              domain={[0, 'dataMax']}
              allowDecimals={false}
              ticks={rows.map((r) => r.k as number)}
              tick={tick}
              stroke="var(--border)"
              label={xLabelOf('gradient steps k on the K shots')}
            />
            <YAxis
              type="number"
              domain={[0, 'auto']}
              tick={tick}
              stroke="var(--border)"
              width={48}
              tickFormatter={(v: number) => v.toPrecision(2)}
              label={yLabelOf('held-out MSE')}
            />
            <Tooltip content={<StepTip />} />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 4 }} />
            {lines.map((line, i) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.name}
                stroke={taskColor(i)}
                strokeDasharray={line.dash ?? '0'}
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : null}
      </div>
    </ChartCard>
  );
}
