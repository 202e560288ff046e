/**
 * What the results show, from hand-made runs: group names a person reads, metric columns named by their
 * metric and direction, best marks; the Pareto plot's points, front and static-weights front; and the
 * page-side summary of a cancelled study's finished runs.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../engine/config/parse';
import type { ExperimentConfig } from '../../engine/config/types';
import type { RunRecord, StudySpec } from '../../engine/study/types';
import { groupLabeler } from './group-label';
import { paretoData } from './pareto-points';
import { resultTable } from './results-table';
import { summarizeFinished } from './summarize-finished';

const info = {
  tasks: [
    { name: 'xor', metric: 'accuracy' as const, metricLabel: 'accuracy', higherIsBetter: true },
    { name: 'gauss', metric: 'accuracy' as const, metricLabel: 'accuracy', higherIsBetter: true },
  ],
  kind: 'data' as const,
  replicas: 1,
  parameters: { shared: 0, taskSpecificPerTask: 0, total: 0 },
  sharedLayers: [],
  gradientStrategy: 'loop' as const,
  backend: 'cpu',
};

/** A finished run of `group` and `seed` whose final test losses are `losses` and accuracies `metrics`. */
function run(
  config: ExperimentConfig,
  group: string,
  seed: number,
  losses: number[],
  metrics: number[],
): RunRecord {
  const tasks = ['xor', 'gauss'].map((name, k) => ({
    name,
    trainLoss: losses[k] as number,
    testLoss: losses[k] as number,
    trainMetric: metrics[k] as number,
    testMetric: metrics[k] as number,
  }));
  return {
    id: `${group}-${seed}`,
    name: group,
    config: { ...config, seed },
    info,
    history: [],
    final: { step: 10, tasks },
    status: 'finished',
    backend: 'cpu',
    wallSeconds: 1,
    createdAt: seed,
    study: { id: 's', group, seed },
  };
}

const spec: StudySpec = {
  base: { steps: 10, reportEvery: 10 },
  grid: { 'method.id': ['ew', 'pcgrad'] },
  seeds: [1, 2],
  baselines: true,
};
const ew = parseConfig({ ...spec.base, method: { id: 'ew' } });
const pcgrad = parseConfig({ ...spec.base, method: { id: 'pcgrad' } });
const baseline = parseConfig({
  ...spec.base,
  architecture: { id: 'layer-sharing', params: { widths: [32, 32], shared: [false, false] } },
});
const runs = [
  run(ew, 'method.id=ew', 1, [0.2, 0.4], [0.9, 0.8]),
  run(ew, 'method.id=ew', 2, [0.4, 0.2], [0.7, 0.8]),
  run(pcgrad, 'method.id=pcgrad', 1, [0.1, 0.3], [0.95, 0.85]),
  run(pcgrad, 'method.id=pcgrad', 2, [0.3, 0.1], [0.75, 0.85]),
  run(baseline, 'baseline', 1, [0.3, 0.3], [0.8, 0.8]),
  run(baseline, 'baseline', 2, [0.3, 0.3], [0.8, 0.8]),
];

describe('study results', () => {
  it('name groups by their entries’ labels, not their keys', () => {
    const label = groupLabeler(spec);
    expect(label({ 'method.id': 'pcgrad' }, 'method.id=pcgrad')).toBe('PCGrad');
    expect(label({ learningRate: 0.003 }, 'learningRate=0.003')).toBe('Learning rate 0.003');
    expect(label({}, 'baseline')).toBe('Single-task');
  });

  it('table: the engine’s numbers, labelled columns, the best of each column marked', () => {
    const summary = summarizeFinished(spec, runs);
    const table = resultTable(spec, summary, runs);
    expect(table.columns.map((c) => c.label)).toEqual([
      'xor: test accuracy (higher is better)',
      'xor: test loss (lower is better)',
      'gauss: test accuracy (higher is better)',
      'gauss: test loss (lower is better)',
      'Δm% vs single-task (lower is better)',
    ]);
    expect(table.rows.map((r) => [r.label, r.baseline])).toEqual([
      ['Equal weights', false],
      ['PCGrad', false],
      ['Single-task', true],
    ]);
    const [ewRow, pcRow] = table.rows;
    // xor accuracy over seeds: EW 0.9, 0.7 → mean 0.8, ci = t(1) · s/√2 = 12.7062 · 0.1414/1.4142 = 1.271.
    expect(ewRow?.cells['xor · test metric']).toBe('0.8 ± 1.3');
    // PCGrad is better on every column: higher accuracy, lower loss and lower Δm%.
    expect(pcRow?.best).toEqual(table.columns.map((c) => c.key));
    // Δm% of PCGrad against the baseline of its seed, (100/2) Σ −(M − B)/B for accuracies (higher is
    // better): seed 1, −(0.15 + 0.05)/0.8 · 50 = −12.5%; seed 2, −(−0.05 + 0.05)/0.8 · 50 = 0; mean −6.25%.
    expect(summary.groups[1]?.deltaM?.mean).toBeCloseTo(-6.25, 10);
  });

  it('Pareto plot: a point per run, the front of the runs no other beats on both losses', () => {
    const data = paretoData(spec, runs);
    expect(data?.tasks).toEqual(['xor', 'gauss']);
    expect(data?.groups.map((g) => [g.label, g.points.length])).toEqual([
      ['Equal weights', 2],
      ['PCGrad', 2],
      ['Single-task', 2],
    ]);
    // (0.1, 0.3) and (0.3, 0.1) dominate every other point.
    expect(data?.front.map((p) => [p.x, p.y])).toEqual([
      [0.1, 0.3],
      [0.3, 0.1],
    ]);
    expect(data?.scalarization).toEqual([]);
  });

  it('Pareto plot: a sweep of static weights draws its scalarization front', () => {
    const sweep: StudySpec = {
      ...spec,
      grid: {
        'method.params.weights': [
          [1, 3],
          [1, 1],
        ],
      },
      baselines: false,
    };
    const staticConfig = (weights: number[]) =>
      parseConfig({ ...spec.base, method: { id: 'static', params: { weights } } });
    const data = paretoData(sweep, [
      run(staticConfig([1, 3]), 'w13', 1, [0.5, 0.1], [0.5, 0.9]),
      run(staticConfig([1, 1]), 'w11', 1, [0.3, 0.3], [0.7, 0.7]),
    ]);
    // Shares of the first task's weight, 0.25 then 0.5, in order.
    expect(data?.scalarization).toEqual([
      { share: 0.25, x: 0.5, y: 0.1 },
      { share: 0.5, x: 0.3, y: 0.3 },
    ]);
  });
});
