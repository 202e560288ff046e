/** Helpers of the time charts: the "Log scale" checkbox hook and screen-reader summaries. */
import { useId, type ReactNode } from 'react';
import type { Row } from './downsample';
import { allPositive, formatNumber } from './series';
import type { SeriesSpec } from './define';

/**
 * The "Log scale" checkbox: disabled, with a visible note, when some value is not positive (a log axis
 * cannot show it). Returns the checkbox and whether log scale is in effect.
 */
export function useLogScale(
  rows: readonly Row[],
  keys: readonly string[],
  wanted: boolean,
  setWanted: (on: boolean) => void,
  what = 'values',
): { log: boolean; control: ReactNode; note: ReactNode } {
  const id = useId();
  const possible = allPositive(rows, keys);
  const log = wanted && possible;
  const control = (
    <label htmlFor={id} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, cursor: 'pointer' }}>
      <input
        id={id}
        type="checkbox"
        checked={log}
        disabled={!possible}
        onChange={(e) => setWanted(e.target.checked)}
        aria-describedby={possible ? undefined : `${id}-note`}
      />
      Log scale
    </label>
  );
  const note =
    !possible && rows.length > 0 ? (
      <span id={`${id}-note`}>Log scale off: some {what} are zero or negative.</span>
    ) : null;
  return { log, control, note };
}

/** "name 0.123, name 0.456": the latest value of each series, for aria-labels. */
export function latestSummary(rows: readonly Row[], series: readonly SeriesSpec[]): string {
  const last = rows.at(-1);
  if (!last) return 'no data yet';
  const parts = series
    .filter((s) => last[s.key] !== undefined)
    .map((s) => `${s.title ?? s.name ?? s.key} ${formatNumber(last[s.key] as number)}`);
  return `at step ${last.step}: ${parts.join(', ')}`;
}
