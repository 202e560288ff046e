/**
 * Views: the pictures a registry entry asks the app to draw beyond the standard charts (losses, metrics,
 * cosines, norms, weights), declared by the entry so that the UI never tests a suite, architecture, method
 * or strategy id. Pure data and pure functions (no tfjs), and no imports: the registries' types import this
 * file, so what an experiment declares is gathered one layer up (config/views.ts `viewsOf`).
 */
/** Each task's decision boundary over a 2-D input box, with the training samples on top. */
export interface DecisionBoundaryView {
  kind: 'decision-boundary';
  /** The input box [[x1min, x1max], [x2min, x2max]] the grid covers. */
  bounds: [[number, number], [number, number]];
  /** Grid resolution (n x n inputs) of the boundary request. */
  gridSize: number;
}

/**
 * Every task's loss landscape over a 2-D θ with every start point's trajectory (objective suites). The
 * suite hands over what the picture needs, so the page draws any such suite without knowing which it is.
 */
export interface LandscapeView {
  kind: 'landscape';
  /** The θ box drawn: [[θ1 min, θ1 max], [θ2 min, θ2 max]]. */
  bounds: [[number, number], [number, number]];
  /** Every task's loss at θ = (θ1, θ2) in plain float64 (the contours, computed once on the page). */
  losses: (theta1: number, theta2: number) => readonly number[];
  /** A segment marked on every panel (say, the Pareto set), with the legend's words for it. */
  mark?: { from: [number, number]; to: [number, number]; label: string };
}

/** Each task's share of the training samples over time (sampling strategies that change the shares). */
export interface TaskSharesView {
  kind: 'task-shares';
}

/** The task-by-task lookahead affinity matrix (when affinity is measured). */
export interface AffinityView {
  kind: 'affinity';
}

/**
 * Test images of an image suite with each task's predicted class under them, right or wrong (MultiMNIST:
 * the left and the right digit). The suite hands over its test images, so the page draws them without
 * knowing the suite: the very images the trainer evaluates on, built page-side from the same seed.
 */
export interface ImagePredictionsView {
  kind: 'image-predictions';
  /** Side of the square grey images, in pixels. */
  side: number;
  /** How many test images the grid shows. */
  count: number;
  /** Each class's name (index = class), the same for every task. */
  classNames: readonly string[];
  /**
   * The first `count` test images of the run with this config seed, as the trainer builds them. May throw
   * when the suite's data is not loaded yet (the page loads it first: MultiMNIST's digits).
   */
  testImages: (seed: number, count: number) => TestImages;
}

/** Images with what the model sees and what it should answer. */
export interface TestImages {
  count: number;
  /** Grey levels 0 (black) to 255 (white), [count, side·side] row-major, for drawing. */
  grey: Uint8ClampedArray;
  /** The model's inputs, [count, inputDim] row-major (what a prediction request sends). */
  inputs: Float32Array;
  /** Each image's true class per task, [count, tasks] row-major. */
  classes: Int32Array;
}

/**
 * Simulated workers' gradient compression (communication/): bytes sent against fp32, loss against bytes,
 * and how faithful the decoded gradients are. Declared by every compressor card.
 */
export interface CommunicationView {
  kind: 'communication';
  /** The compressor's id. */
  compressor: string;
}

/** Merged vs specialists vs joint per task, and the task vectors' interference per layer (merging/). */
export interface MergingView {
  kind: 'merging';
}

/** The embedding cache's hit rate and the trunk compute it saved over time (embedding-cache/cache.card.ts). */
export interface EmbeddingCacheView {
  kind: 'embedding-cache';
  refreshEvery: number;
  frozen: boolean;
}

/** A few-shot sine family's adaptation: held-out fits after k steps and the loss after k steps (meta/). */
export interface MetaAdaptationView {
  kind: 'meta-adaptation';
}

export type ViewSpec =
  | DecisionBoundaryView
  | LandscapeView
  | TaskSharesView
  | AffinityView
  | ImagePredictionsView
  | CommunicationView
  | MergingView
  | EmbeddingCacheView
  | MetaAdaptationView;
export type ViewKind = ViewSpec['kind'];
/** The view of one kind: `ViewOf<'landscape'>` is LandscapeView. */
export type ViewOf<K extends ViewKind> = Extract<ViewSpec, { kind: K }>;

/** The views of one kind, narrowed. */
export function viewsOfKind<K extends ViewKind>(views: readonly ViewSpec[], kind: K): ViewOf<K>[] {
  return views.filter((v): v is ViewOf<K> => v.kind === kind);
}
