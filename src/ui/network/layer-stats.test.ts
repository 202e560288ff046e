import { describe, expect, it } from 'vitest';
import type { Report } from '../../engine/train/report';
import { cosineColor } from '../charts/palette';
import { cosineWords, layerLine, layerPaint, layerStat, layerStats } from './layer-stats';

const report = (layers: Report['gradients']['layers']): Report => ({
  step: 300,
  tasks: [],
  weights: [],
  gradients: { norms: [1, 2], cosine: [], conflictShare: 0, layers },
});

describe('layer statistics', () => {
  it('reads every pair of a three-task matrix and colours by the most conflicting one', () => {
    const stat = layerStat({
      layer: 'layer 1',
      cosine: [
        [1, 0.5, -0.25],
        [0.5, 1, 0.75],
        [-0.25, 0.75, 1],
      ],
    });
    expect(stat.pairs).toEqual([
      { i: 0, j: 1, cosine: 0.5 },
      { i: 0, j: 2, cosine: -0.25 },
      { i: 1, j: 2, cosine: 0.75 },
    ]);
    expect(stat.lowest).toBe(-0.25);
    expect(layerPaint(stat)?.fill).toBe(cosineColor(-0.25));
  });

  it('paints −1 the scale’s red with white text and +1 its blue, and nothing without a pair', () => {
    const two = (c: number) =>
      layerStat({
        layer: 'l',
        cosine: [
          [1, c],
          [c, 1],
        ],
      });
    expect(layerPaint(two(-1))).toEqual({ fill: 'rgb(178, 24, 43)', text: '#ffffff' });
    expect(layerPaint(two(1))?.fill).toBe('rgb(33, 102, 172)');
    // cosine 0 sits on the neutral grey stop, read with black text.
    expect(layerPaint(two(0))).toEqual({ fill: 'rgb(200, 203, 208)', text: '#000000' });
    expect(layerPaint(layerStat({ layer: 'l', cosine: [[1]] }))).toBeNull();
    expect(layerPaint(undefined)).toBeNull();
  });

  it('keeps per-layer norms when the report has them, and says what the numbers mean', () => {
    const withNorms = {
      layer: 'layer 2',
      cosine: [
        [1, -0.5],
        [-0.5, 1],
      ],
      norms: [0.25, 4],
    };
    const stats = layerStats(
      report([
        withNorms,
        {
          layer: 'layer 1',
          cosine: [
            [1, 0.05],
            [0.05, 1],
          ],
        },
      ]),
    );
    expect([...stats.keys()]).toEqual(['layer 2', 'layer 1']);
    expect(stats.get('layer 2')?.norms).toEqual([0.25, 4]);
    expect(stats.get('layer 1')?.norms).toBeUndefined();
    expect(layerLine(stats.get('layer 2')!, ['xor', 'gauss'])).toBe(
      'layer 2: cosine -0.5 (conflict: the tasks pull this layer in opposing directions); gradient norm xor 0.25, gauss 4',
    );
    expect(cosineWords(0.05)).toMatch(/^about unrelated/);
    expect(cosineWords(-0.05)).toMatch(/^slight conflict/);
    expect(cosineWords(0.6)).toMatch(/^agreement/);
    expect(layerStats(undefined).size).toBe(0);
  });
});
