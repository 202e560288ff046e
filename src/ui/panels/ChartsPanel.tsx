/** Every live chart, fed from the store's reports. Suite-specific pictures for playground-2d and the toy. */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { ExperimentConfig } from '../../engine/config/types';
import { findMethod } from '../../engine/methods/registry';
import { findSampler } from '../../engine/sampling/registry';
import { Rng } from '../../engine/random/rng';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { findTaskSuite } from '../../engine/tasks/registry';
import { GRID_SIZE } from '../../state/actions';
import type { PlaygroundStore } from '../../state/store';
import {
  AffinityHeatmap,
  CosineChart,
  CosineHeatmap,
  DecisionBoundary,
  LossChart,
  MetricChart,
  NormsChart,
  SharesChart,
  splitLabels,
  ToyLandscape,
  trajectories,
  WeightsChart,
} from '../charts';

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
  const method = findMethod(config.method.id)?.label ?? config.method.id;
  const last = reports[reports.length - 1];
  return (
    <div className="charts">
      <LossChart reports={reports} info={info} />
      <MetricChart reports={reports} info={info} />
      <CosineChart reports={reports} info={info} />
      <CosineHeatmap report={last && last.step > 0 ? last : undefined} info={info} />
      {(config.isolation.affinityEvery as number) > 0 ? <AffinityHeatmap report={last} info={info} /> : null}
      <NormsChart reports={reports} info={info} />
      <WeightsChart reports={reports} info={info} method={method} />
      {config.sampling.id !== 'mixed' ? (
        <SharesChart
          reports={reports}
          info={info}
          strategy={findSampler(config.sampling.id)?.label ?? config.sampling.id}
        />
      ) : null}
      {config.task.id === 'playground-2d' ? <BoundaryLive store={store} info={info} /> : null}
      {config.task.id === 'toy' ? <ToyLandscape trajectories={trajectories(reports)} /> : null}
    </div>
  );
}

/** The very training samples: the same seed stream as the trainer's data (cheap for 2-D suites). */
function useTrainingPoints(config: ExperimentConfig) {
  return useMemo(() => {
    const suite = findTaskSuite(config.task.id);
    if (!suite || suite.kind !== 'data') return null;
    const built = suite.build(config.task.params, new Rng(config.seed).fork('data'));
    if (built.kind !== 'data' || built.train.mode !== 'shared') return null;
    const { x, y, count } = built.train;
    return { x, labels: splitLabels(y, count, built.tasks.length) };
  }, [config.task, config.seed]);
}

/** The boundary subscribes to its grid itself, so a new grid redraws only its canvases. */
function BoundaryLive({ store, info }: { store: PlaygroundStore; info: TrainerInfo | null }) {
  const config = useStore(store, (s) => s.config);
  const grid = useStore(store, (s) => s.grid);
  const points = useTrainingPoints(config);
  return (
    <DecisionBoundary
      names={info?.tasks.map((t) => t.name) ?? []}
      n={GRID_SIZE}
      values={grid?.values ?? null}
      x={points?.x ?? null}
      labels={points?.labels ?? []}
      {...(grid ? { step: grid.step } : {})}
    />
  );
}
