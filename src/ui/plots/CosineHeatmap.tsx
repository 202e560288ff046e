/** The current task-by-task gradient cosine matrix, on all shared parameters or on one shared layer. */
import { useState } from 'react';
import type { Report } from '../../engine/train/report';
import { ChartCard } from './ChartCard';
import { cosineColor } from './palette';

export function CosineHeatmap({ report, names }: { report: Report | undefined; names: string[] }) {
  const [layer, setLayer] = useState('all');
  const layers = report?.gradients.layers ?? [];
  const matrix = layer === 'all' ? report?.gradients.cosine : layers.find((l) => l.layer === layer)?.cosine;
  const T = names.length;
  const cell = 44;
  const pad = 78;
  const controls = (
    <label className="chart-toggle">
      <span className="visually-hidden">Parameters</span>
      <select value={layer} onChange={(e) => setLayer(e.target.value)} aria-label="Cosine matrix of">
        <option value="all">All shared parameters</option>
        {layers.map((l) => (
          <option key={l.layer} value={l.layer}>
            {l.layer}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <ChartCard
      id="heatmap"
      title={`Gradient cosine matrix${report ? ` at step ${report.step}` : ''}`}
      help="cos(g_i, g_j) of the task gradients on the shared parameters: blue = aligned, red = in conflict (cos < 0), grey = orthogonal. Pick a layer to see where the conflict lives."
      ready={Boolean(matrix && report && report.step > 0)}
      controls={controls}
    >
      <svg
        viewBox={`0 0 ${pad + T * cell + 8} ${pad + T * cell + 8}`}
        width="100%"
        style={{ maxWidth: 360 }}
        role="img"
        aria-label="Cosine similarity heatmap"
      >
        {names.map((n, i) => (
          <g key={n}>
            <text x={pad - 6} y={pad + i * cell + cell / 2 + 4} textAnchor="end" className="heat-label">
              {n.length > 10 ? `${n.slice(0, 9)}…` : n}
            </text>
            <text
              x={pad + i * cell + cell / 2}
              y={pad - 8}
              textAnchor="start"
              transform={`rotate(-40 ${pad + i * cell + cell / 2} ${pad - 8})`}
              className="heat-label"
            >
              {n.length > 10 ? `${n.slice(0, 9)}…` : n}
            </text>
          </g>
        ))}
        {matrix?.map((row, i) =>
          row.map((v, j) => (
            <g key={`${i}-${j}`}>
              <rect
                x={pad + j * cell}
                y={pad + i * cell}
                width={cell - 2}
                height={cell - 2}
                fill={cosineColor(v)}
                rx={3}
              />
              <text
                x={pad + j * cell + cell / 2 - 1}
                y={pad + i * cell + cell / 2 + 4}
                textAnchor="middle"
                className="heat-value"
              >
                {v.toFixed(2)}
              </text>
            </g>
          )),
        )}
      </svg>
    </ChartCard>
  );
}
