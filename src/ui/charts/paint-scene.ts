/**
 * Paints a scene (scene.ts) into a 2D context, a page canvas' or an OffscreenCanvas' in the paint worker
 * (paint.worker.ts): no DOM here, the theme's colours and the font come in resolved. Lines are stroked in
 * runs of a few dozen points: Skia rasterises a wide stroke by filling its outline, and a long zigzag's
 * outline (a cosine line) costs far more than the sum of short ones (docs/benchmarks.md).
 */
import { resolvePaint, type Paint, type Prim, type Scene } from './scene';

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** The theme's values of the variables a scene names (`--grid` → `#e3e7ee`). */
export type ThemeColors = Readonly<Record<string, string>>;

/** Points per stroke call: short outlines rasterise fast, and joins inside a chunk stay round. */
const CHUNK = 24;

function opacityOf(value: number | Paint | undefined, colors: ThemeColors): number {
  if (value === undefined) return 1;
  if (typeof value === 'number') return value;
  const n = Number.parseFloat(resolvePaint(value, (v) => colors[v] ?? ''));
  return Number.isFinite(n) ? n : 1;
}

/**
 * One run of points, in strokes of CHUNK segments that share their end points; a dashed line's pattern
 * carries on across the strokes (the dash offset is the length drawn so far).
 */
function strokeRun(ctx: Context2D, run: readonly number[]): void {
  // A lone point is drawn as a dot-length line, so that a single value still shows.
  if (run.length === 2)
    run = [run[0] as number, run[1] as number, (run[0] as number) + 0.5, run[1] as number];
  let drawn = 0;
  for (let start = 0; start + 2 < run.length; start += 2 * CHUNK) {
    ctx.lineDashOffset = drawn;
    ctx.beginPath();
    ctx.moveTo(run[start] as number, run[start + 1] as number);
    const end = Math.min(run.length, start + 2 * CHUNK + 2);
    for (let i = start + 2; i < end; i += 2) {
      ctx.lineTo(run[i] as number, run[i + 1] as number);
      drawn += Math.hypot(
        (run[i] as number) - (run[i - 2] as number),
        (run[i + 1] as number) - (run[i - 1] as number),
      );
    }
    ctx.stroke();
  }
}

function paintPrim(ctx: Context2D, p: Prim, colors: ThemeColors, font: string): void {
  const paint = (c: Paint) => resolvePaint(c, (v) => colors[v] ?? '');
  ctx.globalAlpha = opacityOf(p.kind === 'text' ? undefined : p.opacity, colors);
  switch (p.kind) {
    case 'rect':
      ctx.fillStyle = paint(p.fill);
      ctx.beginPath();
      if (p.radius) ctx.roundRect(p.x, p.y, p.w, p.h, p.radius);
      else ctx.rect(p.x, p.y, p.w, p.h);
      ctx.fill();
      return;
    case 'line':
    case 'path':
      ctx.strokeStyle = paint(p.stroke);
      ctx.lineWidth = p.width;
      ctx.setLineDash(p.dash ?? []);
      for (const run of p.kind === 'line' ? [[p.x1, p.y1, p.x2, p.y2]] : p.runs) strokeRun(ctx, run);
      return;
    case 'text':
      ctx.fillStyle = paint(p.fill);
      ctx.font = `${p.size}px ${font}`;
      ctx.textAlign = p.anchor === 'middle' ? 'center' : p.anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = 'alphabetic';
      if (!p.vertical) return void ctx.fillText(p.text, p.x, p.y);
      ctx.save();
      ctx.translate(p.x, p.y);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(p.text, 0, 0);
      ctx.restore();
  }
}

/**
 * Paints `scene` at `ratio` device pixels per CSS pixel into `ctx`, whose canvas the caller has sized to
 * the scene times `ratio`. Lines are clipped to the plot, as the SVG export clips them.
 */
export function paintScene(
  ctx: Context2D,
  scene: Scene,
  colors: ThemeColors,
  font: string,
  ratio: number,
): void {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, scene.width, scene.height);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  const { left, top, right, bottom } = scene.plot;
  for (const p of scene.prims) {
    if (p.kind !== 'path') {
      paintPrim(ctx, p, colors, font);
      continue;
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, right - left, bottom - top);
    ctx.clip();
    paintPrim(ctx, p, colors, font);
    ctx.restore();
  }
  ctx.globalAlpha = 1;
}

/** A canvas' backing size for a scene at `ratio`, set only when it changes (setting it clears the canvas). */
export function sizeCanvas(canvas: { width: number; height: number }, scene: Scene, ratio: number): void {
  const [w, h] = [Math.round(scene.width * ratio), Math.round(scene.height * ratio)];
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
}
