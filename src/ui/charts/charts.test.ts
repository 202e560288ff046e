import { describe, expect, it } from 'vitest';
import { viewsOf } from '../../engine/config/views';
import type { ViewSpec } from '../../engine/views';
import { cosineChart } from './CosineChart';
import { chartsFor, defineTimeSeries, timeSeriesData, timeSeriesReady } from './define';
import { lossChart } from './LossChart';
import { metricChart } from './MetricChart';
import { normsChart } from './NormsChart';
import { sharesChart } from './SharesChart';
import { contextOf, REPORTS, report } from './testing';
import { weightsChart } from './WeightsChart';

describe('time charts read the history', () => {
  const ctx = contextOf(REPORTS);

  it('draws per-task train and test losses', () => {
    const { lines, rows } = timeSeriesData(lossChart, ctx);
    expect(lines.map((l) => l.key)).toEqual([
      'circle train',
      'circle test',
      'xor train',
      'xor test',
      'plane train',
      'plane test',
    ]);
    expect(lines.filter((l) => l.dashed).length).toBe(3);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({ step: 10, 'circle train': 1 / 11, 'plane test': 2 / 11 + 2 });
  });

  it('draws the test metric per task, cosines per pair, norms with gaps, weights', () => {
    expect(timeSeriesData(metricChart, ctx).rows[0]).toEqual({
      step: 0,
      circle: 0.4,
      xor: 0.4 + 1 / 10,
      plane: 0.4 + 2 / 10,
    });
    expect(timeSeriesData(cosineChart, ctx).rows[1]).toEqual({
      step: 10,
      'circle–xor': -0.4,
      'circle–plane': 0.3,
      'xor–plane': 0.5,
    });
    // The plane's norm is NaN: a gap, left out of the row.
    expect(timeSeriesData(normsChart, ctx).rows[0]).toEqual({ step: 0, circle: 0.1, xor: 0.2 });
    expect(timeSeriesData(weightsChart, ctx).rows[3]).toEqual({ step: 30, circle: 1, xor: 2, plane: 3 });
  });

  it('counts conflicts over every report for the cosine footer', () => {
    expect(cosineChart.footer?.(ctx)).toBe(
      'In conflict (some pair below 0) at 50% of reports so far (2 of 4).',
    );
  });

  it('shows sample shares only once reports carry them', () => {
    expect(timeSeriesReady(sharesChart, ctx, timeSeriesData(sharesChart, ctx).lines)).toBe(false);
    const sampled = contextOf([
      report(0, 0, { sampling: { recent: [0.2, 0.3, 0.5], total: [0.2, 0.3, 0.5] } }),
    ]);
    const { lines, rows } = timeSeriesData(sharesChart, sampled);
    expect(timeSeriesReady(sharesChart, sampled, lines)).toBe(true);
    expect(rows).toEqual([{ step: 0, circle: 0.2, xor: 0.3, plane: 0.5 }]);
  });

  it('keeps a long run within the point budget, spikes included', () => {
    const long = Array.from({ length: 5000 }, (_, i) => report(i, i === 3001 ? -0.99 : 0.5));
    const { rows } = timeSeriesData(cosineChart, contextOf(long, {}, 512), 200);
    expect(rows.length).toBeLessThanOrEqual(200);
    expect(Math.min(...rows.map((r) => r['circle–xor'] ?? 1))).toBe(-0.99);
    expect(rows.at(-1)?.step).toBe(4999);
  });
});

describe('charts are picked from the declared views', () => {
  const always = defineTimeSeries({
    id: 'always',
    title: '',
    info: '',
    empty: '',
    yLabel: '',
    lines: () => [],
  });
  const perView = (id: string, view: ViewSpec['kind']) => ({ kind: 'component', id, view });
  const CHARTS = [
    always,
    perView('boundary', 'decision-boundary'),
    perView('landscape', 'landscape'),
    { ...sharesChart, id: 'shares' },
    perView('affinity', 'affinity'),
  ];
  const picked = (raw: object) =>
    chartsFor(CHARTS, viewsOf(contextOf([], raw).config)).map((c) => c.chart.id);

  it('draws the standard charts always and each view chart for its view', () => {
    expect(picked({})).toEqual(['always', 'boundary']);
    expect(picked({ task: { id: 'toy' } })).toEqual(['always', 'landscape']);
    expect(picked({ task: { id: 'sinusoids' }, sampling: { id: 'bandit' } })).toEqual(['always', 'shares']);
    expect(picked({ task: { id: 'sinusoids' }, isolation: { affinityEvery: 5 } })).toEqual([
      'always',
      'affinity',
    ]);
  });

  it('passes each chart its view (the boundary gets its bounds and grid)', () => {
    const [, boundary] = chartsFor(CHARTS, viewsOf(contextOf([]).config));
    const view = boundary?.view;
    expect(view?.kind).toBe('decision-boundary');
    expect(view?.kind === 'decision-boundary' && view.gridSize > 1 && view.bounds.length === 2).toBe(true);
  });

  it('draws a time series once however many views of its kind', () => {
    const shares: ViewSpec = { kind: 'task-shares' };
    expect(chartsFor([sharesChart], [shares, shares])).toHaveLength(1);
    const boundary: ViewSpec = {
      kind: 'decision-boundary',
      bounds: [
        [0, 1],
        [0, 1],
      ],
      gridSize: 4,
    };
    expect(chartsFor([perView('b', 'decision-boundary')], [boundary, boundary]).map((c) => c.key)).toEqual([
      'b-0',
      'b-1',
    ]);
  });
});
