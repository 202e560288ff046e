/**
 * Plane geometry for the gradient-geometry explorer: the cosine between task gradients and the pieces of
 * each method's construction that are drawn around its (engine-computed) output: PCGrad's projections onto
 * a conflicting gradient's normal, the dual cone {x : g_t·x ≥ 0 for all t} (UPGrad, DualProj), the feet
 * of IMTL's projections, Nash-MTL's level curve. Pure functions of 2-D vectors: the answers themselves
 * always come from the engine, this only draws what they mean.
 */
export type Vec2 = readonly [number, number];

export const add = (a: Vec2, b: Vec2): Vec2 => [a[0] + b[0], a[1] + b[1]];
export const sub = (a: Vec2, b: Vec2): Vec2 => [a[0] - b[0], a[1] - b[1]];
export const scale = (a: Vec2, s: number): Vec2 => [a[0] * s, a[1] * s];
export const dot = (a: Vec2, b: Vec2): number => a[0] * b[0] + a[1] * b[1];
export const norm = (a: Vec2): number => Math.hypot(a[0], a[1]);

/** cos ∠(a, b), or null when either vector is zero (no direction to compare). */
export function cosine(a: Vec2, b: Vec2): number | null {
  const n = norm(a) * norm(b);
  return n > 0 ? Math.max(-1, Math.min(1, dot(a, b) / n)) : null;
}

export interface GradientPair {
  i: number;
  j: number;
  cosine: number | null;
  /** g_i·g_j < 0: a step along one raises the other's loss to first order. */
  conflict: boolean;
}

/** Every pair of task gradients with its cosine and whether the two conflict. */
export function gradientPairs(grads: readonly Vec2[]): GradientPair[] {
  const out: GradientPair[] = [];
  for (let i = 0; i < grads.length; i++)
    for (let j = i + 1; j < grads.length; j++) {
      const a = grads[i] as Vec2;
      const b = grads[j] as Vec2;
      out.push({ i, j, cosine: cosine(a, b), conflict: dot(a, b) < 0 });
    }
  return out;
}

/** PCGrad's step for one pair: g_i minus its component along g_j, if the two conflict (else g_i). */
export function projectOffConflict(gi: Vec2, gj: Vec2): Vec2 {
  const d = dot(gi, gj);
  const n2 = dot(gj, gj);
  return d < 0 && n2 > 0 ? sub(gi, scale(gj, d / n2)) : gi;
}

/** The sum Σ_t g_t (equal weights). */
export const sum = (vectors: readonly Vec2[]): Vec2 => vectors.reduce<Vec2>((s, v) => add(s, v), [0, 0]);

/** Clips a convex polygon to the half-plane n·x ≥ 0 (one Sutherland–Hodgman pass). */
function clipHalfPlane(polygon: readonly Vec2[], n: Vec2): Vec2[] {
  const out: Vec2[] = [];
  polygon.forEach((p, k) => {
    const q = polygon[(k + 1) % polygon.length] as Vec2;
    const sp = dot(n, p);
    const sq = dot(n, q);
    if (sp >= 0) out.push(p);
    if (sp >= 0 !== sq >= 0) out.push(add(p, scale(sub(q, p), sp / (sp - sq))));
  });
  return out;
}

/**
 * The dual cone {x : g_t·x ≥ 0 for every t} within the square [−r, r]², as a convex polygon (the
 * directions that raise no task's loss to first order). Fewer than 3 points: only the origin (or a line).
 */
export function dualConePolygon(grads: readonly Vec2[], r: number): Vec2[] {
  let polygon: Vec2[] = [
    [-r, -r],
    [r, -r],
    [r, r],
    [-r, r],
  ];
  for (const g of grads) if (norm(g) > 0) polygon = clipHalfPlane(polygon, g);
  return polygon;
}

/** The point of segment [a, b] nearest to p. */
function nearestOnSegment(p: Vec2, a: Vec2, b: Vec2): Vec2 {
  const ab = sub(b, a);
  const len2 = dot(ab, ab);
  const t = len2 > 0 ? Math.max(0, Math.min(1, dot(sub(p, a), ab) / len2)) : 0;
  return add(a, scale(ab, t));
}

/**
 * The Euclidean projection of p onto the dual cone of `grads` (the cone is the polygon near the origin, so
 * any p inside the drawing square projects correctly): UPGrad averages these for the task gradients.
 */
export function projectOntoDualCone(p: Vec2, grads: readonly Vec2[], r: number): Vec2 {
  if (grads.every((g) => dot(g, p) >= 0)) return p;
  const polygon = dualConePolygon(grads, r);
  if (polygon.length < 3) return [0, 0];
  let best: Vec2 = [0, 0];
  let bestDistance = norm(p);
  polygon.forEach((a, k) => {
    const q = nearestOnSegment(p, a, polygon[(k + 1) % polygon.length] as Vec2);
    const distance = norm(sub(p, q));
    if (distance < bestDistance) [best, bestDistance] = [q, distance];
  });
  return best;
}

/** IMTL-G's picture: the projection (d·ĝ_t) ĝ_t of d onto each task's direction (equal lengths at IMTL). */
export function projectionFeet(d: Vec2, grads: readonly Vec2[]): Vec2[] {
  return grads.map((g) => {
    const n2 = dot(g, g);
    return n2 > 0 ? scale(g, dot(d, g) / n2) : [0, 0];
  });
}

/**
 * Nash-MTL's picture: the level curve Π_t (g_t·x) = Π_t (g_t·d) through d, within the cone where every
 * g_t·x > 0 (where the bargaining objective Σ log(g_t·x) is defined): along each direction u of that
 * cone, x = ρ u with ρ^T Π(g_t·u) = Π(g_t·d). Points beyond radius `r` are cut. Empty when d is not
 * strictly inside the cone.
 */
export function bargainingCurve(d: Vec2, grads: readonly Vec2[], r: number, samples = 720): Vec2[] {
  const level = grads.reduce((p, g) => p * dot(g, d), 1);
  if (!(level > 0) || grads.some((g) => dot(g, d) <= 0)) return [];
  const T = grads.length;
  const out: Vec2[] = [];
  for (let k = 0; k <= samples; k++) {
    const angle = (2 * Math.PI * k) / samples;
    const u: Vec2 = [Math.cos(angle), Math.sin(angle)];
    const product = grads.reduce((p, g) => p * dot(g, u), 1);
    if (grads.some((g) => dot(g, u) <= 0) || !(product > 0)) continue;
    const rho = (level / product) ** (1 / T);
    if (rho <= r) out.push(scale(u, rho));
  }
  // Samples go round the circle: the cone may straddle angle 0, so start after the largest gap.
  return rotateToLargestGap(out);
}

/** The points in order along the curve: the cone's samples may wrap past angle 0. */
function rotateToLargestGap(points: Vec2[]): Vec2[] {
  if (points.length < 3) return points;
  let gapAt = 0;
  let gap = -1;
  points.forEach((p, k) => {
    const q = points[(k + 1) % points.length] as Vec2;
    const step = (Math.atan2(q[1], q[0]) - Math.atan2(p[1], p[0]) + 2 * Math.PI) % (2 * Math.PI);
    if (step > gap) [gap, gapAt] = [step, k];
  });
  return [...points.slice(gapAt + 1), ...points.slice(0, gapAt + 1)];
}

/** The smallest of a few round plot extents that shows every vector with a margin. */
export function plotExtent(vectors: readonly Vec2[]): number {
  const largest = Math.max(0, ...vectors.map((v) => Math.max(Math.abs(v[0]), Math.abs(v[1]))));
  return [1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100].find((e) => largest * 1.15 <= e) ?? 100;
}

/** Area of a simple polygon (shoelace formula). */
function area(polygon: readonly Vec2[]): number {
  let twice = 0;
  polygon.forEach((p, k) => {
    const q = polygon[(k + 1) % polygon.length] as Vec2;
    twice += p[0] * q[1] - q[0] * p[1];
  });
  return Math.abs(twice) / 2;
}

/**
 * Whether some direction lowers every task's loss at once (g_t·d > 0 for all non-zero g_t): the dual
 * cone has an interior. When it has none the gradients are Pareto-stationary: MGDA stops (d = 0), and so
 * do UPGrad and DualProj.
 */
export function hasCommonDescent(grads: readonly Vec2[]): boolean {
  return area(dualConePolygon(grads, 1)) > 1e-9;
}
