/** A task-by-task matrix as a grid of coloured cells with the values in them (cosines, affinities). */
import type { CSSProperties } from 'react';
import { rgb, textColorOn, type RGB } from './palette';
import { shortTaskNames } from './task-labels';

const label: CSSProperties = {
  fontSize: 12,
  color: 'var(--fg)',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

export interface MatrixGridProps {
  /** Task names: rows and columns (shown short, in full on hover). */
  names: readonly string[];
  value: (row: number, column: number) => number;
  color: (value: number) => RGB;
  /** Decimals shown in the cells (one more in the tooltips). */
  digits: number;
  ariaLabel: string;
}

export function MatrixGrid({ names, value, color, digits, ariaLabel }: MatrixGridProps) {
  const T = names.length;
  const short = shortTaskNames(names);
  return (
    <div
      role="img"
      aria-label={ariaLabel}
      style={{
        display: 'grid',
        gridTemplateColumns: `minmax(48px, max-content) repeat(${T}, minmax(0, 1fr))`,
        gap: 2,
        maxWidth: 120 + 90 * T,
        margin: '8px auto 0',
      }}
    >
      <span />
      {names.map((n, j) => (
        <span key={`c-${n}`} title={n} style={{ ...label, textAlign: 'center' }}>
          {short[j]}
        </span>
      ))}
      {names.map((rowName, i) => [
        <span key={`r-${rowName}`} title={rowName} style={{ ...label, alignSelf: 'center', paddingRight: 4 }}>
          {short[i]}
        </span>,
        ...names.map((colName, j) => {
          const v = value(i, j);
          const bg = color(v);
          return (
            <span
              key={`${rowName}-${colName}`}
              title={`${rowName} · ${colName}: ${Number.isFinite(v) ? v.toFixed(digits + 1) : 'n/a'}`}
              style={{
                background: rgb(bg),
                color: textColorOn(bg),
                aspectRatio: '1.6',
                display: 'grid',
                placeItems: 'center',
                borderRadius: 3,
                fontSize: 13,
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {Number.isFinite(v) ? v.toFixed(digits) : '–'}
            </span>
          );
        }),
      ])}
    </div>
  );
}
