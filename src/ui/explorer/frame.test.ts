/** The plane's frame: math ↔ SVG coordinates, arrowheads and the numbers as printed. */
import { describe, expect, it } from 'vitest';
import { arrowHead, formatNumber, makeFrame, pathOf, PLANE_SIZE } from './frame';

describe('explorer frame', () => {
  it('puts the origin in the middle, y up, ±extent at the edges, and inverts exactly', () => {
    const frame = makeFrame(4);
    expect(frame.toSvg([0, 0])).toEqual([PLANE_SIZE / 2, PLANE_SIZE / 2]);
    expect(frame.toSvg([4, 4])).toEqual([PLANE_SIZE, 0]);
    expect(frame.toSvg([-4, -4])).toEqual([0, PLANE_SIZE]);
    expect(frame.fromSvg(frame.toSvg([1.25, -3]))).toEqual([1.25, -3]);
    expect(
      pathOf(
        frame,
        [
          [0, 0],
          [4, 0],
        ],
        true,
      ),
    ).toBe('M240.0 240.0 L480.0 240.0 Z');
  });

  it('draws an arrowhead at the tip, none for a zero-length arrow', () => {
    const head = arrowHead([0, 0], [100, 0], 10);
    expect(head.split(' ')[0]).toBe('100.0,0.0');
    expect(head).toContain('90.0,4.5');
    expect(arrowHead([5, 5], [5, 5])).toBe('');
  });

  it('prints at most 3 decimals with a real minus sign and no negative zero', () => {
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(-0.5)).toBe('−0.5');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatNumber(2)).toBe('2');
  });
});
