/**
 * Simulated workers with compressed gradients (engine/communication/): the mean training loss against the
 * bytes the workers sent (log axis), beside the same losses had every message been fp32, so a student sees
 * "the same loss for 1/32 of the bytes" or "fewer bytes, but the loss stalls". Under it, per task, the
 * cosine between the gradient the server decoded and the true one, and the error-feedback residual.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useRef, useState } from 'react';
import { useLogScale } from './chartParts';
import type { CommunicationView } from '../../engine/views';
import { CHART_HEIGHT } from './chart-height';
import { ChartCard } from './ChartCard';
import {
  bytesSummary,
  decadeTicks,
  formatBytes,
  communicationRows,
  type BytesPoint,
  type CommunicationRows,
} from './communication-rows';
import type { ChartContext } from './define';
import { taskColor } from './palette';
import { useWidth } from './use-width';
import { AXIS_TICK, xLabelOf, yLabelOf } from './axis-style';

const MARGIN = { top: 8, right: 16, bottom: 20, left: 4 };
const tick = AXIS_TICK;
const COMPRESSED = taskColor(0);
const FP32 = 'var(--muted)';

function PointTip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: { payload?: BytesPoint; name?: string }[];
}) {
  const p = payload?.[0];
  if (!active || !p?.payload) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-step">step {p.payload.step}</div>
      <div>
        {p.name}: {formatBytes(p.payload.mb * 1e6)} sent, mean train loss {p.payload.loss.toPrecision(4)}
      </div>
    </div>
  );
}

/** The plot, mounted once there is something to draw (its width is measured when it mounts). */
function BytesPlot({ rows, label, log }: { rows: CommunicationRows; label: string; log: boolean }) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  const ticks = decadeTicks(rows);
  return (
    <>
      <p className="chart-legend-note" style={{ margin: '0 0 4px', fontSize: 12, color: 'var(--muted)' }}>
        <span style={{ color: COMPRESSED }}>━ {label}</span> · ┅ the same losses sent in fp32
      </p>
      <div
        ref={frame}
        role="img"
        aria-label={`Mean training loss against bytes sent, ${label} and fp32`}
        style={{ width: '100%', height: CHART_HEIGHT }}
      >
        {width > 0 ? (
          <LineChart width={width} height={CHART_HEIGHT} margin={MARGIN}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="mb"
              scale="log"
              domain={[ticks[0] ?? 'auto', ticks.at(-1) ?? 'auto']}
              ticks={ticks}
              allowDataOverflow
              tick={tick}
              stroke="var(--border)"
              tickFormatter={(v: number) => formatBytes(v * 1e6)}
              label={xLabelOf('bytes sent by all workers (log scale)')}
            />
            <YAxis
              type="number"
              dataKey="loss"
              // On a log axis a plateau far below the first loss still shows (sign without error feedback).
              scale={log ? 'log' : 'linear'}
              domain={log ? ['auto', 'auto'] : [0, 'auto']}
              allowDataOverflow
              tick={tick}
              stroke="var(--border)"
              width={58}
              tickFormatter={(v: number) => v.toPrecision(2)}
              label={yLabelOf('mean train loss')}
            />
            <Tooltip content={<PointTip />} />
            <Line
              data={rows.compressed}
              dataKey="loss"
              name={label}
              stroke={COMPRESSED}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              data={rows.fp32}
              dataKey="loss"
              name="fp32 (same steps)"
              stroke={FP32}
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        ) : null}
      </div>
    </>
  );
}

export function CommunicationChart({ ctx, view }: { ctx: ChartContext; view: CommunicationView }) {
  const c = ctx.history.latest?.communication;
  const rows = c ? communicationRows(ctx.history, ctx.names, c) : { compressed: [], fp32: [] };
  const ready = rows.compressed.length > 0;
  const label = `${view.compressor}${c?.errorFeedback ? ' + error feedback' : ''}`;
  const [logWanted, setLogWanted] = useState(false);
  const scale = useLogScale(rows.compressed, ['loss'], logWanted, setLogWanted, 'losses');
  return (
    <ChartCard
      id="communication"
      title={`Loss vs bytes sent (${label})`}
      info="Each task's worker sends its shared-layer gradient to a parameter server through the compressor; the method combines what the server decodes. Solid: the mean training loss against the bytes sent so far. Dashed: the same losses had each step been sent in fp32 (32 bits a number). The gap along the log axis is the saving; whether the solid curve still gets as low as an uncompressed run is the cost. Below: how well each decoded gradient points along the true one (cosine 1 = same direction), and the error-feedback residual the worker still owes, relative to its gradient."
      ready={ready}
      empty="Train to see how many bytes the workers send and what the loss does with them."
      footer={c && ready ? bytesSummary(c) : null}
      controls={scale.control}
    >
      {ready ? <BytesPlot rows={rows} label={label} log={scale.log} /> : null}
      {scale.note}
      {c && ready ? (
        <table className="communication-table" style={{ width: '100%', fontSize: 12, marginTop: 4 }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left' }}>task</th>
              <th title="cosine between the gradient the server decoded and the true one, last step">
                cos(decoded, true)
              </th>
              <th title="‖e‖ / ‖g‖: what error feedback still owes, relative to this step's gradient">
                residual ‖e‖/‖g‖
              </th>
            </tr>
          </thead>
          <tbody>
            {ctx.names.map((name, t) => (
              <tr key={name}>
                <td style={{ color: taskColor(t) }}>{name}</td>
                <td style={{ textAlign: 'center' }}>{(c.cosine[t] ?? NaN).toFixed(3)}</td>
                <td style={{ textAlign: 'center' }}>
                  {c.errorFeedback
                    ? ((c.residualNorm[t] ?? NaN) / Math.max(c.gradientNorm[t] ?? 0, 1e-12)).toFixed(2)
                    : 'off'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </ChartCard>
  );
}
