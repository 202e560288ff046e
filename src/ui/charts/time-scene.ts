/**
 * The scene of an "over training steps" chart (scene.ts): the axes (time-axes.ts), one line per series
 * (dashed for test series, an overlaid run in its own style), the labelled zero line over a shaded conflict
 * area, a labelled chance level, and a dashed vertical line per mark of a live change. Axis ranges and
 * ticks come in (axis.ts computes them); text widths come from `measure` (the canvas's in the page, an
 * estimate in tests). Pure: the same input gives the same scene.
 */
import type { SeriesSpec } from './define';
import type { Row } from './downsample';
import type { Mark } from './marks';
import { toPx, type PlotScale } from './plot-scale';
import type { Prim, Scene, SceneLabel } from './scene';
import { formatNumber, formatPercent } from './series';
import {
  axesPrims,
  gridPrims,
  MARGIN,
  round,
  segment,
  X_AXIS_HEIGHT,
  yAxisWidth,
  type AxesInput,
  type Measure,
} from './time-axes';

export { MARGIN, Y_AXIS_MIN, yAxisWidth } from './time-axes';

export interface TimeSceneInput {
  width: number;
  height: number;
  rows: readonly Row[];
  lines: readonly SeriesSpec[];
  xDomain: readonly [number, number];
  xTicks: readonly number[];
  yDomain: readonly [number, number];
  yTicks: readonly number[];
  log: boolean;
  yFormat: 'percent' | 'number';
  yLabel: string;
  /** A labelled line at y = 0 over the shaded area below it (conflict, for cosines). */
  zeroLine?: string | undefined;
  referenceLine?: { y: number; label: string } | undefined;
  marks: readonly Mark[];
  /** Width in CSS pixels of `text` at `size` px in the chart's font. */
  measure: Measure;
}

const SMALL = 11;

const dashOf = (s: SeriesSpec): number[] | undefined => {
  const text = s.dash ?? (s.dashed ? '5 4' : undefined);
  return text ? text.split(/[\s,]+/).map(Number) : undefined;
};

/**
 * A series' runs of points. Alone, a missing value is a gap; with overlaid runs (`bridge`), rows of other
 * runs interleave, so a line passes over the rows that lack it. A log axis cannot show values ≤ 0: gaps.
 */
function seriesRuns(rows: readonly Row[], key: string, x: PlotScale, y: PlotScale, bridge: boolean) {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const row of rows) {
    const v = row[key];
    const ok = v !== undefined && Number.isFinite(v) && (!y.log || v > 0);
    if (ok) run.push(round(toPx(x, row.step)), round(toPx(y, v)));
    else if (!bridge && run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

export function timeScene(o: TimeSceneInput): Scene {
  const format = o.yFormat === 'percent' ? formatPercent : formatNumber;
  const inX = (v: number) => v >= o.xDomain[0] && v <= o.xDomain[1];
  const inY = (v: number) => v >= o.yDomain[0] && v <= o.yDomain[1];
  const yTicks = o.yTicks.filter(inY).map((value) => ({ value, label: format(value) }));
  const left =
    MARGIN.left +
    yAxisWidth(
      yTicks.map((t) => t.label),
      o.measure,
    );
  const plot = { left, top: MARGIN.top, right: o.width - MARGIN.right, bottom: o.height - X_AXIS_HEIGHT };
  const x: PlotScale = { domain: o.xDomain, range: [plot.left, plot.right], log: false };
  const y: PlotScale = { domain: o.yDomain, range: [plot.bottom, plot.top], log: o.log };
  const axes: AxesInput = {
    plot,
    x,
    y,
    xTicks: o.xTicks.filter(inX),
    yTicks,
    yLabel: o.yLabel,
    height: o.height,
    measure: o.measure,
  };
  const across = (at: number, stroke: string, dash: number[]) =>
    segment(plot.left, at, plot.right, at, stroke, 1.2, { dash });

  // The grid, then the conflict area (below zero on a cosine chart), then the axes.
  const prims: Prim[] = gridPrims(axes);
  const zeroShown = Boolean(o.zeroLine) && !o.log && inY(0);
  const zeroPx = round(toPx(y, 0));
  if (zeroShown && o.yDomain[0] < 0) {
    const h = plot.bottom - zeroPx;
    prims.push({
      kind: 'rect',
      x: plot.left,
      y: zeroPx,
      w: plot.right - plot.left,
      h,
      fill: 'var(--conflict)',
      opacity: 'var(--conflict-opacity)',
    });
  }
  prims.push(...axesPrims(axes));

  // The lines, then what is drawn over them: the chance level, the zero line, the marks.
  const bridge = o.lines.some((s) => s.run !== undefined);
  for (const s of o.lines) {
    const dash = dashOf(s);
    prims.push({
      kind: 'path',
      runs: seriesRuns(o.rows, s.key, x, y, bridge),
      stroke: s.color,
      width: s.run !== undefined ? 1.6 : 1.8,
      ...(dash ? { dash } : {}),
      ...(s.opacity !== undefined ? { opacity: s.opacity } : {}),
    });
  }
  const ref = o.referenceLine;
  if (ref && inY(ref.y) && !(o.log && ref.y <= 0)) {
    const at = round(toPx(y, ref.y));
    prims.push(across(at, 'var(--muted)', [2, 4]));
    prims.push({
      kind: 'text',
      x: plot.right - 5,
      y: at - 5,
      text: ref.label,
      fill: 'var(--muted)',
      size: SMALL,
      anchor: 'end',
    });
  }
  if (zeroShown) {
    prims.push(across(zeroPx, 'var(--fg)', [6, 3]));
    const text = o.zeroLine as string;
    const w = o.measure(text, SMALL) + 8;
    prims.push({
      kind: 'rect',
      x: plot.right - w - 2,
      y: zeroPx + 3,
      w,
      h: 16,
      radius: 3,
      fill: 'var(--card)',
      opacity: 0.9,
    });
    prims.push({
      kind: 'text',
      x: plot.right - 6,
      y: zeroPx + 15,
      text,
      fill: 'var(--fg)',
      size: SMALL,
      anchor: 'end',
    });
  }
  const labels: SceneLabel[] = [];
  for (const m of o.marks) {
    if (!inX(m.step)) continue;
    const at = round(toPx(x, m.step));
    prims.push(segment(at, plot.top, at, plot.bottom, 'var(--fg)', 1.2, { dash: [3, 3], opacity: 0.55 }));
    const w = Math.ceil(o.measure(m.short, SMALL)) + 8;
    labels.push({ x: at + 2, y: plot.top + 1, w, h: 15, short: m.short, full: m.full });
  }
  return { width: o.width, height: o.height, plot, x, y, prims, labels };
}
