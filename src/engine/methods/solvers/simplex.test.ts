import { describe, expect, it } from 'vitest';
import { minimizeOnSimplex, projectToSimplex } from './simplex';

describe('projectToSimplex', () => {
  it('hand examples', () => {
    expect(projectToSimplex([0.2, 0.3, 0.5])).toEqual([0.2, 0.3, 0.5]); // already on it
    const a = projectToSimplex([1, 1]);
    expect(a[0]).toBeCloseTo(0.5, 15);
    expect(a[1]).toBeCloseTo(0.5, 15);
    expect(projectToSimplex([2, 0, -1])).toEqual([1, 0, 0]);
    // (0.9, 0.6, -0.3): shift 0.25 -> (0.65, 0.35, 0)
    const b = projectToSimplex([0.9, 0.6, -0.3]);
    [0.65, 0.35, 0].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 15));
  });

  it('is the closest simplex point (checked against random simplex points)', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 50; trial++) {
      const y = [rand() * 4 - 2, rand() * 4 - 2, rand() * 4 - 2, rand() * 4 - 2];
      const p = projectToSimplex(y);
      const dist = (q: number[]) => q.reduce((s, v, i) => s + (v - (y[i] ?? 0)) ** 2, 0);
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      for (let k = 0; k < 20; k++) {
        const raw = [rand(), rand(), rand(), rand()];
        const sum = raw.reduce((s, v) => s + v, 0);
        expect(dist(p)).toBeLessThanOrEqual(dist(raw.map((v) => v / sum)) + 1e-12);
      }
    }
  });
});

describe('minimizeOnSimplex', () => {
  it('finds the projection of a point outside the simplex (f = |w − y|²/2, solution = projection)', () => {
    const y = [0.9, 0.6, -0.3];
    const r = minimizeOnSimplex(
      {
        value: (w) => w.reduce((s, v, i) => s + (v - (y[i] ?? 0)) ** 2 / 2, 0),
        gradient: (w) => w.map((v, i) => v - (y[i] ?? 0)),
      },
      [1 / 3, 1 / 3, 1 / 3],
    );
    [0.65, 0.35, 0].forEach((v, i) => expect(r.weights[i]).toBeCloseTo(v, 9));
    expect(r.gap).toBeLessThanOrEqual(1e-12);
  });

  it('ill-conditioned quadratic: min of w₁² + 100 w₂² + 0.01 w₃² is ∝ (1, 1/100, 100)', () => {
    const d = [1, 100, 0.01];
    const r = minimizeOnSimplex(
      {
        value: (w) => w.reduce((s, v, i) => s + (d[i] ?? 0) * v * v, 0),
        gradient: (w) => w.map((v, i) => 2 * (d[i] ?? 0) * v),
      },
      [1, 0, 0],
    );
    const z = 1 + 0.01 + 100;
    [1 / z, 0.01 / z, 100 / z].forEach((v, i) => expect(r.weights[i]).toBeCloseTo(v, 8));
  });
});
