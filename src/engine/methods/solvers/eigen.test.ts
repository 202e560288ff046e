import { describe, expect, it } from 'vitest';
import { psdPseudoInverse, symmetricEigen } from './eigen';

type M = number[][];
const mul = (A: M, B: M): M =>
  A.map((row) => (B[0] ?? []).map((_, j) => row.reduce((s, a, k) => s + a * (B[k]?.[j] ?? 0), 0)));
const transpose = (A: M): M => (A[0] ?? []).map((_, j) => A.map((row) => row[j] ?? 0));
const maxAbs = (A: M) => Math.max(...A.flat().map(Math.abs));
const sub = (A: M, B: M): M => A.map((row, i) => row.map((v, j) => v - (B[i]?.[j] ?? 0)));
const diag = (v: number[]): M => v.map((x, i) => v.map((_, j) => (i === j ? x : 0)));

let seed = 9;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;

/** A = V Λ Vᵀ with orthonormal V, to rounding error. */
function expectDecomposition(A: M, tol: number): void {
  const { values, vectors } = symmetricEigen(A);
  const scale = Math.max(maxAbs(A), 1e-300);
  expect(maxAbs(sub(mul(A, vectors), mul(vectors, diag(values)))) / scale).toBeLessThan(tol);
  expect(maxAbs(sub(mul(transpose(vectors), vectors), diag(values.map(() => 1))))).toBeLessThan(tol);
  values.slice(1).forEach((v, k) => expect(v).toBeLessThanOrEqual(values[k] ?? Infinity)); // descending
}

describe('symmetricEigen', () => {
  it('2 x 2 by hand: [[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1, ±1)/√2', () => {
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(values[0]).toBeCloseTo(3, 15);
    expect(values[1]).toBeCloseTo(1, 15);
    expect(Math.abs(vectors[0]?.[0] ?? 0)).toBeCloseTo(Math.SQRT1_2, 15);
    expect((vectors[0]?.[0] ?? 0) * (vectors[1]?.[0] ?? 0)).toBeCloseTo(0.5, 15); // same sign: (1, 1)
    expect((vectors[0]?.[1] ?? 0) * (vectors[1]?.[1] ?? 0)).toBeCloseTo(-0.5, 15); // (1, −1)
  });

  it('4 x 4: eigenvalues equal numpy.linalg.eigvalsh', () => {
    const A = [
      [4, 1, -2, 0.5],
      [1, 3, 0, 1],
      [-2, 0, 5, -1],
      [0.5, 1, -1, 2],
    ];
    const { values } = symmetricEigen(A);
    [6.9893415317566046, 3.602574400339762, 2.3609454269745447, 1.0471386409290866].forEach((v, k) =>
      expect(values[k]).toBeCloseTo(v, 13),
    );
    expectDecomposition(A, 1e-14);
  });

  it('a diagonal matrix is its own decomposition; repeated eigenvalues keep orthonormal vectors', () => {
    expect(symmetricEigen(diag([1, 5, 3])).values).toEqual([5, 3, 1]);
    // I + u uᵀ: eigenvalue 1 + |u|² once and 1 three times.
    const u = [1, 2, -1, 0.5];
    const A = u.map((a, i) => u.map((b, j) => a * b + (i === j ? 1 : 0)));
    const { values } = symmetricEigen(A);
    expect(values[0]).toBeCloseTo(7.25, 14);
    values.slice(1).forEach((v) => expect(v).toBeCloseTo(1, 14));
    expectDecomposition(A, 1e-14);
  });

  it('random symmetric matrices, T up to 8 (indefinite and PSD rank-deficient): A V = V Λ to 1e-13', () => {
    for (let trial = 0; trial < 40; trial++) {
      const n = 2 + (trial % 7);
      const B = Array.from({ length: n }, () => Array.from({ length: n }, rand));
      const sym = B.map((row, i) => row.map((v, j) => v + (B[j]?.[i] ?? 0)));
      expectDecomposition(sym, 1e-13);
      const G = Array.from({ length: n }, () => Array.from({ length: Math.max(1, n - 2) }, rand));
      expectDecomposition(mul(G, transpose(G)), 1e-13);
    }
  });
});

describe('psdPseudoInverse', () => {
  it('rank-2 Gram matrix of 4 vectors: equals numpy.linalg.pinv and the Penrose conditions hold', () => {
    const A = [
      [2, 4, 1, 3],
      [4, 8, 2, 6],
      [1, 2, 2, 3],
      [3, 6, 3, 6],
    ];
    const P = psdPseudoInverse(A, 1e-10);
    const expected = [
      [0.03856749311294769, 0.07713498622589529, -0.07988980716253444, -0.041322314049586785],
      [0.07713498622589542, 0.15426997245179067, -0.15977961432506899, -0.08264462809917363],
      [-0.07988980716253456, -0.15977961432506887, 0.23691460055096433, 0.15702479338842984],
      [-0.041322314049586875, -0.08264462809917361, 0.1570247933884299, 0.11570247933884305],
    ];
    expect(maxAbs(sub(P, expected))).toBeLessThan(1e-12);
    expect(maxAbs(sub(mul(mul(A, P), A), A))).toBeLessThan(1e-12);
    expect(maxAbs(sub(mul(mul(P, A), P), P))).toBeLessThan(1e-12);
  });

  it('an invertible matrix: the inverse; the zero matrix: zero', () => {
    const A = [
      [2, 1],
      [1, 3],
    ];
    const P = psdPseudoInverse(A, 1e-12);
    expect(maxAbs(sub(mul(A, P), diag([1, 1])))).toBeLessThan(1e-14);
    expect(psdPseudoInverse(diag([0, 0]), 1e-12)).toEqual(diag([0, 0]));
  });
});
