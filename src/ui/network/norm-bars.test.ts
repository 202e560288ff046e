import { describe, expect, it } from 'vitest';
import type { LayerStat } from './layer-stats';
import { BARS_W, largestLayerNorm, normBars } from './norm-bars';

const stat = (norms?: number[]): LayerStat => ({
  layer: 'layer 1',
  pairs: [],
  lowest: 0,
  ...(norms ? { norms } : {}),
});

describe('norm bars', () => {
  it('scales every bar by the largest per-layer norm of the report', () => {
    expect(largestLayerNorm([stat([0.5, 2]), stat([4, 1]), stat()])).toBe(4);
    expect(largestLayerNorm([stat()])).toBeNaN();
    const bars = normBars(stat([1, 4]), 4, { x: 10, y: 20, w: 300, h: 30 });
    // Right end of the box: 10 + 300 − 44 − 4 padding.
    expect(bars.map((b) => [b.task, b.x, b.w])).toEqual([
      [0, 262, BARS_W / 4],
      [1, 262, BARS_W],
    ]);
    expect(bars[1]!.y - bars[0]!.y).toBe(bars[0]!.h + 1);
  });

  it('draws nothing without norms, without a scale, or in a narrow box', () => {
    const box = { x: 0, y: 0, w: 300, h: 30 };
    expect(normBars(stat(), 4, box)).toEqual([]);
    expect(normBars(stat([1, 2]), NaN, box)).toEqual([]);
    expect(normBars(stat([1, 2]), 4, { ...box, w: 100 })).toEqual([]);
  });
});
