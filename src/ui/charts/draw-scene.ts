/**
 * The page's side of painting a scene: the theme's colours read from an element's computed style, and a
 * scene painted on a page canvas (the paint worker's fallback, and the PNG export's sharper copy).
 *
 * Why a canvas and not SVG elements (issue 11, no main-thread task over 50 ms while training): a Recharts
 * redraw of one live time chart cost 7-25 ms of JavaScript plus style, layout and paint of its SVG, and on
 * a 2-core machine, sharing its cores with the training worker, such a frame stretched past 50 ms.
 */
import { paintScene, sizeCanvas, type ThemeColors } from './paint-scene';
import { paintVariable, type Scene } from './scene';

/** Looks up the theme's variables on `el` (its computed style). */
export function themeLookup(el: Element): (variable: string) => string {
  const style = getComputedStyle(el);
  return (variable) => style.getPropertyValue(variable);
}

/** The values, on `el`, of every theme variable the scene names. */
export function sceneColors(scene: Scene, el: Element): ThemeColors {
  const lookup = themeLookup(el);
  const colors: Record<string, string> = {};
  const take = (paint: unknown) => {
    const name = typeof paint === 'string' ? paintVariable(paint) : null;
    if (name !== null && !(name in colors)) colors[name] = lookup(name).trim();
  };
  for (const p of scene.prims) {
    if (p.kind === 'rect') take(p.opacity);
    take(p.kind === 'rect' || p.kind === 'text' ? p.fill : p.stroke);
  }
  return colors;
}

/** The font family a canvas' text uses: the element's. */
export const fontOf = (el: Element) => getComputedStyle(el).fontFamily || 'sans-serif';

/**
 * Paints `scene` on a page canvas at `ratio` device pixels per CSS pixel, in the theme and font of
 * `styleFrom` (the canvas itself, unless it is a copy outside the page).
 */
export function drawScene(
  canvas: HTMLCanvasElement,
  scene: Scene,
  ratio = window.devicePixelRatio || 1,
  styleFrom: Element = canvas,
): void {
  sizeCanvas(canvas, scene, ratio);
  const ctx = canvas.getContext('2d');
  if (ctx) paintScene(ctx, scene, sceneColors(scene, styleFrom), fontOf(styleFrom), ratio);
}
