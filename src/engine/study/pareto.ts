/**
 * Pareto fronts of two final task losses (both minimised), for the study's Pareto plot. A point is on the
 * front when no other point is at least as good on both losses and better on one. When a study sweeps the
 * static method's weights, the scalarization front is its points ordered by the first task's share of the
 * weight: what minimising w·L1 + (1 − w)·L2 reaches as w goes from 0 to 1 (on a non-convex front it skips
 * the concave parts; Boyd & Vandenberghe, Convex Optimization, 2004, §4.7.4).
 */
import type { ExperimentConfig } from '../config/types';
import type { RunRecord } from './types';

export interface Point2 {
  x: number;
  y: number;
}

/** a dominates b: no worse on both, better on one. */
export const dominates = (a: Point2, b: Point2): boolean =>
  a.x <= b.x && a.y <= b.y && (a.x < b.x || a.y < b.y);

/**
 * The non-dominated points (non-finite ones left out), sorted by x ascending (so y descends): a line drawn
 * through them in order is the front. Equal points are all kept. O(n log n): sort by x (then y), sweep
 * keeping the lowest y so far.
 */
export function paretoFront<P extends Point2>(points: readonly P[]): P[] {
  const sorted = points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .slice()
    .sort((a, b) => a.x - b.x || a.y - b.y);
  const front: P[] = [];
  let bestY = Number.POSITIVE_INFINITY;
  let last: P | undefined;
  for (const p of sorted) {
    if (p.y < bestY) {
      front.push(p);
      bestY = p.y;
      last = p;
    } else if (last && p.x === last.x && p.y === last.y) front.push(p); // a duplicate of a front point
  }
  return front;
}

/**
 * The first task's share w_1 / Σ w of a config trained with static weights on two tasks; null for any
 * other method or weights that do not say (an empty list means equal weights: 0.5).
 */
export function staticWeightShare(config: Pick<ExperimentConfig, 'method'>): number | null {
  if (config.method.id !== 'static') return null;
  const weights = config.method.params.weights;
  if (!Array.isArray(weights)) return null;
  if (weights.length === 0) return 0.5;
  const [w1, w2] = weights as number[];
  if (weights.length !== 2 || w1 === undefined || w2 === undefined || w1 + w2 <= 0) return null;
  return w1 / (w1 + w2);
}

/**
 * The scalarization front: one point per distinct weight share (the mean over that share's points, i.e.
 * over seeds), ordered by share. Points without a share are left out; fewer than two shares give [].
 */
export function scalarizationFront<P extends Point2 & { share: number | null }>(
  points: readonly P[],
): (Point2 & { share: number })[] {
  const byShare = new Map<number, { x: number; y: number; n: number }>();
  for (const p of points) {
    if (p.share === null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const acc = byShare.get(p.share) ?? { x: 0, y: 0, n: 0 };
    byShare.set(p.share, { x: acc.x + p.x, y: acc.y + p.y, n: acc.n + 1 });
  }
  if (byShare.size < 2) return [];
  return [...byShare]
    .sort(([a], [b]) => a - b)
    .map(([share, { x, y, n }]) => ({ share, x: x / n, y: y / n }));
}

/** One run of a two-task study as a point of the Pareto plot: its final test losses. */
export interface LossPoint extends Point2 {
  runId: string;
  group: string;
  seed: number;
  /** The first task's static-weight share, when the run used static weights. */
  share: number | null;
}

/**
 * The finished two-task runs as points (x: task 1's final test loss, y: task 2's); baselines included
 * (the caller may draw them apart by group). Runs with another number of tasks are left out.
 */
export function lossPointsOf(records: readonly RunRecord[]): LossPoint[] {
  return records.flatMap((r) => {
    const [a, b, more] = r.final?.tasks ?? [];
    if (r.status !== 'finished' || !a || !b || more) return [];
    return [
      {
        x: a.testLoss,
        y: b.testLoss,
        runId: r.id,
        group: r.study?.group ?? r.name,
        seed: r.study?.seed ?? r.config.seed,
        share: staticWeightShare(r.config),
      },
    ];
  });
}
