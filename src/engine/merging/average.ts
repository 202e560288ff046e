/**
 * Weight averaging: θ = (1/T) Σ_t θ_t, computed directly from the models (the tests check that it equals
 * task arithmetic with λ = 1/T). Wortsman et al., "Model soups", ICML 2022.
 */
import { checkSameShapes } from './task-vectors';

export function average(theta0: Float32Array, models: readonly Float32Array[]): Float32Array {
  checkSameShapes(theta0, models);
  const out = new Float32Array(theta0.length);
  for (const m of models) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (m[i] as number);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / models.length;
  return out;
}
