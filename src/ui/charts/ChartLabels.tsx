/**
 * The labels of a time chart drawn outside Recharts. The legend is plain HTML above the plot (full names on
 * hover): Recharts' own legend measures its box after every render, which a live chart cannot afford
 * (issue 11). The zero line's label is an SVG part that Recharts places.
 */
import { memo } from 'react';
import type { SeriesSpec } from './define';

export const ChartLegend = memo(function ChartLegend({ series }: { series: readonly SeriesSpec[] }) {
  return (
    <ul
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
