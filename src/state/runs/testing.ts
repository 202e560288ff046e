/** Hand-made runs and reports for the run-keeping tests (plain data, no trainer). */
import { parseConfig } from '../../engine/config/parse';
import type { RunRecord } from '../../engine/study/types';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';

export const testConfig = parseConfig({ steps: 40, reportEvery: 10, seed: 3 });

/** Two tasks "A" and "B"; at step s, task A's train loss is 1/(s+1) and B's twice that. */
export function makeReport(step: number): Report {
  const a = 1 / (step + 1);
  return {
    step,
    tasks: [
      {
        name: 'A',
        trainLoss: a,
        testLoss: a + 0.1,
        trainMetric: 0.5 + step / 100,
        testMetric: 0.4 + step / 100,
      },
      { name: 'B', trainLoss: 2 * a, testLoss: 2 * a + 0.1, trainMetric: 0.3, testMetric: 0.25 },
    ],
    weights: [0.5, 0.5],
    gradients: {
      norms: [1, 2],
      cosine: [
        [1, -0.5],
        [-0.5, 1],
      ],
      conflictShare: 1,
      layers: [],
    },
    health: [],
  };
}

export const testInfo: TrainerInfo = {
  tasks: [
    { name: 'A', metric: 'accuracy', metricLabel: 'accuracy', higherIsBetter: true },
    { name: 'B', metric: 'accuracy', metricLabel: 'accuracy', higherIsBetter: true },
  ],
  kind: 'data',
  replicas: 1,
  parameters: { shared: 100, taskSpecificPerTask: 10, total: 120 },
  sharedLayers: ['hidden 1'],
  gradientStrategy: 'fused',
  backend: 'wasm',
};

export function makeRun(id: string, steps = [0, 10, 20], extra: Partial<RunRecord> = {}): RunRecord {
  const history = steps.map(makeReport);
  const last = history[history.length - 1];
  return {
    id,
    name: `run ${id}`,
    config: testConfig,
    info: testInfo,
    history,
    final: last ? { step: last.step, tasks: last.tasks } : null,
    status: 'stopped',
    backend: 'wasm',
    wallSeconds: 1.5,
    createdAt: 1_000 + steps.length,
    ...extra,
  };
}
