/**
 * Every live chart: the standard ones always, and those the experiment's views ask for (config/views.ts),
 * in the chart registry's order. The panel itself renders only when the config or the trainer changes;
 * each chart follows the history on its own (a transient subscription through the frame scheduler,
 * charts/use-scheduled.ts), so a report redraws each chart at most once per refresh, one frame slot each,
 * and never re-renders the page around it (issue 11).
 */
import { memo, useMemo } from 'react';
import { useStore } from 'zustand';
import { viewsOf } from '../../engine/config/views';
import type { HistoryView } from '../../state/history';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import {
  CHARTS,
  chartsFor,
  taskNames,
  TimeSeriesCard,
  useScheduledSelection,
  type ChartContext,
  type ChartInstance,
  type ChartSpec,
} from '../charts';

const selectHistory = (s: PlaygroundState) => s.history;
/** A reset (fewer reports) shows at once; growth waits for the chart's next refresh slot. */
const isReset = (next: HistoryView, shown: HistoryView) => next.reports < shown.reports;

type BaseContext = Omit<ChartContext, 'history' | 'names'>;

const LiveChart = memo(function LiveChart({
  instance,
  base,
}: {
  instance: ChartInstance<ChartSpec>;
  base: BaseContext;
}) {
  const history = useScheduledSelection(base.store, selectHistory, `history:${instance.key}`, {
    urgent: isReset,
  });
  // The same names array while the names stay the same, so that the lines' data stays memoised.
  const namesKey = taskNames(history.latest, base.info).join('\n');
  const names = useMemo(() => (namesKey ? namesKey.split('\n') : []), [namesKey]);
  const ctx = useMemo<ChartContext>(() => ({ ...base, history, names }), [base, history, names]);
  const { chart, view } = instance;
  return chart.kind === 'time-series' ? <TimeSeriesCard spec={chart} ctx={ctx} /> : chart.render(ctx, view);
});

export function ChartsPanel({ store }: { store: PlaygroundStore }) {
  const info = useStore(store, (s) => s.info);
  const config = useStore(store, (s) => s.config);
  const views = useMemo(() => viewsOf(config), [config]);
  const base = useMemo<BaseContext>(() => ({ info, config, store }), [info, config, store]);
  const instances = useMemo(() => chartsFor(CHARTS, views), [views]);
  return (
    <div className="charts">
      {instances.map((instance) => (
        <LiveChart key={instance.key} instance={instance} base={base} />
      ))}
    </div>
  );
}
