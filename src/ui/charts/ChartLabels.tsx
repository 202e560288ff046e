/**
 * The legends of a time chart: plain HTML above the plot (full names on hover), so the SVG export reads the same entries the screen shows (export-svg.ts). With overlaid runs
 * a second row says which line style is which run.
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
