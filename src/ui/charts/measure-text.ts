/**
 * Text widths for laying out a chart drawn on a canvas (time-scene.ts): one off-screen 2D context in the
 * page's font, widths cached per text and size (tick labels repeat on every redraw).
 */
import { chartFont } from './draw-scene';

const cache = new Map<string, number>();
let ctx: CanvasRenderingContext2D | null = null;

/** Width in CSS pixels of `text` at `size` px in the document's font. */
export function measureText(text: string, size: number): number {
  const key = `${size}|${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  ctx ??= document.createElement('canvas').getContext('2d');
  // Without a 2D context (never in a real browser) an average glyph width keeps the layout sane.
  let width = text.length * size * 0.55;
  if (ctx) {
    ctx.font = `${size}px ${chartFont()}`;
    width = ctx.measureText(text).width;
  }
  if (cache.size > 2000) cache.clear();
  cache.set(key, width);
  return width;
}
