/**
 * Per-task colours legible on both the light (#ffffff) and dark (#14171c) backgrounds: mid-lightness hues
 * (Okabe–Ito inspired, colour-blind friendly), none near-white or near-black.
 */
export const TASK_COLORS = [
  '#2f7ed8',
  '#e4572e',
  '#17a398',
  '#c98a00',
  '#a05cc7',
  '#d6457b',
  '#5f8f2e',
  '#7a7f8c',
];
export const taskColor = (t: number): string => TASK_COLORS[t % TASK_COLORS.length] as string;

/** Diverging scale for cosines: -1 red, 0 neutral grey, +1 blue. */
export function cosineColor(value: number): string {
  const v = Math.max(-1, Math.min(1, Number.isFinite(value) ? value : 0));
  const t = Math.abs(v);
  const [r, g, b] = v < 0 ? [214, 69, 65] : [47, 126, 216];
  const mix = (c: number) => Math.round(150 + (c - 150) * t);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}
