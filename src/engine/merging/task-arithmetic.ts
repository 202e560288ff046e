/**
 * Task arithmetic: θ = θ0 + λ Σ_t (θ_t − θ0). Ilharco, Ribeiro, Wortsman, Gururangan, Schmidt, Hajishirzi,
 * Farhadi, "Editing Models with Task Arithmetic", ICLR 2023 (Eq. 1 with a sum of task vectors).
 */
import { addScaled, sumVectors, taskVectors } from './task-vectors';

export function taskArithmetic(
  theta0: Float32Array,
  models: readonly Float32Array[],
  lambda: number,
): Float32Array {
  if (!(lambda >= 0)) throw new RangeError(`lambda: expected a number ≥ 0, got ${lambda}`);
  return addScaled(theta0, lambda, sumVectors(taskVectors(theta0, models), theta0.length));
}
