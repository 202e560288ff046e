/**
 * The axes of a canvas time chart (time-scene.ts) as scene primitives: the dashed grid at the ticks, the
 * axis lines with their tick marks and labels, "step" under the x axis and the y title turned along its
 * axis, clear of the widest tick label. Pure; text widths come from `measure`.
 */
import { toPx, type PlotScale } from './plot-scale';
import type { LinePrim, PlotBox, Prim } from './scene';
import { formatNumber } from './series';

/** Room around the plot: the right margin holds half of the last step label ("10000"). */
export const MARGIN = { top: 8, right: 22, left: 4 };
/** Below the plot: tick marks, their labels, the "step" title. */
export const X_AXIS_HEIGHT = 42;
/** The y axis' least width (ticks, labels, title); wider labels widen it. */
export const Y_AXIS_MIN = 58;
const TICK = 6;
export const FONT = 12;
/** Between a tick label and the rotated title's baseline; the title's glyphs stand ~10 px left of it. */
const TITLE_GAP = 8;
const TITLE_ROOM = 12;
const GRID_DASH = [3, 3];

export type Measure = (text: string, size: number) => number;

/** Coordinates to a tenth of a pixel: finer than a screen shows, and an SVG file stays short. */
export const round = (v: number) => Math.round(v * 10) / 10;

/** A straight line from (x1, y1) to (x2, y2). */
export const segment = (
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  stroke: string,
  width = 1,
  style: Pick<LinePrim, 'dash' | 'opacity'> = {},
): LinePrim => ({ kind: 'line', x1, y1, x2, y2, stroke, width, ...style });

/** The y axis' width for these tick labels: never narrower than Y_AXIS_MIN, never under the title. */
export function yAxisWidth(labels: readonly string[], measure: Measure): number {
  const widest = Math.max(0, ...labels.map((l) => measure(l, FONT)));
  return Math.max(Y_AXIS_MIN, Math.ceil(widest) + TICK + 3 + TITLE_GAP + TITLE_ROOM);
}

export interface AxesInput {
  plot: PlotBox;
  x: PlotScale;
  y: PlotScale;
  /** Ticks inside the x domain. */
  xTicks: readonly number[];
  /** Ticks inside the y domain, with their labels. */
  yTicks: readonly { value: number; label: string }[];
  yLabel: string;
  /** The chart's height: "step" sits at its bottom. */
  height: number;
  measure: Measure;
}

/** The grid, drawn first, under everything. */
export function gridPrims({ plot, x, y, xTicks, yTicks }: AxesInput): Prim[] {
  const across = yTicks.map(({ value }) => round(toPx(y, value)));
  const down = xTicks.map((t) => round(toPx(x, t)));
  return [
    ...across.map((at) => segment(plot.left, at, plot.right, at, 'var(--grid)', 1, { dash: GRID_DASH })),
    ...down.map((at) => segment(at, plot.top, at, plot.bottom, 'var(--grid)', 1, { dash: GRID_DASH })),
  ];
}

/** Axis lines, tick marks, tick labels and both titles. */
export function axesPrims({ plot, x, y, xTicks, yTicks, yLabel, height, measure }: AxesInput): Prim[] {
  const { left, top, right, bottom } = plot;
  const text = (tx: number, ty: number, value: string, anchor: 'middle' | 'end', vertical = false): Prim => ({
    kind: 'text',
    x: tx,
    y: ty,
    text: value,
    fill: 'var(--muted)',
    size: FONT,
    anchor,
    ...(vertical ? { vertical } : {}),
  });
  const prims: Prim[] = [
    segment(left, top, left, bottom, 'var(--border)'),
    segment(left, bottom, right, bottom, 'var(--border)'),
  ];
  for (const t of xTicks) {
    const at = round(toPx(x, t));
    prims.push(segment(at, bottom, at, bottom + TICK, 'var(--border)'));
    prims.push(text(at, bottom + TICK + 14, formatNumber(t), 'middle'));
  }
  let widest = 0;
  for (const { value, label } of yTicks) {
    const at = round(toPx(y, value));
    prims.push(segment(left - TICK, at, left, at, 'var(--border)'));
    prims.push(text(left - TICK - 3, at + 4, label, 'end'));
    widest = Math.max(widest, measure(label, FONT));
  }
  prims.push(text((left + right) / 2, height - 6, 'step', 'middle'));
  const titleX = round(Math.max(MARGIN.left + TITLE_ROOM - 2, left - TICK - 3 - widest - TITLE_GAP));
  prims.push(text(titleX, (top + bottom) / 2, yLabel, 'middle', true));
  return prims;
}
