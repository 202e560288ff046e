/**
 * "Adapted fits" (Finn et al. 2017, Fig. 2): one held-out sine of the family, its K shots, and the model's
 * prediction before adapting and after 1 and 10 gradient steps on those shots. A meta-learned start bends to
 * the sine in one step; a jointly trained one starts near-flat and barely moves. Buttons pick the sine.
 */
import { useState } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetaAdaptationView } from '../../engine/views';
import { CHART_HEIGHT } from './chart-height';
import { ChartCard } from './ChartCard';
import { useFrameWidth } from './MetaFitsFrame';
import type { ChartContext } from './define';
import { fitKey, fitLabel, fitRows, learnerName, shotRows } from './MetaFitsRows';
import { taskColor } from './palette';
import { AXIS_TICK, xLabelOf, yLabelOf } from './axis-style';

const MARGIN = { top: 8, right: 16, bottom: 20, left: 4 };
const tick = AXIS_TICK;
const X_TICKS = [-5, -2.5, 0, 2.5, 5];
/** Taller than the standard charts: the legend sits on top. */
const HEIGHT = CHART_HEIGHT + 50;
const TRUTH = 'var(--fg)';
const SHOTS = taskColor(1);
/** Fits from light to strong as adaptation goes on. */
const FIT_COLORS = [taskColor(6), taskColor(2), taskColor(0)];

function FitTip({
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
      <div className="chart-tooltip-step">x = {Number(label).toFixed(2)}</div>
      {payload.map((p) => (
        <div key={p.name} style={{ color: p.color }}>
          {p.name}: {Number(p.value).toFixed(3)}
        </div>
      ))}
    </div>
  );
}

export function MetaFitsChart({ ctx }: { ctx: ChartContext; view: MetaAdaptationView }) {
  const [frame, width] = useFrameWidth();
  const [chosen, setChosen] = useState(0);
  const meta = ctx.history.latest?.meta;
  const curves = meta?.fits ?? [];
  const curve = curves[Math.min(chosen, curves.length - 1)];
  const ready = Boolean(curve);
  const rows = curve ? fitRows(curve) : [];
  const controls =
    curves.length > 1 ? (
      <span role="group" aria-label="Held-out sine">
        {curves.map((c, i) => (
          <button
            key={i}
            type="button"
            aria-pressed={i === chosen}
            onClick={() => setChosen(i)}
            title={`a = ${c.amplitude.toFixed(2)}, φ = ${(c.phase / Math.PI).toFixed(2)}π`}
          >
            sine {i + 1}
          </button>
        ))}
      </span>
    ) : null;
  return (
    <ChartCard
      id="meta-fits"
      title={
        meta
          ? `Adapted fits on a held-out sine (${learnerName(meta.learner)})`
          : 'Adapted fits on a held-out sine'
      }
      info="A sine the model never trained on (black), the K points it may learn from (dots), and its prediction before adapting and after 1 and 10 small gradient steps on those points. A meta-learned start (MAML, Reptile) is built so that one step already bends it onto the sine; a model trained jointly on all sines learned their average, a near-flat curve, and a step barely moves it. The trade: meta-training costs more per step and the start itself fits no sine well."
      ready={ready}
      empty="Train on the sine family to see how the model adapts to a new sine from its K points."
      controls={controls}
      footer={
        curve
          ? `a = ${curve.amplitude.toFixed(2)}, φ = ${(curve.phase / Math.PI).toFixed(2)}π · ${curve.shotsX.length} shots · step size α = ${meta?.adaptLr}`
          : null
      }
    >
      <div
        ref={frame}
        role="img"
        aria-label={
          curve
            ? `Held-out sine with amplitude ${curve.amplitude.toFixed(2)}, its shots and the fits after ${curve.fits.map((f) => f.steps).join(', ')} steps`
            : 'Adapted fits'
        }
        style={{ width: '100%', height: HEIGHT }}
      >
        {width > 0 && curve ? (
          <ComposedChart width={width} height={HEIGHT} margin={MARGIN} data={rows}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={['dataMin', 'dataMax']}
              ticks={X_TICKS}
              tick={tick}
              stroke="var(--border)"
              tickFormatter={(v: number) => String(v)}
              label={xLabelOf('input x')}
            />
            <YAxis
              type="number"
              tick={tick}
              stroke="var(--border)"
              width={48}
              tickFormatter={(v: number) => v.toFixed(1)}
              label={yLabelOf('output y')}
            />
            <Tooltip content={<FitTip />} />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 4 }} />
            <Line
              dataKey="truth"
              name="true sine"
              stroke={TRUTH}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            {curve.fits.map((fit, i) => (
              <Line
                key={fit.steps}
                dataKey={fitKey(fit.steps)}
                name={fitLabel(fit.steps)}
                stroke={FIT_COLORS[i] ?? taskColor(i)}
                strokeDasharray={fit.steps === 0 ? '5 4' : '0'}
                strokeWidth={fit.steps === 0 ? 1.5 : 2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            <Scatter
              data={shotRows(curve)}
              dataKey="y"
              name={`${curve.shotsX.length} shots`}
              fill={SHOTS}
              isAnimationActive={false}
            />
          </ComposedChart>
        ) : null}
      </div>
    </ChartCard>
  );
}
