/**
 * The canvas time chart's scene (time-scene.ts) against hand-computed pixels: a 400 x 210 chart whose text
 * is 0.5 px per px of font size per character, so that every position below can be worked out by hand:
 * y axis 58 px wide (plot left 62), right margin 22 (plot right 378), plot top 8, bottom 210 - 42 = 168.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesSpec } from './define';
import type { Row } from './downsample';
import type { LinePrim, PathPrim, RectPrim, TextPrim } from './scene';
import { timeScene, yAxisWidth, type TimeSceneInput } from './time-scene';

const measure = (text: string, size: number) => (text.length * size) / 2;
const rows: Row[] = [{ step: 0, a: 1 }, { step: 10, a: 0.5 }, { step: 20 }, { step: 30, a: 0 }];
const a: SeriesSpec = { key: 'a', color: '#2f7ed8' };

const input = (over: Partial<TimeSceneInput> = {}): TimeSceneInput => ({
  width: 400,
  height: 210,
  rows,
  lines: [a],
  xDomain: [0, 30],
  xTicks: [0, 10, 20, 30],
  yDomain: [0, 1],
  yTicks: [0, 0.5, 1],
  log: false,
  yFormat: 'number',
  yLabel: 'loss',
  marks: [],
  measure,
  ...over,
});

const paths = (s: ReturnType<typeof timeScene>) => s.prims.filter((p): p is PathPrim => p.kind === 'path');
const texts = (s: ReturnType<typeof timeScene>) => s.prims.filter((p): p is TextPrim => p.kind === 'text');
const lines = (s: ReturnType<typeof timeScene>) => s.prims.filter((p): p is LinePrim => p.kind === 'line');
const rects = (s: ReturnType<typeof timeScene>) => s.prims.filter((p): p is RectPrim => p.kind === 'rect');

describe('time chart scene', () => {
  it('lays out the plot and maps rows to pixels, a missing value breaking the line', () => {
    const s = timeScene(input());
    expect(s.plot).toEqual({ left: 62, top: 8, right: 378, bottom: 168 });
    expect(paths(s)).toHaveLength(1);
    // x: 62 + step / 30 * 316; y: 168 - value * 160. Step 20 has no value: a gap before step 30.
    expect(paths(s)[0]?.runs).toEqual([
      [62, 8, 167.3, 88],
      [378, 168],
    ]);
    expect(paths(s)[0]?.stroke).toBe('#2f7ed8');
    expect(paths(s)[0]?.width).toBe(1.8);
  });

  it('bridges missing values when runs are overlaid, in the run line style', () => {
    const overlaid: SeriesSpec = { key: 'a', color: '#d55e00', run: 'run A', dash: '2 3', opacity: 0.6 };
    const [p] = paths(timeScene(input({ lines: [overlaid] })));
    expect(p?.runs).toEqual([[62, 8, 167.3, 88, 378, 168]]);
    expect(p?.dash).toEqual([2, 3]);
    expect(p?.width).toBe(1.6);
    expect(p?.opacity).toBe(0.6);
    expect(paths(timeScene(input({ lines: [{ ...a, dashed: true }] })))[0]?.dash).toEqual([5, 4]);
  });

  it('draws decades evenly on a log axis and leaves out values it cannot show', () => {
    const logRows: Row[] = [
      { step: 0, a: 1 },
      { step: 10, a: 0.1 },
      { step: 30, a: 0 },
    ];
    const s = timeScene(input({ rows: logRows, log: true, yDomain: [0.01, 1], yTicks: [0.01, 0.1, 1] }));
    expect(paths(s)[0]?.runs).toEqual([[62, 8, 167.3, 88]]);
  });

  it('labels ticks under and beside the axes, and the titles', () => {
    const s = timeScene(input());
    const t = texts(s);
    expect(t.filter((x) => x.anchor === 'middle' && x.y === 188).map((x) => [x.text, x.x])).toEqual([
      ['0', 62],
      ['10', 167.3],
      ['20', 272.7],
      ['30', 378],
    ]);
    expect(t.filter((x) => x.anchor === 'end').map((x) => [x.text, x.x, x.y])).toEqual([
      ['0', 53, 172],
      ['0.5', 53, 92],
      ['1', 53, 12],
    ]);
    // The y title turned along the axis, its baseline 8 px left of the widest tick label (62 - 9 - 18 - 8).
    expect(t.find((x) => x.vertical)).toMatchObject({ text: 'loss', x: 27, y: 88 });
    expect(t.find((x) => x.text === 'step')).toMatchObject({ x: 220, y: 204 });
    // Dashed grid lines at the ticks: 3 across, 4 down.
    expect(lines(s).filter((l) => l.stroke === 'var(--grid)')).toHaveLength(7);
  });

  it('widens the y axis for wide tick labels', () => {
    expect(yAxisWidth(['0', '0.5'], measure)).toBe(58);
    // "1.0e-6" is 36 px: 36 + tick 6 + 3 + gap 8 + title 12 = 65.
    expect(yAxisWidth(['1.0e-6', '1'], measure)).toBe(65);
    const s = timeScene(input({ log: true, yDomain: [1e-6, 1], yTicks: [1e-6, 1e-4, 0.01, 1] }));
    expect(s.plot.left).toBe(69);
    expect(
      texts(s)
        .filter((x) => x.anchor === 'end')
        .map((x) => x.text),
    ).toEqual(['1.0e-6', '1.0e-4', '0.01', '1']);
  });

  it('shades the conflict area under a labelled zero line', () => {
    const s = timeScene(input({ yDomain: [-1, 1], yTicks: [-1, 0, 1], zeroLine: 'conflict below 0' }));
    // y(0) = 168 - 0.5 * 160 = 88.
    const [area, backdrop] = rects(s);
    expect(area).toEqual({
      kind: 'rect',
      x: 62,
      y: 88,
      w: 316,
      h: 80,
      fill: 'var(--conflict)',
      opacity: 'var(--conflict-opacity)',
    });
    const zero = lines(s).find((l) => l.stroke === 'var(--fg)');
    expect(zero).toMatchObject({ x1: 62, y1: 88, x2: 378, y2: 88, dash: [6, 3] });
    // The label right-aligned under the line on a backdrop: 16 characters at 5.5 px + 8.
    expect(backdrop).toMatchObject({ x: 378 - 96 - 2, y: 91, w: 96, h: 16, fill: 'var(--card)' });
    expect(texts(s).find((x) => x.text === 'conflict below 0')).toMatchObject({
      x: 372,
      y: 103,
      anchor: 'end',
    });
    // Neither on a log axis, nor when 0 is off the axis.
    expect(rects(timeScene(input({ zeroLine: 'z', yDomain: [0.5, 1] })))).toEqual([]);
    expect(lines(timeScene(input({ zeroLine: 'z' }))).filter((l) => l.stroke === 'var(--fg)')).toHaveLength(
      1,
    );
  });

  it('draws a labelled chance level only when it is on the axis', () => {
    const s = timeScene(input({ referenceLine: { y: 0.5, label: 'chance' } }));
    expect(lines(s).find((l) => l.stroke === 'var(--muted)')).toMatchObject({ y1: 88, y2: 88, dash: [2, 4] });
    expect(texts(s).find((x) => x.text === 'chance')).toMatchObject({ x: 373, y: 83, anchor: 'end' });
    const off = timeScene(input({ referenceLine: { y: 2, label: 'chance' } }));
    expect(texts(off).some((x) => x.text === 'chance')).toBe(false);
  });

  it('marks live changes inside the x range with a dashed line and a label', () => {
    const marks = [
      { step: 15, short: 'lr 0.003', full: 'learning rate 0.01 → 0.003' },
      { step: 40, short: 'PCGrad', full: 'method: PCGrad' },
    ];
    const s = timeScene(input({ marks }));
    const line = lines(s).find((l) => l.opacity === 0.55);
    expect(line).toMatchObject({ x1: 220, y1: 8, x2: 220, y2: 168, dash: [3, 3] });
    // 8 characters at 5.5 px = 44, + 8.
    expect(s.labels).toEqual([
      { x: 222, y: 9, w: 52, h: 15, short: 'lr 0.003', full: 'learning rate 0.01 → 0.003' },
    ]);
  });

  it('keeps every drawn point inside the plot when the data fits the axes', () => {
    const many: Row[] = Array.from({ length: 97 }, (_, k) => ({
      step: k * 7,
      a: Math.sin(k) * 0.5 + 0.5,
      b: k / 96,
    }));
    const s = timeScene(
      input({
        rows: many,
        lines: [a, { key: 'b', color: '#009e73' }],
        xDomain: [0, 672],
        xTicks: [0, 200, 400, 600],
      }),
    );
    for (const p of paths(s))
      for (const run of p.runs)
        for (let i = 0; i < run.length; i += 2) {
          expect(run[i]).toBeGreaterThanOrEqual(s.plot.left);
          expect(run[i]).toBeLessThanOrEqual(s.plot.right);
          expect(run[i + 1]).toBeGreaterThanOrEqual(s.plot.top);
          expect(run[i + 1]).toBeLessThanOrEqual(s.plot.bottom);
        }
    expect(paths(s).map((p) => p.runs[0]?.length)).toEqual([194, 194]);
    // The same input, the same scene.
    expect(timeScene(input({ rows: many }))).toEqual(timeScene(input({ rows: many })));
  });
});
