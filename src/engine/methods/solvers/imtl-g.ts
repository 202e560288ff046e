/**
 * IMTL-G's closed form (Liu et al., "Towards Impartial Multi-task Learning", ICLR 2021, §3.2) in float64,
 * from the T x T Gram matrix A = G Gᵀ of the task gradients.
 *
 * Wanted: weights α with Σ_t α_t = 1 such that d = Σ_t α_t g_t has the same projection onto every unit
 * gradient u_t = g_t / |g_t|: d·u_t = c for all t. LibMTL/weighting/IMTL.py solves the T − 1 conditions
 * d·(u_1 − u_t) = 0 relative to task 1: α_{2..T} = g_1 Uᵀ (D Uᵀ)⁻¹ with D_t = g_1 − g_t, U_t = u_1 − u_t.
 * We solve the very same conditions in a form that treats every task alike, writing β_t = α_t |g_t| so
 * that d = Σ β_t u_t, with C the cosine matrix (C_ij = u_i·u_j):
 *   C β − c·1 = 0,   Σ_t β_t / |g_t| = 1   (T + 1 unknowns β, c; Gaussian elimination with pivoting).
 * For two tasks this gives α_t ∝ 1/|g_t|, d = (u_1 + u_2) / (1/|g_1| + 1/|g_2|), however close the two
 * directions are (the (1 − cos) factors of LibMTL's form cancel).
 * Degenerate inputs, where no unique solution exists (LibMTL's inverse fails there):
 * - a zero gradient has no direction: it is left out and gets α = 0 (it adds nothing to d anyway);
 * - identical directions, or more tasks than independent directions: the mean of the remaining tasks.
 */

/** Solve M x = b (M square, float64) by Gaussian elimination with partial pivoting; null when singular. */
export function solveLinear(M: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const a = M.map((row, i) => [...row.slice(0, n), b[i] ?? 0]);
  const scale = Math.max(...a.flatMap((row) => row.slice(0, n).map(Math.abs)));
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    const top = a[pivot] as number[];
    if (Math.abs(top[col] ?? 0) <= 1e-12 * scale) return null;
    [a[col], a[pivot]] = [top, a[col] as number[]];
    for (let r = col + 1; r < n; r++) {
      const row = a[r] as number[];
      const f = (row[col] ?? 0) / (top[col] ?? 1);
      for (let k = col; k <= n; k++) row[k] = (row[k] ?? 0) - f * (top[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const row = a[i] as number[];
    let s = row[n] ?? 0;
    for (let k = i + 1; k < n; k++) s -= (row[k] ?? 0) * (x[k] ?? 0);
    x[i] = s / (row[i] ?? 1);
  }
  return x.every(Number.isFinite) ? x : null;
}

/** IMTL-G weights α (Σα = 1) from the Gram matrix of the task gradients. */
export function imtlGradientWeights(A: readonly (readonly number[])[]): number[] {
  const T = A.length;
  const diag = A.map((row, t) => row[t] ?? 0);
  const largest = Math.max(...diag);
  // Gradients whose squared norm is negligible next to the largest have no usable direction.
  const active = diag.flatMap((v, t) => (v > 1e-20 * largest && Number.isFinite(v) ? [t] : []));
  const alpha = new Array<number>(T).fill(0);
  if (active.length === 0) return alpha.fill(1 / T);
  const norm = active.map((t) => Math.sqrt(diag[t] ?? 0));
  const n = active.length;
  // Rows 0..n−1: Σ_j C_ij β_j − c = 0; row n: the normalisation Σ_j β_j / |g_j| = 1, multiplied by min|g|
  // so that its entries lie in (0, 1] like the cosines.
  const smallest = Math.min(...norm);
  const M = active.map((i, a) => [
    ...active.map((j, b) => (A[i]?.[j] ?? 0) / ((norm[a] ?? 1) * (norm[b] ?? 1))),
    -1,
  ]);
  M.push([...norm.map((v) => smallest / v), 0]);
  const rhs = [...new Array<number>(n).fill(0), smallest];
  const x = solveLinear(M, rhs);
  active.forEach((t, a) => (alpha[t] = x ? (x[a] ?? 0) / (norm[a] ?? 1) : 1 / n));
  return alpha;
}
