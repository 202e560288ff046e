/** The explorer's plane geometry, against numbers worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  bargainingCurve,
  cosine,
  dot,
  dualConePolygon,
  gradientPairs,
  hasCommonDescent,
  plotExtent,
  projectionFeet,
  projectOffConflict,
  projectOntoDualCone,
  type Vec2,
} from './geometry';

const close = (a: Vec2, b: Vec2, digits = 9) => {
  expect(a[0]).toBeCloseTo(b[0], digits);
  expect(a[1]).toBeCloseTo(b[1], digits);
};

describe('explorer geometry', () => {
  it('gives the cosine of each pair and flags a negative dot product as conflict', () => {
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([1, 1], [-2, -2])).toBeCloseTo(-1, 12);
    expect(cosine([0, 0], [1, 0])).toBeNull();
    const pairs = gradientPairs([
      [1, 0],
      [-0.5, 1],
      [1, 1],
    ]);
    expect(pairs.map((p) => [p.i, p.j, p.conflict])).toEqual([
      [0, 1, true],
      [0, 2, false],
      [1, 2, false],
    ]);
    expect(pairs[0]?.cosine).toBeCloseTo(-0.5 / Math.sqrt(1.25), 12);
  });

  it("projects a conflicting gradient onto the other's normal, and leaves an agreeing one alone", () => {
    // g1 = (1, 0), g2 = (−0.5, 1): g1 − (−0.5 / 1.25) g2 = (0.8, 0.4), which is orthogonal to g2.
    const p = projectOffConflict([1, 0], [-0.5, 1]);
    close(p, [0.8, 0.4]);
    expect(dot(p, [-0.5, 1])).toBeCloseTo(0, 12);
    expect(projectOffConflict([1, 0], [1, 1])).toEqual([1, 0]);
  });

  it('draws the dual cone as the wedge of directions that raise no loss, and projects onto it', () => {
    // g1 = (1, 0), g2 = (0, 1): the cone is the first quadrant, clipped to the square.
    const cone = dualConePolygon(
      [
        [1, 0],
        [0, 1],
      ],
      2,
    );
    for (const point of cone) expect(point[0] >= -1e-12 && point[1] >= -1e-12).toBe(true);
    expect(cone).toContainEqual([2, 2]);
    const grads: Vec2[] = [
      [1, 0],
      [-0.5, 1],
    ];
    // The cone is bounded by the normals of g1 and g2: (0, 1) and (2, 1) directions; g2 projects onto
    // the ray along (0, 1) at (0, 1)·g2 = 1, i.e. (0, 1).
    close(projectOntoDualCone([-0.5, 1], grads, 5), [0, 1]);
    // g1 projects onto the ray along (2, 1)/√5: (g1·u) u = (2/√5)(2, 1)/√5 = (0.8, 0.4).
    close(projectOntoDualCone([1, 0], grads, 5), [0.8, 0.4]);
    // A point inside stays where it is; opposite gradients leave only the line through 0 (projects to 0).
    close(projectOntoDualCone([0.5, 1], grads, 5), [0.5, 1]);
    close(
      projectOntoDualCone(
        [1, 0],
        [
          [1, 0],
          [-1, 0],
        ],
        5,
      ),
      [0, 0],
    );
  });

  it("puts IMTL's feet at (d·ĝ) ĝ and Nash-MTL's curve through d", () => {
    const feet = projectionFeet(
      [1, 1],
      [
        [2, 0],
        [0, 5],
      ],
    );
    close(feet[0] as Vec2, [1, 0]);
    close(feet[1] as Vec2, [0, 1]);
    const grads: Vec2[] = [
      [1, 0],
      [0, 1],
    ];
    // Π(g_t·x) = x·y = 1 through d = (1, 1): every sample lies on the hyperbola, in angle order.
    const curve = bargainingCurve([1, 1], grads, 10);
    expect(curve.length).toBeGreaterThan(10);
    for (const [x, y] of curve) expect(x * y).toBeCloseTo(1, 9);
    const angles = curve.map(([x, y]) => Math.atan2(y, x));
    expect(angles).toEqual([...angles].sort((a, b) => a - b));
    expect(bargainingCurve([-1, 1], grads, 10)).toEqual([]);
    // A cone that straddles angle 0 (g = (1, 1), (1, −1)) still comes out as one ordered curve.
    const wrapped = bargainingCurve(
      [1, 0],
      [
        [1, 1],
        [1, -1],
      ],
      10,
    );
    for (const [x, y] of wrapped) expect((x + y) * (x - y)).toBeCloseTo(1, 9);
    const ys = wrapped.map(([, y]) => y);
    expect(ys[0]).toBeLessThan(0);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it('tells when no direction lowers every loss (Pareto-stationary gradients)', () => {
    const v = (...xs: Vec2[]) => xs;
    expect(hasCommonDescent(v([2, 0.5], [-1, 1.5]))).toBe(true);
    expect(hasCommonDescent(v([1, 1], [-2, -2]))).toBe(false);
    // Three gradients that surround the origin: every direction raises one of the losses.
    expect(hasCommonDescent(v([2, 0.5], [-1, 1.5], [0.3, -2]))).toBe(false);
    expect(hasCommonDescent(v([2, 0.5], [-1, 1.5], [1, 2]))).toBe(true);
  });

  it('picks a round extent with a margin', () => {
    expect(plotExtent([[1, -1.5]])).toBe(2);
    expect(plotExtent([[1.8, 0]])).toBe(2.5);
    expect(plotExtent([[2.7, 0]])).toBe(4);
    expect(plotExtent([[0, -9]])).toBe(15);
    expect(plotExtent([])).toBe(1.5);
  });
});
