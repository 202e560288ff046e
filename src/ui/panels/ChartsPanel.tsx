/**
 * Every live chart: the standard ones always, and those the experiment's views ask for (config/views.ts),
 * in the chart registry's order. Charts read the store's columnar history, sampled at chart rate.
 */
import { Fragment, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { viewsOf } from '../../engine/config/views';
import type { HistoryView } from '../../state/history';
import type { PlaygroundStore } from '../../state/store';
import { CHARTS, chartsFor, taskNames, TimeSeriesCard, type ChartContext } from '../charts';

/** Chart refreshes per second at most: Recharts redraws are the main thread's biggest cost. */
const REFRESH_MS = 250;

/** The store's history, sampled at most every REFRESH_MS (transient subscription, no render per message). */
function useThrottledHistory(store: PlaygroundStore): HistoryView {
  const [history, setHistory] = useState(() => store.getState().history);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.history === previous.history || timer) return;
      // A reset (fewer reports) shows at once; growth waits for the next refresh slot.
      const delay = state.history.reports < previous.history.reports ? 0 : REFRESH_MS;
      timer = setTimeout(() => {
        timer = null;
        setHistory(store.getState().history);
      }, delay);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
  return history;
}

export function ChartsPanel({ store }: { store: PlaygroundStore }) {
  const history = useThrottledHistory(store);
  const info = useStore(store, (s) => s.info);
  const config = useStore(store, (s) => s.config);
  const views = useMemo(() => viewsOf(config), [config]);
  // The same names array while the names stay the same, so that the lines' data stays memoised.
  const namesKey = taskNames(history.latest, info).join('\n');
  const names = useMemo(() => (namesKey ? namesKey.split('\n') : []), [namesKey]);
  const ctx = useMemo<ChartContext>(
    () => ({ history, info, config, names, store }),
    [history, info, config, names, store],
  );
  return (
    <div className="charts">
      {chartsFor(CHARTS, views).map(({ chart, view, key }) => (
        <Fragment key={key}>
          {chart.kind === 'time-series' ? <TimeSeriesCard spec={chart} ctx={ctx} /> : chart.render(ctx, view)}
        </Fragment>
      ))}
    </div>
  );
}
