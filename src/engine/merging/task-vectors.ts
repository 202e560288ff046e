/**
 * The arithmetic every merge method shares, on plain Float32Arrays (page-safe, no tfjs): the shape check
 * that refuses models of different shapes, and task vectors τ_t = θ_t − θ0 (Ilharco et al., ICLR 2023).
 * A "model" here is the flat shared parameter vector θ the trainer trains (train/model.ts).
 */

/** Merging needs one start θ0 and models of its exact length: anything else is not the same network. */
export class MergeShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeShapeError';
  }
}

/** Throws MergeShapeError naming the first model whose length differs from θ0's, or when there is none. */
export function checkSameShapes(theta0: Float32Array, models: readonly Float32Array[]): void {
  if (models.length === 0)
    throw new MergeShapeError('models: expected at least one model to merge, got none');
  models.forEach((m, t) => {
    if (m.length !== theta0.length)
      throw new MergeShapeError(
        `models[${t}]: has ${m.length} parameters but the shared start θ0 has ${theta0.length}; only models of the same shape can be merged`,
      );
  });
}

/** τ_t = θ_t − θ0 for every model (after checkSameShapes). */
export function taskVectors(theta0: Float32Array, models: readonly Float32Array[]): Float32Array[] {
  checkSameShapes(theta0, models);
  return models.map((m) => {
    const tau = new Float32Array(m.length);
    for (let i = 0; i < m.length; i++) tau[i] = (m[i] as number) - (theta0[i] as number);
    return tau;
  });
}

/** θ0 + λ·τ, a new array. */
export function addScaled(theta0: Float32Array, lambda: number, tau: Float32Array): Float32Array {
  const out = new Float32Array(theta0.length);
  for (let i = 0; i < out.length; i++) out[i] = (theta0[i] as number) + lambda * (tau[i] as number);
  return out;
}

/** Σ_t τ_t, a new array. */
export function sumVectors(vectors: readonly Float32Array[], length: number): Float32Array {
  const out = new Float32Array(length);
  for (const v of vectors) for (let i = 0; i < length; i++) out[i] = (out[i] as number) + (v[i] as number);
  return out;
}
