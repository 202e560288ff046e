/** Every live chart, fed from the store's reports. Suite-specific pictures for playground-2d and the toy. */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Report } from '../../engine/train/report';
import type { PlaygroundStore } from '../../state/store';
import { CosineHeatmap } from '../plots/CosineHeatmap';
import { DecisionBoundary } from '../plots/DecisionBoundary';
import { taskColor } from '../plots/palette';
import { conflictShare, cosineRows, lossRows, metricRows, perTaskRows, taskPairs } from '../plots/series';
import { TimeChart } from '../plots/TimeChart';
import { ToyLandscape } from '../plots/ToyLandscape';

/** Chart refreshes per second at most: Recharts redraws are the main thread's biggest cost. */
const REFRESH_MS = 250;

/** The store's reports, sampled at most every REFRESH_MS (transient subscription, no render per message). */
function useThrottledReports(store: PlaygroundStore): Report[] {
  const [reports, setReports] = useState(() => store.getState().reports);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.reports === previous.reports || timer) return;
      // A reset (fewer reports) shows at once; growth waits for the next refresh slot.
      const delay = state.reports.length < previous.reports.length ? 0 : REFRESH_MS;
      timer = setTimeout(() => {
        timer = null;
        setReports(store.getState().reports);
      }, delay);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
  return reports;
}

export function ChartsPanel({ store }: { store: PlaygroundStore }) {
  const reports = useThrottledReports(store);
  const info = useStore(store, (s) => s.info);
  const config = useStore(store, (s) => s.config);
  const names = info?.tasks.map((t) => t.name) ?? [];
  const metric = info?.tasks[0];
  const perTask = names.map((name, t) => ({ key: name, color: taskColor(t) }));
  const pairs = taskPairs(names);
  const share = conflictShare(reports);
  const rows = useMemo(
    () => ({
      loss: lossRows(reports),
      metric: metricRows(reports),
      cosine: cosineRows(reports, names),
      norms: perTaskRows(reports, (r) => r.gradients.norms),
      weights: perTaskRows(reports, (r) => r.weights),
    }),
    // names derive from info
    [reports, info],
  );
  return (
    <div className="charts">
      <TimeChart
        id="loss"
        title="Loss per task"
        help="Training loss (solid: mean of the batches since the last report) and test loss (dashed) of every task. Diverging test curves of one task while another improves is negative transfer."
        yLabel="loss"
        rows={rows.loss}
        series={names.flatMap((name, t) => [
          { key: `${name} train`, color: taskColor(t) },
          { key: `${name} test`, color: taskColor(t), dashed: true },
        ])}
        logOption
      />
      <TimeChart
        id="metric"
        title={`Test ${metric?.metricLabel ?? 'metric'} per task`}
        help={`Each task's ${metric?.metricLabel ?? 'metric'} on its test split (${metric?.higherIsBetter ? 'higher' : 'lower'} is better).`}
        yLabel={metric?.metricLabel ?? 'metric'}
        rows={rows.metric}
        series={perTask}
      />
      <TimeChart
        id="cosine"
        title="Gradient conflict between tasks"
        help="Cosine similarity of each pair of task gradients on the shared parameters. Below zero the tasks pull the shared weights in opposing directions: they conflict."
        yLabel="cosine similarity"
        rows={rows.cosine}
        series={pairs.map((p, k) => ({ key: p.key, color: taskColor(k + names.length) }))}
        domain={[-1, 1]}
        zeroLine="conflict below 0"
        footer={`In conflict at ${(share * 100).toFixed(0)}% of reports so far.`}
      />
      <CosineHeatmap report={reports[reports.length - 1]} names={names} />
      <TimeChart
        id="norms"
        title="Gradient norm per task"
        help="‖∇θ L_t‖ on the shared parameters. A task with a much larger norm dominates an equal-weight sum; GradNorm and IMTL rebalance it."
        yLabel="‖gradient‖"
        rows={rows.norms}
        series={perTask}
        logOption
      />
      <TimeChart
        id="weights"
        title="Task weights applied by the method"
        help="The weight w_t the method gave each task's gradient at the last step (update = Σ w_t g_t). Equal weighting keeps them at 1; PCGrad, MGDA and CAGrad imply them from the gradients."
        yLabel="weight"
        rows={rows.weights}
        series={perTask}
      />
      {config.task.id === 'playground-2d' ? <BoundaryLive store={store} names={names} /> : null}
      {config.task.id === 'toy' ? <ToyLandscape reports={reports} /> : null}
    </div>
  );
}

/** The boundary subscribes to its grid itself, so a new grid redraws only its canvases. */
function BoundaryLive({ store, names }: { store: PlaygroundStore; names: string[] }) {
  const config = useStore(store, (s) => s.config);
  const grid = useStore(store, (s) => s.grid);
  return <DecisionBoundary config={config} grid={grid} names={names} />;
}
