/**
 * The prediction grid's state (issue 14): the test images of the current run and the model's latest answer
 * on them. Its own small store, so a new answer redraws the grid alone and nothing else on the page.
 */
import { createStore } from 'zustand/vanilla';
import type { TestImages } from '../../engine/views';

export interface ImagePredictions {
  /** The step the model was at when it answered. */
  step: number;
  /** Predicted class of image n for task t at [t·count + n]. */
  classes: Int32Array;
}

export interface ImageGridState {
  /** The run's test images (null: none to show, or still loading). */
  images: TestImages | null;
  /** The latest answer on them (null before the first, and after a new run starts). */
  predictions: ImagePredictions | null;
  /** Why the images could not be made (the digits file failed to load), in one line. */
  error: string | null;
}

export const emptyImageGrid = (): ImageGridState => ({ images: null, predictions: null, error: null });

export const createImageGridStore = () => createStore<ImageGridState>()(emptyImageGrid);
export type ImageGridStore = ReturnType<typeof createImageGridStore>;

/** The app's one grid store (main.tsx connects it to the worker; tests make their own). */
export const imageGridStore = createImageGridStore();

/**
 * The predicted class of every image per task from the model's outputs [tasks, count, classes] (logits:
 * the largest wins, as the accuracy metric counts it).
 */
export function predictedClasses(
  values: Float32Array,
  tasks: number,
  count: number,
  classes: number,
): Int32Array {
  const out = new Int32Array(tasks * count);
  for (let row = 0; row < tasks * count; row++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if ((values[row * classes + c] as number) > (values[row * classes + best] as number)) best = c;
    out[row] = best;
  }
  return out;
}
