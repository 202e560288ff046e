import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../engine/config/parse';
import type { RunRecord } from '../../engine/study/types';
import type { Report } from '../../engine/train/report';
import { lossChart } from './LossChart';
import { mergeRows, overlayKey, overlaySeries, prepareOverlay, RUN_DASHES } from './overlay';
import { taskColor } from './palette';
import { report } from './testing';
import { weightsChart } from './WeightsChart';

function record(id: string, name: string, reports: Report[]): RunRecord {
  return {
    id,
    name,
    config: parseConfig({}),
    info: null,
    history: reports,
    final: null,
    status: 'finished',
    backend: 'wasm',
    wallSeconds: 1,
    createdAt: 0,
  };
}

describe('mergeRows', () => {
  it('merges two step-ordered lists, joining rows of the same step', () => {
    const a = [
      { step: 0, x: 1 },
      { step: 10, x: 2 },
      { step: 30, x: 3 },
    ];
    const b = [
      { step: 5, y: 9 },
      { step: 10, y: 8 },
      { step: 40, y: 7 },
    ];
    expect(mergeRows(a, b)).toEqual([
      { step: 0, x: 1 },
      { step: 5, y: 9 },
      { step: 10, x: 2, y: 8 },
      { step: 30, x: 3 },
      { step: 40, y: 7 },
    ]);
    expect(mergeRows(a, [])).toBe(a);
    expect(mergeRows([], b)).toBe(b);
  });
});

describe('overlaySeries', () => {
  const runs = prepareOverlay([
    record('run-a', 'EW · seed 1', [report(0, 0.2), report(10, -0.4), report(20, 0.1)]),
    record('run-b', 'PCGrad · seed 1', [report(0, 0.2), report(15, 0.5)]),
  ]);

  it('prepares each run once: its history, task names and line style', () => {
    expect(runs.map((r) => [r.name, r.dash, r.history.reports, r.names])).toEqual([
      ['EW · seed 1', RUN_DASHES[0], 3, ['circle', 'xor', 'plane']],
      ['PCGrad · seed 1', RUN_DASHES[1], 2, ['circle', 'xor', 'plane']],
    ]);
  });

  it("draws each run's lines in the task colours and the run's style, test lines fainter, named by run", () => {
    const { lines, rows } = overlaySeries(lossChart, runs);
    // 3 tasks x (train, test) per run.
    expect(lines).toHaveLength(12);
    expect(lines[0]).toEqual({
      key: overlayKey('run-a', 'circle train'),
      name: 'circle train',
      title: 'circle train',
      color: taskColor(0),
      dash: RUN_DASHES[0],
      opacity: 0.85,
      run: 'EW · seed 1',
    });
    expect(lines[1]).toMatchObject({ key: 'run-a|circle test', dash: RUN_DASHES[0], opacity: 0.5 });
    expect(lines[6]).toMatchObject({
      key: 'run-b|circle train',
      dash: RUN_DASHES[1],
      run: 'PCGrad · seed 1',
    });
    // Both runs' rows in step order; step 0 holds both runs' values. Losses of report(step): train
    // 1/(step+1) + t, test 2/(step+1) + t.
    expect(rows.map((r) => r.step)).toEqual([0, 10, 15, 20]);
    expect(rows[0]).toMatchObject({ 'run-a|circle train': 1, 'run-b|xor test': 3 });
    expect(rows[1]!['run-a|plane train']).toBeCloseTo(1 / 11 + 2, 12);
    expect(rows[2]!['run-b|circle test']).toBeCloseTo(2 / 16, 12);
    expect(Object.keys(rows[2]!).some((k) => k.startsWith('run-a'))).toBe(false);
  });

  it('tells apart runs that share a name', () => {
    const same = prepareOverlay([
      record('run-x', 'EW · seed 1', [report(0, 0)]),
      record('run-y', 'EW · seed 1', [report(0, 0)]),
      record('run-z', 'EW · seed 1', [report(0, 0)]),
    ]);
    expect(same.map((r) => r.name)).toEqual(['EW · seed 1', 'EW · seed 1 (2)', 'EW · seed 1 (3)']);
  });

  it('leaves out lines a run has no number for, and has nothing without runs', () => {
    // Hand-made reports carry weights [1, 2, 3]; a run whose reports lack them draws no weight lines.
    const bare = report(0, 0, { weights: [] });
    const none = prepareOverlay([record('run-c', 'no weights', [bare])]);
    expect(overlaySeries(weightsChart, none).lines).toEqual([]);
    expect(overlaySeries(weightsChart, runs).lines.length).toBe(6);
    expect(overlaySeries(lossChart, [])).toEqual({ lines: [], rows: [] });
  });

  it('keeps a long run within the point budget with its spike', () => {
    const long = Array.from({ length: 5000 }, (_, i) => report(i * 10, 0));
    const spiky = long.map((r, i) =>
      i === 3210 ? { ...r, tasks: r.tasks.map((t) => ({ ...t, trainLoss: 99 })) } : r,
    );
    const [run] = prepareOverlay([record('run-d', 'long', spiky)]);
    const { rows } = overlaySeries(lossChart, [run!], 100);
    expect(rows.length).toBeLessThanOrEqual(100);
    expect(Math.max(...rows.map((r) => r['run-d|circle train'] ?? 0))).toBe(99);
  });
});
