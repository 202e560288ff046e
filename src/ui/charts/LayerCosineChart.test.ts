import { describe, expect, it } from 'vitest';
import { timeSeriesData, timeSeriesReady } from './define';
import { layerCosineChart } from './LayerCosineChart';
import { contextOf, report, REPORTS } from './testing';

describe('the cosine per shared layer chart', () => {
  const ctx = contextOf(REPORTS);

  it("draws one line per shared layer and task pair, from each layer's own cosine", () => {
    const { lines, rows } = timeSeriesData(layerCosineChart, ctx);
    expect(lines.map((l) => l.key)).toEqual([
      'shared0: circle–xor',
      'shared0: circle–plane',
      'shared0: xor–plane',
      'shared1: circle–xor',
      'shared1: circle–plane',
      'shared1: xor–plane',
    ]);
    // Report at step 10 has c01 = -0.4: shared0 holds -c01, shared1 c01 / 2.
    expect(rows[1]).toEqual({
      step: 10,
      'shared0: circle–xor': 0.4,
      'shared0: circle–plane': 0,
      'shared0: xor–plane': 0.1,
      'shared1: circle–xor': -0.2,
      'shared1: circle–plane': 0.2,
      'shared1: xor–plane': -0.2,
    });
    expect(new Set(lines.map((l) => l.color)).size).toBe(6);
  });

  it('names a line by its layer alone when there is one pair', () => {
    const two = contextOf(REPORTS, {}, undefined);
    two.names = ['circle', 'xor'];
    expect(layerCosineChart.lines(two).map((l) => l.name)).toEqual(['shared0', 'shared1']);
  });

  it('says which layer conflicts most now', () => {
    expect(layerCosineChart.footer?.(ctx)).toBe('Lowest now: shared0 (circle–xor) at -0.6.');
  });

  it('waits for a shared layer, and says why when there is none', () => {
    const none = contextOf([
      report(0, 0.1, { gradients: { norms: [], cosine: [], conflictShare: 0, layers: [] } }),
    ]);
    expect(timeSeriesReady(layerCosineChart, none, layerCosineChart.lines(none))).toBe(false);
    expect(typeof layerCosineChart.empty === 'function' && layerCosineChart.empty(none)).toMatch(
      /No shared layer/,
    );
    expect(timeSeriesReady(layerCosineChart, ctx, layerCosineChart.lines(ctx))).toBe(true);
  });
});
