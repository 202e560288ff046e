import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { defaultConfig } from '../config/parse';
import { dominates, lossPointsOf, paretoFront, scalarizationFront, staticWeightShare } from './pareto';
import type { RunRecord } from './types';

describe('paretoFront', () => {
  it('keeps the non-dominated points of a hand-made set, sorted for drawing', () => {
    const points = [
      { x: 3, y: 1, id: 'c' },
      { x: 1, y: 3, id: 'a' },
      { x: 2, y: 2, id: 'b' },
      { x: 2.5, y: 2.5, id: 'dominated by b' },
      { x: 1, y: 4, id: 'dominated by a' },
      { x: Number.NaN, y: 0, id: 'not finite' },
    ];
    expect(paretoFront(points).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(paretoFront([])).toEqual([]);
  });

  it('keeps equal front points, which do not dominate each other', () => {
    expect(
      paretoFront([
        { x: 1, y: 1 },
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ]),
    ).toEqual([
      { x: 1, y: 1 },
      { x: 1, y: 1 },
    ]);
  });

  it('on random sets: no front point is dominated, every other point is dominated by a front point', () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(rng.next() * 40);
      // Coarse values so ties and duplicates occur.
      const points = Array.from({ length: n }, () => ({
        x: Math.round(rng.next() * 8),
        y: Math.round(rng.next() * 8),
      }));
      const front = paretoFront(points);
      expect(front.length).toBeGreaterThan(0);
      for (const p of front) expect(points.some((q) => dominates(q, p))).toBe(false);
      for (const p of points.filter((q) => !front.includes(q)))
        expect(front.some((f) => dominates(f, p))).toBe(true);
      for (let i = 1; i < front.length; i++) {
        expect((front[i] as { x: number }).x).toBeGreaterThanOrEqual((front[i - 1] as { x: number }).x);
        expect((front[i] as { y: number }).y).toBeLessThanOrEqual((front[i - 1] as { y: number }).y);
      }
    }
  });
});

describe('the scalarization front', () => {
  it("reads the first task's share of static weights", () => {
    expect(staticWeightShare({ method: { id: 'static', params: { weights: [3, 1] } } })).toBe(0.75);
    expect(staticWeightShare({ method: { id: 'static', params: { weights: [] } } })).toBe(0.5);
    expect(staticWeightShare({ method: { id: 'static', params: { weights: [1, 1, 1] } } })).toBeNull();
    expect(staticWeightShare({ method: { id: 'ew', params: {} } })).toBeNull();
  });

  it('averages the seeds of each share and orders the shares', () => {
    const points = [
      { x: 1, y: 5, share: 0.9 },
      { x: 3, y: 5, share: 0.9 },
      { x: 4, y: 1, share: 0.1 },
      { x: 3, y: 3, share: 0.5 },
      { x: 0, y: 0, share: null },
    ];
    expect(scalarizationFront(points)).toEqual([
      { share: 0.1, x: 4, y: 1 },
      { share: 0.5, x: 3, y: 3 },
      { share: 0.9, x: 2, y: 5 },
    ]);
    expect(scalarizationFront([{ x: 1, y: 1, share: 0.5 }])).toEqual([]);
  });
});

describe('loss points of runs', () => {
  const task = (name: string, testLoss: number) => ({
    name,
    trainLoss: 0,
    testLoss,
    trainMetric: 0,
    testMetric: 0,
  });
  const record = (
    id: string,
    status: RunRecord['status'],
    losses: number[],
    weights?: number[],
  ): RunRecord => {
    const config = defaultConfig();
    return {
      id,
      name: id,
      config: weights ? { ...config, method: { id: 'static', params: { weights } } } : config,
      info: null,
      history: [],
      final: { step: 10, tasks: losses.map((l, k) => task(`t${k}`, l)) },
      status,
      backend: 'cpu',
      wallSeconds: 1,
      createdAt: 0,
      study: { id: 's', group: `g-${id}`, seed: 1 },
    };
  };

  it('takes finished two-task runs, their final test losses and static-weight share', () => {
    const points = lossPointsOf([
      record('a', 'finished', [0.5, 0.25], [1, 3]),
      record('b', 'diverged', [0.1, 0.1]),
      record('c', 'finished', [1, 2, 3]),
      record('d', 'finished', [0.3, 0.6]),
    ]);
    expect(points).toEqual([
      { x: 0.5, y: 0.25, runId: 'a', group: 'g-a', seed: 1, share: 0.25 },
      { x: 0.3, y: 0.6, runId: 'd', group: 'g-d', seed: 1, share: null },
    ]);
  });
});
