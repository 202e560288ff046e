/** Draws a time chart described as data (define.ts): its card, its lines from the history, the log toggle. */
import { useMemo, useState } from 'react';
import { ChartCard } from './ChartCard';
import { latestSummary, useLogScale } from './chartParts';
import {
  textOf,
  timeSeriesData,
  timeSeriesReady,
  type ChartContext,
  type TimeSeriesChartSpec,
} from './define';
import { TimeSeriesChart } from './TimeSeriesChart';

export function TimeSeriesCard({ spec, ctx }: { spec: TimeSeriesChartSpec; ctx: ChartContext }) {
  const [wanted, setWanted] = useState(spec.log?.on ?? false);
  // The history view is new after every (throttled) batch of reports: recompute then, from its bounded
  // rows; a config change alone keeps the rows, so the memoised chart below does not redraw.
  const { history, info, names } = ctx;
  const { lines, rows } = useMemo(
    () => timeSeriesData(spec, { history, info, names }),
    [spec, history, info, names],
  );
  const keys = useMemo(() => lines.map((l) => l.key), [lines]);
  const scale = useLogScale(rows, keys, wanted, setWanted, spec.log?.what);
  const log = spec.log ? scale.log : false;
  const ready = timeSeriesReady(spec, ctx, lines);
  const title = textOf(spec.title, ctx);
  const yLabel = textOf(spec.yLabel, ctx);
  const footer = ready ? [spec.footer?.(ctx), spec.log ? scale.note : null].filter(Boolean) : [];
  return (
    <ChartCard
      id={spec.id}
      title={title}
      info={textOf(spec.info, ctx)}
      ready={ready}
      empty={textOf(spec.empty, ctx)}
      controls={spec.log ? scale.control : null}
      footer={
        footer.length ? footer.map((part, i) => <span key={i}>{i ? <> · {part}</> : part}</span>) : null
      }
    >
      <TimeSeriesChart
        rows={rows}
        series={lines}
        yLabel={log ? `${yLabel} (log)` : yLabel}
        log={log}
        {...(spec.domain ? { domain: spec.domain } : {})}
        {...(spec.ticks ? { ticks: spec.ticks } : {})}
        {...(spec.zeroLine ? { zeroLine: spec.zeroLine } : {})}
        ariaLabel={`${title} ${latestSummary(rows, lines)}`}
      />
    </ChartCard>
  );
}
