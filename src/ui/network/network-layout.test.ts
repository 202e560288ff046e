import { describe, expect, it } from 'vitest';
import type { DiagramRow } from '../../engine/architectures/diagram';
import { bands, BOX_H, GAP, layoutNetwork, MIN_WIDTH, ROW_GAP } from './network-layout';

const rows: DiagramRow[] = [
  [{ label: 'inputs', kind: 'io', title: '' }],
  [
    { label: 'a', kind: 'expert', title: '', span: 2 },
    { label: 'b', kind: 'task', title: '', task: 0 },
  ],
];

describe('layoutNetwork', () => {
  it('splits a row by span with equal gaps and stacks rows downwards', () => {
    const { width, height, boxes } = layoutNetwork(rows, 306);
    expect(width).toBe(306);
    expect(height).toBe(GAP * 2 + 2 * BOX_H + ROW_GAP);
    expect(boxes[0]).toMatchObject({ x: GAP, y: GAP, w: 306 - 2 * GAP });
    // (306 − 3 gaps) / 3 spans = 96 per span.
    expect(boxes[1]).toMatchObject({ row: 1, x: GAP, w: 192, y: GAP + BOX_H + ROW_GAP });
    expect(boxes[2]).toMatchObject({ x: GAP + 192 + GAP, w: 96 });
    // Nothing crosses the right edge.
    for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(width - GAP + 1e-9);
  });

  it('never draws narrower than a phone allows, and is empty without rows', () => {
    expect(layoutNetwork(rows, 100).width).toBe(MIN_WIDTH);
    expect(layoutNetwork([], 500)).toMatchObject({ height: 0, boxes: [] });
  });

  it('cuts a box into equal bands, one per layer it holds', () => {
    const box = layoutNetwork(rows, 306).boxes[1]!;
    expect(bands(box, 2)).toEqual([
      { y: box.y, h: BOX_H / 2 },
      { y: box.y + BOX_H / 2, h: BOX_H / 2 },
    ]);
    expect(bands(box, 0)).toEqual([{ y: box.y, h: BOX_H }]);
  });
});
