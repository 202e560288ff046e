/**
 * The tooltip of every time chart (PlotPointer.tsx shows it under the pointer): the step, then one row per line with a sample of
 * its stroke (task colour, the run's dash), its full name and its exact value; an overlaid run's rows under
 * its name. A standardised regression target's loss also shows in the data's own units (tooltip-rows.ts
 * DataScale). Colours are the theme's (charts.css), so it reads in light and dark.
 */
import type { Row } from './downsample';
import {
  formatExact,
  stepText,
  tooltipRows,
  valuesNear,
  type ScaledSeries,
  type TooltipRow,
} from './tooltip-rows';

interface Props {
  lines: readonly ScaledSeries[];
  /** The rows the chart draws now. */
  rows: readonly Row[];
  /** The step under the pointer (a drawn row's). */
  step: number;
}

function Swatch({ row }: { row: TooltipRow }) {
  return (
    <svg width="18" height="8" aria-hidden>
      <line
        x1="0"
        y1="4"
        x2="18"
        y2="4"
        stroke={row.color}
        strokeWidth="2"
        {...(row.dash ? { strokeDasharray: row.dash } : {})}
      />
    </svg>
  );
}

export function TimeTooltip({ lines, rows: drawn, step }: Props) {
  const near = valuesNear(
    drawn,
    step,
    lines.map((l) => l.key),
  );
  const rows = tooltipRows(near, lines, step);
  if (!rows.length) return null;
  // With overlaid runs, every group of rows is headed by its run ("live run" first); alone, none is.
  const headed = rows.some((r) => r.run !== undefined);
  let run: string | null = null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-step">{stepText(step)}</p>
      <table>
        <tbody>
          {rows.flatMap((row) => {
            const group = row.run ?? 'live run';
            const heading =
              headed && group !== run ? (
                <tr key={`run:${row.key}`}>
                  <th colSpan={3}>{group}</th>
                </tr>
              ) : null;
            run = group;
            return [
              heading,
              <tr key={row.key}>
                <td>
                  <Swatch row={row} />
                </td>
                <td style={{ color: row.color }}>{row.label}</td>
                <td className="chart-tooltip-value">
                  {row.value}
                  {row.at !== undefined ? (
                    <span className="chart-tooltip-at">
                      {' '}
                      at step {formatExact(row.at).replace(/\.0+$/, '')}
                    </span>
                  ) : null}
                  {row.data !== undefined ? <span className="chart-tooltip-at"> = {row.data}</span> : null}
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
