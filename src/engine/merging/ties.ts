/**
 * TIES-merging (Yadav, Tam, Choshen, Raffel, Bansal, NeurIPS 2023, Algorithm 1): from task vectors
 * τ_t = θ_t − θ0,
 *   1. Trim: keep the top-k% entries of each τ_t by magnitude, zero the rest (small edits are mostly noise
 *      and only add interference);
 *   2. Elect: γ = sgn(Σ_t τ̂_t) per parameter, the sign with the larger total mass;
 *   3. Disjoint merge: τ_m = the mean of the entries τ̂_t whose sign is γ (zeros and dissenters left out);
 * then θ = θ0 + λ τ_m.
 */
import { addScaled, taskVectors } from './task-vectors';

/** τ with all but its ceil(k%·n) largest-magnitude entries set to 0 (ties broken by position, first kept). */
export function trimTopK(tau: Float32Array, topK: number): Float32Array {
  if (!(topK > 0 && topK <= 100))
    throw new RangeError(`topK: expected a percentage in (0, 100], got ${topK}`);
  const keep = Math.min(tau.length, Math.ceil((topK / 100) * tau.length - 1e-9));
  const order = Array.from(tau.keys()).sort(
    (a, b) => Math.abs(tau[b] as number) - Math.abs(tau[a] as number) || a - b,
  );
  const out = new Float32Array(tau.length);
  for (const i of order.slice(0, keep)) out[i] = tau[i] as number;
  return out;
}

/** γ_i = sgn(Σ_t τ_t[i]): +1, −1, or 0 where the masses cancel exactly. */
export function electSigns(trimmed: readonly Float32Array[], length: number): Int8Array {
  const signs = new Int8Array(length);
  for (let i = 0; i < length; i++) {
    let mass = 0;
    for (const tau of trimmed) mass += tau[i] as number;
    signs[i] = Math.sign(mass);
  }
  return signs;
}

/** Per parameter, the mean of the nonzero entries whose sign agrees with the elected one (0 if none). */
export function disjointMean(trimmed: readonly Float32Array[], signs: Int8Array): Float32Array {
  const out = new Float32Array(signs.length);
  for (let i = 0; i < signs.length; i++) {
    let sum = 0;
    let count = 0;
    for (const tau of trimmed) {
      const v = tau[i] as number;
      if (v !== 0 && Math.sign(v) === signs[i]) {
        sum += v;
        count++;
      }
    }
    out[i] = count ? sum / count : 0;
  }
  return out;
}

export function ties(
  theta0: Float32Array,
  models: readonly Float32Array[],
  params: { topK: number; lambda: number },
): Float32Array {
  if (!(params.lambda >= 0)) throw new RangeError(`lambda: expected a number ≥ 0, got ${params.lambda}`);
  const trimmed = taskVectors(theta0, models).map((tau) => trimTopK(tau, params.topK));
  const merged = disjointMean(trimmed, electSigns(trimmed, theta0.length));
  return addScaled(theta0, params.lambda, merged);
}
