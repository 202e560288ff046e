/**
 * Every live chart: the standard ones always, and those the experiment's views ask for (config/views.ts),
 * in the chart registry's order. The panel itself renders only when the config or the trainer changes;
 * each chart follows the history on its own (a transient subscription through the frame scheduler,
 * charts/use-scheduled.ts), so a report redraws each chart at most once per refresh, one frame slot each,
 * and never re-renders the page around it (issue 11). The marks of live changes and the runs ticked for
 * overlay (the runs store) change rarely: the panel passes them down, and overlaid runs are prepared once
 * per selection (charts/overlay.ts). A classroom link may hide charts by id (`#hide=weights`), or embed one
 * chart alone (`#embed=chart:loss`: `only`).
 */
import { memo, useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import { viewsOf } from '../../engine/config/views';
import type { HistoryView } from '../../state/history';
import { runsStore as appRunsStore, selectOverlay, type RunsStore } from '../../state/runs/runs-store';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import { ChartStepContext } from '../charts/chart-step';
import { prepareOverlay } from '../charts/overlay';
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
import { useClassroom } from '../classroom/use-classroom';

const selectHistory = (s: PlaygroundState) => s.history;
/**
 * A reset (fewer reports) shows at once, and so do a run's first two reports (a line needs two points:
 * the first drawn line should not wait out a refresh interval); later growth waits for the chart's next
 * refresh slot.
 */
const isReset = (next: HistoryView, shown: HistoryView) =>
  next.reports < shown.reports || (shown.reports < 2 && next.reports > shown.reports);

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

const selectChanges = (s: PlaygroundState) => s.changes;

export function ChartsPanel({
  store,
  runs = appRunsStore,
  only,
}: {
  store: PlaygroundStore;
  runs?: RunsStore;
  /** Draw this chart alone (an embedded chart). */
  only?: string;
}) {
  const { view: classroom } = useClassroom();
  const info = useStore(store, (s) => s.info);
  const config = useStore(store, (s) => s.config);
  const changes = useStore(store, selectChanges);
  const records = useStore(runs, selectOverlay);
  const overlay = useMemo(() => prepareOverlay(records), [records]);
  const views = useMemo(() => viewsOf(config), [config]);
  const base = useMemo<BaseContext>(
    () => ({ info, config, store, changes, overlay }),
    [info, config, store, changes, overlay],
  );
  const instances = useMemo(
    () =>
      chartsFor(CHARTS, views).filter(({ chart }) =>
        only ? chart.id === only : !classroom.hide.includes(chart.id),
      ),
    [views, only, classroom.hide],
  );
  // Read when a chart is exported, so that no card re-renders for it: the newest report's step.
  const stepNow = useCallback(() => store.getState().history.latest?.step ?? null, [store]);
  return (
    <ChartStepContext.Provider value={stepNow}>
      <div className="charts">
        {instances.map((instance) => (
          <LiveChart key={instance.key} instance={instance} base={base} />
        ))}
      </div>
    </ChartStepContext.Provider>
  );
}
