import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/train/report';
import { ReportHistory, SERIES } from './history';

/** A deterministic number in [0, 1) for report i and channel c (stateless: reports regenerate). */
function noise(i: number, c: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(c + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return (h >>> 0) / 2 ** 32;
}

/** Report i of a long two-task run: noisy values, a rare spike (a loss of 1000), a NaN now and then. */
function report(i: number, points = 0): Report {
  const spike = i % 997 === 500 ? 1000 : 0;
  const c = 2 * noise(i, 9) - 1;
  return {
    step: 10 * i,
    tasks: [0, 1].map((t) => ({
      name: `task ${t + 1}`,
      trainLoss: noise(i, t) + spike,
      testLoss: i % 1013 === 7 ? NaN : noise(i, t + 2),
      trainMetric: noise(i, t + 4),
      testMetric: noise(i, t + 6),
    })),
    weights: [1, noise(i, 8)],
    gradients: {
      norms: [noise(i, 10), noise(i, 11)],
      cosine: [
        [1, c],
        [c, 1],
      ],
      conflictShare: c < 0 ? 1 : 0,
      layers: [
        {
          layer: 'layer 1',
          cosine: [
            [1, -c],
            [-c, 1],
          ],
        },
      ],
    },
    sampling: { recent: [noise(i, 12), 1 - noise(i, 12)], total: [0.5, 0.5] },
    ...(points ? { points: [{ theta: [i, 1 - i], losses: [0, 0], weights: [1, 1], cosine: [] }] } : {}),
  };
}

const KEYS = [
  SERIES.trainLoss(0),
  SERIES.testLoss(0),
  SERIES.weight(1),
  SERIES.cosine(0, 1),
  SERIES.layerCosine('layer 1', 0, 1),
  SERIES.share(0),
];
const read = (r: Report): number[] => [
  r.tasks[0]!.trainLoss,
  r.tasks[0]!.testLoss,
  r.weights[1]!,
  r.gradients.cosine[0]![1]!,
  r.gradients.layers[0]!.cosine[0]![1]!,
  r.sampling!.recent[0]!,
];

function extremes(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  return finite.length ? [Math.min(...finite), Math.max(...finite)] : [NaN, NaN];
}

describe('ReportHistory', () => {
  const N = 100_000;
  const BUDGET = 256;
  const oneByOne = new ReportHistory(BUDGET);
  for (let i = 0; i < N; i++) oneByOne.append([report(i)]);

  it('keeps every series within the budget however long the run', () => {
    const { steps, values } = oneByOne.select(KEYS);
    expect(steps.length).toBeLessThanOrEqual(BUDGET);
    expect(steps.length).toBeGreaterThan(BUDGET / 2);
    for (const v of values) expect(v.length).toBe(steps.length);
    expect(oneByOne.view().reports).toBe(N);
  });

  it("keeps each bucket's minimum and maximum, so spikes survive", () => {
    const { steps, values } = oneByOne.select(KEYS);
    const { completed, bucket } = oneByOne.rows;
    expect(bucket).toBeGreaterThan(1);
    // Completed bucket b holds reports [b·size, (b+1)·size) as two rows at its first and last step; the
    // open bucket after them holds the rest but the newest report.
    const ranges: [number, number][] = [];
    for (let b = 0; b < completed / 2; b++) ranges.push([b * bucket, (b + 1) * bucket]);
    if (steps.length - completed === 3) ranges.push([(completed / 2) * bucket, N - 1]);
    for (const [r, [from, to]] of ranges.entries()) {
      const raw = Array.from({ length: to - from }, (_, k) => read(report(from + k)));
      expect([steps[2 * r], steps[2 * r + 1]]).toEqual([10 * from, 10 * (to - 1)]);
      KEYS.forEach((_, k) => {
        const kept = [values[k]![2 * r]!, values[k]![2 * r + 1]!];
        expect(extremes(kept)).toEqual(extremes(raw.map((v) => v[k]!)));
      });
    }
    // Every spike of 1000 is still drawn.
    const spikes = Array.from({ length: Math.floor(N / 997) + 1 }, (_, k) => k * 997 + 500).filter(
      (i) => i < N,
    );
    const drawn = values[0]!.filter((v) => v >= 1000).length;
    expect(drawn).toBe(new Set(spikes.map((i) => Math.floor(i / bucket))).size);
  });

  it('ends on the newest report exactly', () => {
    const { steps, values } = oneByOne.select(KEYS);
    const last = read(report(N - 1));
    expect(steps.at(-1)).toBe(10 * (N - 1));
    KEYS.forEach((_, k) => expect(values[k]!.at(-1)).toBe(last[k]));
    expect(oneByOne.view().latest?.step).toBe(10 * (N - 1));
  });

  it('gives the same columns whether reports arrive one by one or in batches', () => {
    const batched = new ReportHistory(BUDGET);
    for (let i = 0, b = 0; i < N; b++) {
      const size = 1 + Math.floor(noise(b, 99) * 300);
      batched.append(Array.from({ length: Math.min(size, N - i) }, (_, k) => report(i + k)));
      i += size;
    }
    expect(batched.select(KEYS)).toEqual(oneByOne.select(KEYS));
    expect(batched.view().conflicts).toBe(oneByOne.view().conflicts);
  });

  it('counts conflicting reports exactly', () => {
    let conflicts = 0;
    for (let i = 0; i < N; i++) if (report(i).gradients.cosine[0]![1]! < 0) conflicts++;
    expect(oneByOne.view().conflicts).toBe(conflicts);
  });

  it('holds a short run as it came, NaN gaps included', () => {
    const h = new ReportHistory(BUDGET);
    const reports = Array.from({ length: 50 }, (_, i) => report(i + 1000));
    h.append(reports);
    const { steps, values } = h.select(KEYS);
    expect(Array.from(steps)).toEqual(reports.map((r) => r.step));
    KEYS.forEach((_, k) => expect(Array.from(values[k]!)).toEqual(reports.map((r) => read(r)[k])));
    expect(values[1]!.some(Number.isNaN)).toBe(true);
  });

  it('keeps trajectories as points of the path, first and last exact', () => {
    const h = new ReportHistory(64);
    for (let i = 0; i < 5_000; i++) h.append([report(i, 1)]);
    const path = h.view().path(0);
    expect(path.length).toBeLessThanOrEqual(64);
    expect(path[0]).toEqual([0, 1]);
    expect(path.at(-1)).toEqual([4999, -4998]);
    for (const [a, b] of path) expect(b).toBe(1 - a!);
    expect(h.view().path(1)).toEqual([]);
  });

  it('answers unknown series with NaN and an empty history with nothing', () => {
    expect(new ReportHistory().select(['nope']).values[0]!.length).toBe(0);
    const h = new ReportHistory();
    h.append([report(0)]);
    expect(Array.from(h.select(['nope']).values[0]!)).toEqual([NaN]);
  });
});
