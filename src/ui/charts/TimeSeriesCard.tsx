/**
 * Draws a time chart described as data (define.ts): its card, its lines from the history, the log toggle,
 * the marks of live changes and the overlaid runs' lines (computed once per selection: overlay.ts).
 */
import { useMemo, useState } from 'react';
import type { RunStyle } from './ChartLabels';
import { ChartCard } from './ChartCard';
import { latestSummary, useLogScale } from './chartParts';
import {
  textOf,
  timeSeriesData,
  timeSeriesReady,
  type ChartContext,
  type TimeSeriesChartSpec,
} from './define';
import { allMarks, marksSummary } from './marks';
import { mergeRows, overlaySeries } from './overlay';
import { CHART_HEIGHT } from './chart-height';
import { useMountedPlot } from './use-plot';

export function TimeSeriesCard({ spec, ctx }: { spec: TimeSeriesChartSpec; ctx: ChartContext }) {
  const [wanted, setWanted] = useState(spec.log?.on ?? false);
  // The plot loads when a time chart is first shown, so the first visit (the Lessons) does not carry its
  // code (test/browser/bundle.test.ts); each card mounts its plot in its own frame slot before any data
  // arrives (use-plot.ts says why).
  const Plot = useMountedPlot(spec.id);
  // The history view is new after every (throttled) batch of reports: recompute then, from its bounded
  // rows; a config change alone keeps the rows, so the memoised chart below does not redraw.
  const { history, info, names, overlay, changes } = ctx;
  const live = useMemo(() => timeSeriesData(spec, { history, info, names }), [spec, history, info, names]);
  // Stored runs do not change while the live one trains: their rows are built when the selection changes.
  const stored = useMemo(() => overlaySeries(spec, overlay), [spec, overlay]);
  const lines = useMemo(
    () => (stored.lines.length ? [...live.lines, ...stored.lines] : live.lines),
    [live.lines, stored.lines],
  );
  const rows = useMemo(() => mergeRows(live.rows, stored.rows), [live.rows, stored.rows]);
  const runs = useMemo<RunStyle[]>(
    () =>
      overlay.length ? [{ name: 'live run' }, ...overlay.map((r) => ({ name: r.name, dash: r.dash }))] : [],
    [overlay],
  );
  const marks = useMemo(() => allMarks(changes, overlay), [changes, overlay]);
  const keys = useMemo(() => lines.map((l) => l.key), [lines]);
  const scale = useLogScale(rows, keys, wanted, setWanted, spec.log?.what);
  const log = spec.log ? scale.log : false;
  const ready = timeSeriesReady(spec, ctx, live.lines) || stored.lines.length > 0;
  const title = textOf(spec.title, ctx);
  const yLabel = textOf(spec.yLabel, ctx);
  const reference = ready ? (spec.referenceLine?.(ctx) ?? null) : null;
  const footer = ready ? [spec.footer?.(ctx), spec.log ? scale.note : null].filter(Boolean) : [];
  return (
    <ChartCard
      id={spec.id}
      title={title}
      info={textOf(spec.info, ctx)}
      ready={ready}
      warm={Plot !== null}
      empty={textOf(spec.empty, ctx)}
      controls={spec.log ? scale.control : null}
      footer={
        footer.length ? footer.map((part, i) => <span key={i}>{i ? <> · {part}</> : part}</span>) : null
      }
    >
      {Plot ? (
        <Plot
          rows={rows}
          series={lines}
          yLabel={log ? `${yLabel} (log)` : yLabel}
          log={log}
          marks={marks}
          runs={runs}
          {...(spec.domain ? { domain: spec.domain } : {})}
          {...(spec.ticks ? { ticks: spec.ticks } : {})}
          {...(spec.zeroLine ? { zeroLine: spec.zeroLine } : {})}
          {...(reference ? { referenceLine: reference } : {})}
          yFormat={spec.yFormat?.(ctx) ?? 'number'}
          ariaLabel={`${title} ${latestSummary(live.rows, live.lines)}${marksSummary(marks)}`}
        />
      ) : (
        <div style={{ width: '100%', height: CHART_HEIGHT }} aria-busy="true" />
      )}
    </ChartCard>
  );
}
