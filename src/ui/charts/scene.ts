/**
 * A chart drawn as data: primitives in CSS pixels that the page paints on a canvas (draw-scene.ts) and the
 * SVG export writes as vector elements (scene-svg.ts), so the file shows exactly what the screen showed.
 * Colours are literal (#2f7ed8) or a theme variable (`var(--grid)`), resolved when drawn, so one scene
 * draws in the light and the dark theme. Pure data: no DOM.
 */
import type { PlotScale } from './plot-scale';

/** A colour or `var(--name)`; an opacity may name a variable too (`var(--conflict-opacity)`). */
export type Paint = string;

export interface LinePrim {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: Paint;
  width: number;
  dash?: readonly number[];
  opacity?: number;
}

export interface RectPrim {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: Paint;
  opacity?: number | Paint;
  radius?: number;
}

/** A series' line: runs of points (x0, y0, x1, y1, ...), broken where a value is missing; clipped to the plot. */
export interface PathPrim {
  kind: 'path';
  runs: readonly (readonly number[])[];
  stroke: Paint;
  width: number;
  dash?: readonly number[];
  opacity?: number;
}

/** Text on its alphabetic baseline at (x, y); `vertical` turns it a quarter to read bottom to top. */
export interface TextPrim {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  fill: Paint;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  vertical?: boolean;
}

export type Prim = LinePrim | RectPrim | PathPrim | TextPrim;

/**
 * A mark's label: its short text on a backdrop at (x, y, w, h) and the whole change as its title. The page
 * shows it as HTML (the browser's own hover title, real text); the SVG export draws it with a <title>.
 */
export interface SceneLabel {
  x: number;
  y: number;
  w: number;
  h: number;
  short: string;
  full: string;
}

export interface PlotBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Scene {
  width: number;
  height: number;
  /** Where the data is drawn: paths are clipped to it, the pointer's cursor spans it. */
  plot: PlotBox;
  x: PlotScale;
  y: PlotScale;
  prims: readonly Prim[];
  labels: readonly SceneLabel[];
}

/** The variable a paint names (`var(--grid)` → `--grid`), or null for a literal colour. */
export function paintVariable(paint: Paint): string | null {
  const m = /^var\((--[\w-]+)\)$/.exec(paint.trim());
  return m ? (m[1] as string) : null;
}

/** A paint's value: a variable's through `lookup` (computed style), else the paint itself. */
export function resolvePaint(paint: Paint, lookup: (variable: string) => string): string {
  const name = paintVariable(paint);
  return name === null ? paint : lookup(name).trim();
}
