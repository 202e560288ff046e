/**
 * Eigen-decomposition of a small real symmetric matrix (T ≤ ~10) in float64 by the cyclic Jacobi method
 * (Golub & Van Loan, "Matrix Computations", §8.5; the rotation formulas of Rutishauser's "jacobi"): each
 * rotation zeroes one off-diagonal pair, sweeps repeat until the off-diagonal part is negligible. It is
 * slow for large matrices and unbeatable for tiny ones: accurate to rounding error in every eigenvalue,
 * orthogonal eigenvectors even for repeated eigenvalues. Used by Aligned-MTL (the balance transformation of
 * the Gram matrix) and ConFIG (a pseudo-inverse of the normalised Gram matrix).
 */
import { at, type Matrix } from './linear';

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: number[];
  /** vectors[i][k]: component i of the unit eigenvector of values[k] (eigenvectors are the columns). */
  vectors: number[][];
}

export function symmetricEigen(A: Matrix, { maxSweeps = 60 } = {}): SymmetricEigen {
  const n = A.length;
  const a = A.map((row, i) => row.map((v, j) => (v + at(A, j, i)) / 2)); // symmetrise rounding noise
  const V = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const get = (m: number[][], i: number, j: number) => m[i]?.[j] ?? 0;
  const set = (m: number[][], i: number, j: number, v: number) => ((m[i] as number[])[j] = v);
  const total = a.reduce((s, row) => s + row.reduce((r, v) => r + v * v, 0), 0);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += get(a, p, q) ** 2;
    if (off <= 1e-32 * total) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = get(a, p, q);
        if (apq === 0) continue;
        // Rotation angle that zeroes a_pq; t = tan θ, the smaller root for stability.
        const theta = (get(a, q, q) - get(a, p, p)) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = get(a, k, p);
          const akq = get(a, k, q);
          set(a, k, p, c * akp - s * akq);
          set(a, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = get(a, p, k);
          const aqk = get(a, q, k);
          set(a, p, k, c * apk - s * aqk);
          set(a, q, k, s * apk + c * aqk);
        }
        set(a, p, q, 0);
        set(a, q, p, 0);
        for (let k = 0; k < n; k++) {
          const vkp = get(V, k, p);
          const vkq = get(V, k, q);
          set(V, k, p, c * vkp - s * vkq);
          set(V, k, q, s * vkp + c * vkq);
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => get(a, y, y) - get(a, x, x));
  return {
    values: order.map((k) => get(a, k, k)),
    vectors: V.map((row) => order.map((k) => row[k] ?? 0)),
  };
}

/**
 * Moore–Penrose pseudo-inverse of a symmetric positive semi-definite matrix: V diag(1/λ) Vᵀ over the
 * eigenvalues λ > rtol · λ_max (the others are treated as zero, as numpy/torch pinv do with their rtol).
 */
export function psdPseudoInverse(A: Matrix, rtol: number): number[][] {
  const { values, vectors } = symmetricEigen(A);
  const cutoff = rtol * Math.max(values[0] ?? 0, 0);
  const n = A.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) =>
      values.reduce(
        (s, l, k) => (l > cutoff && l > 0 ? s + (at(vectors, i, k) * at(vectors, j, k)) / l : s),
        0,
      ),
    ),
  );
}
