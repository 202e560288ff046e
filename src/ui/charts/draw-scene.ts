/**
 * Paints a scene (scene.ts) on a canvas at the screen's pixel density. Why a canvas and not SVG elements
 * (issue 11, no main-thread task over 50 ms while training): a Recharts redraw of one live time chart cost
 * 7-25 ms of JavaScript plus style, layout and paint of its SVG, and on a 2-core machine, sharing its cores
 * with the training worker, such a frame stretched past 50 ms; painting ~200 points per line here is a
 * fraction of a millisecond and allocates next to nothing. Labels the page must hover (marks) are HTML.
 */
import { resolvePaint, type Paint, type Prim, type Scene } from './scene';

/** Looks up the theme's variables on `el` (its computed style), once per paint. */
export function themeLookup(el: Element): (variable: string) => string {
  const style = getComputedStyle(el);
  return (variable) => style.getPropertyValue(variable);
}

function opacityOf(value: number | Paint | undefined, lookup: (v: string) => string): number {
  if (value === undefined) return 1;
  if (typeof value === 'number') return value;
  const n = Number.parseFloat(resolvePaint(value, lookup));
  return Number.isFinite(n) ? n : 1;
}

function drawPrim(
  ctx: CanvasRenderingContext2D,
  p: Prim,
  paint: (c: Paint) => string,
  font: string,
  lookup: (v: string) => string,
) {
  ctx.globalAlpha = opacityOf(p.kind === 'text' ? undefined : p.opacity, lookup);
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
      ctx.beginPath();
      for (const run of p.kind === 'line' ? [[p.x1, p.y1, p.x2, p.y2]] : p.runs) {
        ctx.moveTo(run[0] as number, run[1] as number);
        // A lone point is drawn as a dot-length line, so that a single value still shows.
        if (run.length === 2) ctx.lineTo((run[0] as number) + 0.5, run[1] as number);
        for (let i = 2; i < run.length; i += 2) ctx.lineTo(run[i] as number, run[i + 1] as number);
      }
      ctx.stroke();
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
 * Paints `scene` on `canvas`, sizing its backing store to the scene at `ratio` device pixels per CSS pixel;
 * colours and the font come from the canvas' computed style (the theme in force now).
 */
export function drawScene(
  canvas: HTMLCanvasElement,
  scene: Scene,
  ratio = window.devicePixelRatio || 1,
): void {
  const [w, h] = [Math.round(scene.width * ratio), Math.round(scene.height * ratio)];
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const lookup = themeLookup(canvas);
  const font = getComputedStyle(canvas).fontFamily;
  const paint = (c: Paint) => resolvePaint(c, lookup);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, scene.width, scene.height);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  const { left, top, right, bottom } = scene.plot;
  for (const p of scene.prims) {
    if (p.kind !== 'path') {
      drawPrim(ctx, p, paint, font, lookup);
      continue;
    }
    // Values outside a fixed y range are cut at the plot's edge, as the SVG export clips them.
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, right - left, bottom - top);
    ctx.clip();
    drawPrim(ctx, p, paint, font, lookup);
    ctx.restore();
  }
  ctx.globalAlpha = 1;
}
