/** The time charts' axes (axis.ts): round linear ranges, whole decades, fixed and padded domains, x ticks. */
import { describe, expect, it } from 'vitest';
import { decadeAxis, roundAxis, xAxisFor, yAxisFor } from './axis';
import type { Row } from './downsample';

const rows: Row[] = [
  { step: 0, a: 1, b: -0.5 },
  { step: 10, a: 0.5 },
  { step: 20, a: 0.25, b: 0.5 },
  { step: 30, a: 0.125, b: 0.25 },
];

describe('axes', () => {
  it('widens a range to round ends with round ticks', () => {
    expect(roundAxis(0.13, 0.87)).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(roundAxis(-0.5, 1)).toEqual({ domain: [-0.5, 1], ticks: [-0.5, 0, 0.5, 1] });
  });

  it('covers positive data with whole decades, every other one when wide', () => {
    expect(decadeAxis(0.02, 3)).toEqual({ domain: [0.01, 10], ticks: [0.01, 0.1, 1, 10] });
    const wide = decadeAxis(1e-9, 1e3);
    expect(wide.domain).toEqual([1e-9, 1e3]);
    expect(wide.ticks).toEqual([1e-9, 1e-7, 1e-5, 1e-3, 0.1, 10, 1000]);
  });

  it('keeps a fixed domain and its ticks; pads one step; rounds varying data', () => {
    expect(yAxisFor(rows, ['a'], { domain: [-1, 1], ticks: [-1, 0, 1] })).toEqual({
      domain: [-1, 1],
      ticks: [-1, 0, 1],
    });
    // One report: domain.ts's padded range (a quarter of the value either side, round ends).
    expect(yAxisFor(rows.slice(0, 1), ['a']).domain).toEqual([0.6, 1.4]);
    expect(yAxisFor(rows, ['a', 'b'])).toEqual({ domain: [-0.5, 1], ticks: [-0.5, 0, 0.5, 1] });
    expect(yAxisFor(rows, ['a'], { log: true })).toEqual({ domain: [0.1, 1], ticks: [0.1, 1] });
    expect(yAxisFor([], ['a'])).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('runs x from the first to the last step, ticks at round steps inside', () => {
    expect(xAxisFor(rows)).toEqual({ domain: [0, 30], ticks: [0, 10, 20, 30] });
    expect(xAxisFor([{ step: 3 }, { step: 1003 }]).ticks).toEqual([200, 400, 600, 800, 1000]);
    expect(xAxisFor([{ step: 5 }])).toEqual({ domain: [4, 6], ticks: [5] });
  });
});
