/**
 * The page's side of painting a scene: the theme's colours and the font, and a scene painted on a page
 * canvas (the paint worker's fallback, and the PNG export's sharper copy).
 *
 * The theme's variables are the root's (styles.css defines them on :root, per colour scheme), read once per
 * scheme: reading an element's computed style while a frame's charts redraw forced a style recalculation
 * per chart (10-18 ms of forced style and layout in one long frame, a long-animation-frame entry showed).
 */
import { paintScene, sizeCanvas, type ThemeColors } from './paint-scene';
import { paintVariable, type Scene } from './scene';
import { prefersDark } from './use-color-scheme';

const read = new Map<string, Map<string, string>>();
let font: string | null = null;

/** The current colour scheme's value of a theme variable (`--grid` → `#e3e7ee`), read once per scheme. */
export function themeValue(variable: string): string {
  const scheme = prefersDark() ? 'dark' : 'light';
  let values = read.get(scheme);
  if (!values) read.set(scheme, (values = new Map<string, string>()));
  let value = values.get(variable);
  if (value === undefined) {
    value = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
    values.set(variable, value);
  }
  return value;
}

/** The values of every theme variable the scene names. */
export function sceneColors(scene: Scene): ThemeColors {
  const colors: Record<string, string> = {};
  const take = (paint: unknown) => {
    const name = typeof paint === 'string' ? paintVariable(paint) : null;
    if (name !== null && !(name in colors)) colors[name] = themeValue(name);
  };
  for (const p of scene.prims) {
    if (p.kind === 'rect') take(p.opacity);
    take(p.kind === 'rect' || p.kind === 'text' ? p.fill : p.stroke);
  }
  return colors;
}

/** The page's font family (the root's), which the charts' text uses. */
export const chartFont = () =>
  (font ??= getComputedStyle(document.documentElement).fontFamily || 'sans-serif');

/** Paints `scene` on a page canvas at `ratio` device pixels per CSS pixel, in the current theme. */
export function drawScene(
  canvas: HTMLCanvasElement,
  scene: Scene,
  ratio = window.devicePixelRatio || 1,
): void {
  sizeCanvas(canvas, scene, ratio);
  const ctx = canvas.getContext('2d');
  if (ctx) paintScene(ctx, scene, sceneColors(scene), chartFont(), ratio);
}
