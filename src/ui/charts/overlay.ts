/**
 * Stored runs drawn on the live run's time charts (issue 12: "select several to overlay their curves"):
 * each overlaid run keeps the task colours and gets its own line style, named in a legend of runs. An
 * overlaid run is static, so its histories and rows are built once per selection (prepareOverlay) and per
 * chart (overlaySeries), never per frame; a live update only merges the live rows in (mergeRows).
 */
import type { RunRecord } from '../../engine/study/types';
import { ReportHistory } from '../../state/history';
import type { OverlayRun, SeriesSpec, TimeSeriesChartSpec } from './define';
import { downsampleColumns, MAX_POINTS, type Row } from './downsample';
import { taskNames } from './series';

export type { OverlayRun };

/**
 * The line style of the k-th overlaid run (stroke-dasharray), after the live run's solid line. None of
 * them is the plain dash the loss chart gives test losses ('5 4'): dots, dash-dots and long dashes.
 */
export const RUN_DASHES = ['1 3', '9 3 2 3', '14 5', '2 2 2 6', '18 3 3 3', '1 7'];

/**
 * The runs ready to draw: each record's reports as decimated columns (the same shape as the live run's).
 * Two runs of one config share a default name; the legend and the tooltip must still tell them apart, so a
 * repeated name gets its position: "EW · seed 1", "EW · seed 1 (2)".
 */
export function prepareOverlay(records: readonly RunRecord[]): OverlayRun[] {
  const seen = new Map<string, number>();
  return records.map((record, k) => {
    const times = (seen.get(record.name) ?? 0) + 1;
    seen.set(record.name, times);
    const history = new ReportHistory();
    history.append(record.history);
    const view = history.view();
    return {
      id: record.id,
      name: times > 1 ? `${record.name} (${times})` : record.name,
      dash: RUN_DASHES[k % RUN_DASHES.length] as string,
      history: view,
      names: taskNames(view.latest, record.info),
      info: record.info,
      changes: record.changes ?? [],
    };
  });
}

/** A row key of an overlaid run's line: unique across runs, and free of '.' (chart libraries read keys as paths). */
export const overlayKey = (runId: string, key: string): string => `${runId.replace(/\./g, '_')}|${key}`;

/** Rows in step order merged into one list: rows at the same step become one row holding both's keys. */
export function mergeRows(a: readonly Row[], b: readonly Row[]): Row[] {
  if (!b.length) return a as Row[];
  if (!a.length) return b as Row[];
  const out: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.step < y.step)) {
      out.push(x);
      i++;
    } else if (y && (!x || y.step < x.step)) {
      out.push(y);
      j++;
    } else {
      out.push({ ...x, ...y } as Row);
      i++;
      j++;
    }
  }
  return out;
}

export interface OverlaySeries {
  /** Every overlaid run's lines (a run's test or secondary lines fainter), after the live run's. */
  lines: SeriesSpec[];
  /** Their rows, each run reduced to `maxPoints` (bucket minima and maxima kept), merged in step order. */
  rows: Row[];
}

export const NO_OVERLAY: OverlaySeries = { lines: [], rows: [] };

/** A chart's lines for every overlaid run, read from the run's own history with the chart's own `lines`. */
export function overlaySeries(
  spec: TimeSeriesChartSpec,
  runs: readonly OverlayRun[],
  maxPoints = MAX_POINTS,
): OverlaySeries {
  if (!runs.length) return NO_OVERLAY;
  const lines: SeriesSpec[] = [];
  let rows: Row[] = [];
  for (const run of runs) {
    const own = spec.lines({ history: run.history, info: run.info, names: run.names });
    const keyed = own.map((l) => [overlayKey(run.id, l.key), l.column] as const);
    const runRows = downsampleColumns(run.history.columns(keyed), maxPoints);
    // A line with no number in the run (a chart that does not apply to it) is left out, not drawn empty.
    const present = new Set(runRows.flatMap((r) => Object.keys(r)));
    own.forEach((l, k) => {
      const key = keyed[k]?.[0] as string;
      if (!present.has(key)) return;
      lines.push({
        key,
        name: l.name ?? l.key,
        title: l.title ?? l.name ?? l.key,
        color: l.color,
        dash: run.dash,
        opacity: l.dashed ? 0.5 : 0.85,
        run: run.name,
      });
    });
    rows = mergeRows(rows, runRows);
  }
  return { lines, rows };
}
