/**
 * The time charts' plot (TimeSeriesChart: a canvas and its scene), loaded when a time chart is first shown
 * and mounted BEFORE the chart has data, one chart per frame slot.
 *
 * Why (issue 11, no main-thread task over 50 ms while training): with React.lazy every chart's plot mounted
 * in ONE commit when the lazy module resolved at the first point after Train (a 260-400 ms task when the
 * plots were Recharts line charts, ~40-60 ms each on a 2-core machine; bench/app.bench.ts). Here the module
 * is a plain dynamic import whose component every card reads once loaded; each card then asks the chart
 * scheduler (use-scheduled.ts) for a frame slot and mounts its plot there, hidden under the empty state
 * until the first point, so that the first point is an update, not a mount, and mounts happen one per
 * frame while nothing trains.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { TimeSeriesChart as Plot } from './TimeSeriesChart';
import { chartScheduler } from './use-scheduled';

type PlotComponent = typeof Plot;

let loading: Promise<PlotComponent> | null = null;

/** Starts loading the plot's module once; resolves with its component. */
export function loadPlot(): Promise<PlotComponent> {
  loading ??= import('./TimeSeriesChart').then((m) => m.TimeSeriesChart);
  return loading;
}

/**
 * The plot component once its module has loaded and this chart's mount slot has come (null until then).
 * `key` names the chart in the scheduler (one slot per chart).
 */
export function useMountedPlot(key: string): PlotComponent | null {
  const [plot, setPlot] = useState<PlotComponent | null>(null);
  useEffect(() => {
    let live = true;
    const slot = `mount:${key}`;
    void loadPlot().then((component) => {
      if (!live) return;
      // Its own frame slot: the scheduler runs slots until its budget is spent, so a mount costing more
      // than the budget leaves the next chart's mount to the next frame.
      chartScheduler.request(slot, () => {
        if (live) flushSync(() => setPlot(() => component));
      });
    });
    return () => {
      live = false;
      chartScheduler.cancel(slot);
    };
  }, [key]);
  return plot;
}
