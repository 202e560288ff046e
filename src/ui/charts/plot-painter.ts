/**
 * Who paints a time chart's canvas: the paint worker (paint.worker.ts) where the browser can hand a canvas
 * to a worker (OffscreenCanvas), else the page itself (draw-scene.ts). The page resolves the theme's colours
 * and the font for each paint and posts the scene, plain data; the worker is one for the whole page.
 */
import { chartFont, drawScene, sceneColors } from './draw-scene';
import type { ThemeColors } from './paint-scene';
import type { Scene } from './scene';

export type PaintMessage =
  | { type: 'attach'; id: number; canvas: OffscreenCanvas }
  | { type: 'detach'; id: number }
  | { type: 'paint'; id: number; scene: Scene; colors: ThemeColors; font: string; ratio: number };

export interface PlotPainter {
  paint(scene: Scene): void;
  /** The chart unmounted: the worker lets its canvas go (unless the same element mounts again at once). */
  release(): void;
}

let worker: Worker | null | undefined;

function paintWorker(): Worker | null {
  if (worker === undefined) {
    const offscreen =
      typeof OffscreenCanvas !== 'undefined' &&
      typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
    worker = null;
    if (offscreen)
      try {
        worker = new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module' });
        // The canvases are handed over already: a worker that cannot run leaves them blank, so say so.
        worker.addEventListener('error', (e) =>
          console.error(`The charts' paint worker failed: ${e.message}`),
        );
      } catch {
        // A page that may not start workers paints on its own thread.
      }
  }
  return worker;
}

interface Handed {
  id: number;
  /** A detach waiting for the turn of the event loop: a remount of the same element (StrictMode) cancels it. */
  leaving: ReturnType<typeof setTimeout> | null;
}

/** A canvas can be handed to a worker once: each element keeps its id for its life. */
const handed = new WeakMap<HTMLCanvasElement, Handed>();
let nextId = 1;

const ratio = () => window.devicePixelRatio || 1;

/** The painter of `canvas`: through the worker when there is one, else on the page. */
export function plotPainter(canvas: HTMLCanvasElement): PlotPainter {
  const w = paintWorker();
  let known = handed.get(canvas);
  if (!w && !known) return { paint: (scene) => drawScene(canvas, scene), release: () => {} };
  if (known?.leaving) clearTimeout(known.leaving);
  if (!known) {
    known = { id: nextId++, leaving: null };
    const offscreen = canvas.transferControlToOffscreen();
    w?.postMessage({ type: 'attach', id: known.id, canvas: offscreen } satisfies PaintMessage, [offscreen]);
    handed.set(canvas, known);
  }
  const entry = known;
  entry.leaving = null;
  return {
    paint(scene) {
      const message: PaintMessage = {
        type: 'paint',
        id: entry.id,
        scene,
        colors: sceneColors(scene),
        font: chartFont(),
        ratio: ratio(),
      };
      w?.postMessage(message);
    },
    release() {
      entry.leaving = setTimeout(() => {
        handed.delete(canvas);
        w?.postMessage({ type: 'detach', id: entry.id } satisfies PaintMessage);
      }, 0);
    },
  };
}

/** Whether `canvas` is painted by the worker (the page cannot read or draw it: export paints a copy). */
export const paintedOffPage = (canvas: HTMLCanvasElement) => handed.has(canvas);
