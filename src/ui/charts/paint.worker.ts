/**
 * The paint worker: the time charts' canvases, handed over by the page (transferControlToOffscreen), are
 * painted here from their scenes (paint-scene.ts), so that the rasterising of their lines happens off the
 * page's main thread. Without a GPU, Chromium rasterises a canvas' wide anti-aliased strokes on the thread
 * that owns the canvas: on the page's, that was 6-13 ms of each chart's frame (docs/benchmarks.md).
 * Messages: plot-painter.ts.
 */
import { paintScene, sizeCanvas } from './paint-scene';
import type { PaintMessage } from './plot-painter';

const canvases = new Map<number, OffscreenCanvas>();

self.onmessage = (event: MessageEvent<PaintMessage>) => {
  const m = event.data;
  if (m.type === 'attach') canvases.set(m.id, m.canvas);
  else if (m.type === 'detach') canvases.delete(m.id);
  else {
    const canvas = canvases.get(m.id);
    if (!canvas) return;
    sizeCanvas(canvas, m.scene, m.ratio);
    const ctx = canvas.getContext('2d');
    if (ctx) paintScene(ctx, m.scene, m.colors, m.font, m.ratio);
  }
};
