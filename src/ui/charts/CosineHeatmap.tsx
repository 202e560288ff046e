/**
 * The current task-by-task cosine matrix as a heatmap (red -1, neutral 0, blue +1, values in the cells),
 * for all shared parameters or one shared layer.
 */
import { useId, useState } from 'react';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { ChartCard } from './ChartCard';
import { defineChart } from './component-chart';
import { MatrixGrid } from './MatrixGrid';
import { COSINE_STOPS, cosineRGB, rgb } from './palette';
import { cosineMatrix, layerScope, taskNames, taskPairs } from './series';

export interface CosineHeatmapProps {
  /** The latest report (undefined before the first). */
  report: Report | undefined;
  info?: TrainerInfo | null;
  /** Layer shown first: '' for all shared parameters (default). */
  defaultLayer?: string;
}

const ALL = '';
const gradient = `linear-gradient(to right, ${COSINE_STOPS.map(rgb).join(', ')})`;

function Legend() {
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        fontSize: 12,
        color: 'var(--muted)',
        marginTop: 8,
      }}
    >
      <span>−1 conflict</span>
      <span aria-hidden style={{ flex: '0 1 160px', height: 10, borderRadius: 3, background: gradient }} />
      <span>+1 aligned</span>
    </div>
  );
}

export function CosineHeatmap({ report, info, defaultLayer = ALL }: CosineHeatmapProps) {
  const selectId = useId();
  const [wanted, setWanted] = useState(defaultLayer);
  const layers = report?.gradients.layers.map((l) => l.layer) ?? info?.sharedLayers ?? [];
  const layer = layers.includes(wanted) ? wanted : ALL;
  const names = taskNames(report, info);
  const matrix = cosineMatrix(report, layer);
  const T = names.length;
  const ready = Boolean(report && matrix && T >= 2 && matrix.length === T);
  // Layer names already say what they are ("layer 1", "shared experts"): no "layer layer 1".
  const where = layerScope(layer);
  const control = (
    <label htmlFor={selectId} style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
      Parameters
      <select
        id={selectId}
        value={layer}
        onChange={(e) => setWanted(e.target.value)}
        style={{ width: 'auto' }}
      >
        <option value={ALL}>All shared parameters</option>
        {layers.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  const value = (i: number, j: number) => matrix?.[i]?.[j] ?? Number.NaN;
  const aria = `Cosine similarity matrix of the task gradients on ${where}${report ? ` at step ${report.step}` : ''}: ${taskPairs(
    names,
  )
    .map((p) => `${p.key} ${value(p.i, p.j).toFixed(2)}`)
    .join(', ')}`;
  return (
    <ChartCard
      id="heatmap"
      title="Gradient cosine matrix"
      info="Cosine similarity of every pair of task gradients at the latest step, on all shared parameters or on one shared layer. Red cells (below 0) are conflicting pairs; conflicts often sit in some layers only."
      ready={ready}
      empty={
        T === 1
          ? 'The cosine matrix needs at least two tasks.'
          : 'Press Train to see the gradient cosine matrix.'
      }
      controls={layers.length ? control : null}
      footer={ready ? `Rows and columns: tasks · ${where} · step ${report?.step}` : null}
    >
      <MatrixGrid names={names} value={value} color={cosineRGB} digits={2} ariaLabel={aria} />
      <Legend />
    </ChartCard>
  );
}

// The step-0 report has no gradients yet: the matrix waits for the first trained step.
export const cosineHeatmapChart = defineChart('heatmap', ({ ctx }) => {
  const last = ctx.history.latest;
  return <CosineHeatmap report={last && last.step > 0 ? last : undefined} info={ctx.info} />;
});
