/**
 * Dense float64 linear algebra for the small T x T systems of the gradient methods (T ≤ ~10): a Cholesky
 * solve that reports, instead of hiding, a matrix that is not (numerically) positive definite.
 */

export type Matrix = readonly (readonly number[])[];

export const at = (m: Matrix, i: number, j: number): number => m[i]?.[j] ?? 0;

export const matVec = (m: Matrix, v: readonly number[]): number[] =>
  m.map((row) => row.reduce((s, a, j) => s + a * (v[j] ?? 0), 0));

export const dot = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);

/**
 * Solves M x = b for a symmetric positive-definite M by Cholesky (M = L Lᵀ). Returns null when a pivot
 * falls to `pivotFloor` or below: M is singular or indefinite to working precision, and the caller
 * decides what that means (an active-set method drops the variable that made it so).
 */
export function choleskySolve(M: Matrix, b: readonly number[], pivotFloor = 0): number[] | null {
  const n = b.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const Li = L[i] as number[];
    for (let j = 0; j <= i; j++) {
      const Lj = L[j] as number[];
      let s = at(M, i, j);
      for (let k = 0; k < j; k++) s -= (Li[k] ?? 0) * (Lj[k] ?? 0);
      if (i === j) {
        if (!(s > pivotFloor)) return null;
        Li[i] = Math.sqrt(s);
      } else {
        Li[j] = s / (Lj[j] ?? 1);
      }
    }
  }
  // Forward (L y = b), then backward (Lᵀ x = y) substitution.
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) s -= at(L, i, k) * (y[k] ?? 0);
    y[i] = s / at(L, i, i);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) s -= at(L, k, i) * (x[k] ?? 0);
    x[i] = s / at(L, i, i);
  }
  return x;
}
