/**
 * Colours of the charts. Per-task series colours are mid-lightness hues (Okabe–Ito / Tol inspired, told
 * apart by colour-blind readers) with a contrast ratio of at least 3:1 (WCAG non-text) on both the light
 * (#ffffff) and the dark (#14171c) page backgrounds; palette.test.ts checks it. Pure: no DOM.
 */

export const LIGHT_BG = '#ffffff';
export const DARK_BG = '#14171c';

export const TASK_COLORS: readonly string[] = [
  '#2f7ed8', // blue
  '#d55e00', // vermillion
  '#009e73', // bluish green
  '#8e6cd1', // purple
  '#cf4f8b', // magenta
  '#6b8e23', // olive
  '#1b8fb0', // cyan
  '#b7791f', // ochre
  '#d9434b', // red
  '#808894', // grey
];

/** Colour of task (or pair, or start point) `i`; cycles past the palette's end. */
export function taskColor(i: number): string {
  const n = TASK_COLORS.length;
  return TASK_COLORS[((Math.trunc(i) % n) + n) % n] as string;
}

export type RGB = [number, number, number];

export function parseHex(hex: string): RGB {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1] as string, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: RGB): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio (1 to 21) of two colours. */
export function contrastRatio(a: RGB, b: RGB): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const rgb = ([r, g, b]: RGB): string => `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;

const mix = (a: RGB, b: RGB, t: number): RGB => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** Piecewise-linear interpolation through evenly spaced stops, t in [0, 1] (clamped; NaN gives the middle). */
export function interpolateStops(stops: readonly RGB[], t: number): RGB {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.5;
  const x = u * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  return mix(stops[i] as RGB, stops[i + 1] as RGB, x - i);
}

/** Diverging scale for cosine similarity: red at -1, neutral grey at 0, blue at +1. */
export const COSINE_STOPS: readonly RGB[] = [
  [178, 24, 43],
  [239, 138, 98],
  [200, 203, 208],
  [103, 169, 207],
  [33, 102, 172],
];

/** The diverging colour of a cosine in [-1, 1] (clamped; non-finite values are neutral) as an RGB triple. */
export function cosineRGB(value: number): RGB {
  return interpolateStops(COSINE_STOPS, Number.isFinite(value) ? (value + 1) / 2 : 0.5);
}
export const cosineColor = (value: number): string => rgb(cosineRGB(value));

/** Black or white, whichever reads better on the given background. */
export function textColorOn(bg: RGB): '#000000' | '#ffffff' {
  return contrastRatio(bg, [0, 0, 0]) >= contrastRatio(bg, [255, 255, 255]) ? '#000000' : '#ffffff';
}

/** Sequential scale for loss landscapes (viridis stops): low = dark purple, high = yellow. */
export const SEQUENTIAL_STOPS: readonly RGB[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
export const sequentialRGB = (t: number): RGB => interpolateStops(SEQUENTIAL_STOPS, t);

/** Binary classes as TensorFlow Playground draws them: class 0 orange, class 1 blue. */
export const CLASS_COLORS: readonly [string, string] = ['#e07016', '#2f7ed8'];
/** Background of a decision map at probability p of class 1: pale orange, light grey at 0.5, pale blue. */
export const BOUNDARY_STOPS: readonly RGB[] = [
  [245, 180, 128],
  [222, 224, 228],
  [140, 184, 235],
];
export const boundaryRGB = (p: number): RGB => interpolateStops(BOUNDARY_STOPS, p);
