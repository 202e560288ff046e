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

export type ViewSpec = DecisionBoundaryView | LandscapeView | TaskSharesView | AffinityView;
export type ViewKind = ViewSpec['kind'];
/** The view of one kind: `ViewOf<'landscape'>` is LandscapeView. */
export type ViewOf<K extends ViewKind> = Extract<ViewSpec, { kind: K }>;

/** The views of one kind, narrowed. */
export function viewsOfKind<K extends ViewKind>(views: readonly ViewSpec[], kind: K): ViewOf<K>[] {
  return views.filter((v): v is ViewOf<K> => v.kind === kind);
}
