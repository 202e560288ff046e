/**
 * The labels of a time chart drawn outside Recharts. The legend is plain HTML above the plot (full names on
 * hover): Recharts' own legend measures its box after every render, which a live chart cannot afford
 * (issue 11). With overlaid runs a second row says which line style is which run. The zero line's label
 * and the marks' labels are SVG parts that Recharts places.
 */
import { memo } from 'react';
import type { SeriesSpec } from './define';

/** A run of the run legend: its name and its line style (the live run is solid). */
export interface RunStyle {
  name: string;
  dash?: string;
}

/** "— live run  ⋯ run A  -·- run B": which line style is which run, in the text colour (tasks keep theirs). */
export const RunLegend = memo(function RunLegend({ runs }: { runs: readonly RunStyle[] }) {
  return (
    <ul className="chart-run-legend" aria-label="Runs">
      {runs.map((r, k) => (
        <li key={k} title={r.dash ? `${r.name} (stored run)` : 'the run training now'}>
          <svg width="26" height="8" aria-hidden>
            <line
              x1="0"
              y1="4"
              x2="26"
              y2="4"
              stroke="var(--fg)"
              strokeWidth="2"
              {...(r.dash ? { strokeDasharray: r.dash } : {})}
            />
          </svg>
          <span>{r.name}</span>
        </li>
      ))}
    </ul>
  );
});

export const ChartLegend = memo(function ChartLegend({ series }: { series: readonly SeriesSpec[] }) {
  return (
    <ul
      className="chart-legend"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        justifyContent: 'center',
        gap: '2px 12px',
        listStyle: 'none',
        margin: '0 0 6px',
        padding: 0,
        fontSize: 12,
      }}
    >
      {series.map((s) => (
        <li
          key={s.key}
          title={s.title ?? s.name ?? s.key}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          <svg width="16" height="8" aria-hidden>
            <line
              x1="0"
              y1="4"
              x2="16"
              y2="4"
              stroke={s.color}
              strokeWidth="2"
              {...(s.dashed ? { strokeDasharray: '4 3' } : {})}
            />
          </svg>
          <span style={{ color: s.color }}>{s.name ?? s.key}</span>
        </li>
      ))}
    </ul>
  );
});

/** The zero line's label, right-aligned just below the line on a backdrop so that dense lines don't hide it. */
export function ZeroLabel({
  text,
  viewBox,
}: {
  text: string;
  viewBox?: { x?: number; y?: number; width?: number };
}) {
  const { x = 0, y = 0, width = 0 } = viewBox ?? {};
  const w = text.length * 6.2 + 8;
  return (
    <g>
      <rect
        x={x + width - w - 2}
        y={y + 3}
        width={w}
        height={16}
        rx={3}
        fill="var(--card)"
        fillOpacity={0.9}
      />
      <text x={x + width - 6} y={y + 15} textAnchor="end" fontSize={11} fill="var(--fg)">
        {text}
      </text>
    </g>
  );
}

/**
 * A mark's label at the top of its dashed line: a few characters on a backdrop; the whole change in its
 * title, which the browser shows on hover (and screen readers read from the chart's description).
 */
export function MarkLabel({
  short,
  full,
  viewBox,
}: {
  short: string;
  full: string;
  viewBox?: { x?: number; y?: number };
}) {
  const { x = 0, y = 0 } = viewBox ?? {};
  const w = short.length * 6 + 8;
  return (
    <g className="chart-mark" data-mark={full}>
      <title>{full}</title>
      <rect x={x + 2} y={y + 1} width={w} height={15} rx={3} fill="var(--card)" fillOpacity={0.6} />
      <text x={x + 6} y={y + 12} fontSize={11} fill="var(--fg)">
        {short}
      </text>
    </g>
  );
}
