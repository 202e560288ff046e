import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/parse';
import { studyResultOf, summarizeStudy, type StudyRunResult } from './summarize-study';
import type { PlannedRun } from './types';

const config = defaultConfig();
const run = (group: string, seed: number, extra: Partial<PlannedRun> = {}): PlannedRun => ({
  group,
  settings: group.startsWith('baseline') ? {} : { 'method.id': group },
  seed,
  config: { ...config, seed },
  ...extra,
});
/** Task 0 is an accuracy (higher is better), task 1 an MSE (lower is better). */
const result = (acc: number, mse: number, losses: [number, number] = [1, 1]): StudyRunResult => ({
  tasks: [
    { name: 'a', testMetric: acc, testLoss: losses[0] },
    { name: 'b', testMetric: mse, testLoss: losses[1] },
  ],
  higherIsBetter: [true, false],
});

describe('summarizeStudy', () => {
  const withBaselines = { baselineGroup: 'baseline' };
  const plan = [
    run('A', 1, withBaselines),
    run('A', 2, withBaselines),
    run('A', 3, withBaselines),
    run('B', 1, withBaselines),
    run('B', 2, withBaselines),
    run('B', 3, withBaselines),
    run('baseline', 1, { baselineTasks: ['a', 'b'] }),
    run('baseline', 2, { baselineTasks: ['a', 'b'] }),
    run('baseline', 3, { baselineTasks: ['a', 'b'] }),
  ];
  const results = [
    result(0.88, 0.2), // Δm = 50 · (−0.08/0.8 + 0) = −5
    result(0.8, 0.22), // Δm = 50 · (0 + 0.02/0.2) = +5
    result(0.84, 0.2), // Δm = 50 · (−0.04/0.8) = −2.5
    result(0.96, 0.2), // −10
    result(0.88, 0.2), // −5
    null, // diverged
    result(0.8, 0.2),
    result(0.8, 0.2),
    result(0.8, 0.2),
  ];
  const summary = summarizeStudy(plan, results);

  it('estimates every task over the seeds that finished', () => {
    const [a, b] = summary.groups;
    expect(a?.group).toBe('A');
    expect(a?.settings).toEqual({ 'method.id': 'A' });
    expect(a?.seeds).toEqual([1, 2, 3]);
    // [0.88, 0.8, 0.84]: mean 0.84, sd 0.04, ci95 = 4.30265 · 0.04 / √3 = 0.0993654.
    expect(a?.tasks[0]?.name).toBe('a');
    expect(a?.tasks[0]?.metric.mean).toBeCloseTo(0.84, 12);
    expect(a?.tasks[0]?.metric.ci95).toBeCloseTo(0.0993654, 6);
    expect(a?.tasks[0]?.higherIsBetter).toBe(true);
    expect(a?.tasks[1]?.higherIsBetter).toBe(false);
    expect(a?.tasks[1]?.loss).toEqual({ mean: 1, ci95: 0, n: 3 });
    expect(b?.seeds).toEqual([1, 2]);
    expect(b?.tasks[0]?.metric.n).toBe(2);
  });

  it('pairs Δm% with the same seed of the baseline', () => {
    const [a, b] = summary.groups;
    // [−5, 5, −2.5]: mean −0.83333, sd 5.204165, ci95 = 4.30265 · sd / √3 = 12.927854.
    expect(a?.deltaM?.mean).toBeCloseTo(-0.833333333, 8);
    expect(a?.deltaM?.ci95).toBeCloseTo(12.927854, 5);
    expect(a?.baselineGroup).toBe('baseline');
    expect(b?.deltaM?.mean).toBeCloseTo(-7.5, 10);
    expect(b?.deltaM?.n).toBe(2);
  });

  it('flags a group within noise of the first from the paired difference of Δm%', () => {
    // B − A on seeds 1, 2: [−5, −10], mean −7.5, ci95 = 12.7062 · 3.5355 / √2 = 31.77 ∋ 0.
    expect(summary.groups[0]?.withinNoise).toBeNull();
    expect(summary.groups[1]?.withinNoise).toBe(true);
  });

  it('reports the baselines per task', () => {
    expect(summary.baselines.map((t) => [t.name, t.metric.n])).toEqual([
      ['a', 3],
      ['b', 3],
    ]);
    expect(summary.baselines[0]?.metric.mean).toBeCloseTo(0.8, 12);
    expect(summary.baselines[1]?.metric.mean).toBeCloseTo(0.2, 12);
    expect(summary.baselines[0]?.metric.ci95).toBeCloseTo(0, 12);
    expect(summary.baselineSets?.map((s) => [s.group, s.seeds])).toEqual([['baseline', [1, 2, 3]]]);
  });

  it('without baselines, compares the mean test loss and gives no Δm%', () => {
    const plain = [run('A', 1), run('A', 2), run('A', 3), run('B', 1), run('B', 2), run('B', 3)];
    const r = (l: number) => result(0.9, 0.1, [l, l]);
    // B − A per seed: 1.0, 1.1, 0.9 → mean 1, sd 0.1, ci95 = 4.30265 · 0.1 / √3 = 0.248 ∌ 0.
    const s = summarizeStudy(plain, [r(1), r(2), r(3), r(2), r(3.1), r(3.9)]);
    expect(s.groups.map((g) => g.deltaM)).toEqual([null, null]);
    expect(s.groups[1]?.withinNoise).toBe(false);
    expect(s.baselines).toEqual([]);
    expect(s.baselineSets).toEqual([]);
  });

  it('cannot tell noise from one paired seed, and counts nothing for runs that never ran', () => {
    const plain = [run('A', 1), run('A', 2), run('B', 1), run('B', 2)];
    const s = summarizeStudy(plain, [result(0.9, 0.1), null]); // cancelled after the second run
    expect(s.groups[0]?.seeds).toEqual([1]);
    expect(s.groups[0]?.tasks[0]?.metric).toEqual({ mean: 0.9, ci95: 0, n: 1 });
    expect(s.groups[1]?.tasks).toEqual([]);
    expect(s.groups[1]?.withinNoise).toBeNull();
  });

  it('skips a seed whose baseline metric is zero (no relative change)', () => {
    const p = [
      run('A', 1, withBaselines),
      run('A', 2, withBaselines),
      run('baseline', 1),
      run('baseline', 2),
    ];
    const s = summarizeStudy(p, [result(0.9, 0.1), result(0.9, 0.1), result(0, 0.1), result(0.9, 0.1)]);
    expect(s.groups[0]?.deltaM).toEqual({ mean: 0, ci95: 0, n: 1 });
  });

  it('takes only finished runs from stored records', () => {
    const info = { tasks: [{ higherIsBetter: true }, { higherIsBetter: false }] } as never;
    const final = {
      step: 10,
      tasks: [{ name: 'a', trainLoss: 1, testLoss: 1, trainMetric: 1, testMetric: 1 }],
    };
    expect(studyResultOf({ status: 'finished', final, info })).toEqual({
      tasks: final.tasks,
      higherIsBetter: [true, false],
    });
    expect(studyResultOf({ status: 'diverged', final, info })).toBeNull();
    expect(studyResultOf({ status: 'stopped', final, info })).toBeNull();
    expect(studyResultOf({ status: 'finished', final: null, info })).toBeNull();
  });
});
