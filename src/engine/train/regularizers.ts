/**
 * Soft-sharing regularizers on the task-specific parameters (Ruder, "An Overview of Multi-Task Learning in
 * Deep Neural Networks", 2017, arXiv:1706.05098, §4.2): instead of sharing a layer, each task keeps its own
 * copy and a penalty ties (or separates) the copies. Each has a strength λ; 0 turns it off.
 *
 * - l2: λ Σ_t |θ_t|² over every task-specific tensor (weight decay on the task-owned part only).
 * - orthogonality: λ Σ_{i<j} |W_iᵀ W_j|_F² over each task-specific kernel, the "difference loss" of
 *   Bousmalis et al., "Domain Separation Networks", NeurIPS 2016, applied between tasks' weights: it pushes
 *   the tasks' output features apart (each task learns what the others do not).
 * - traceNorm: λ |M|_* with M = [vec W_1; ...; vec W_T] (T x n) for each task-specific kernel: Yang &
 *   Hospedales, "Trace Norm Regularised Deep Multi-Task Learning", ICLR workshop 2017, arXiv:1606.04038,
 *   in their "LAF" form (the unfolding along the task axis, `TensorTraceNorm(X, 'LAF')` in their code): a
 *   low-rank M means the tasks' weights share a few directions, a soft form of hard sharing.
 *
 * A kernel is a task-specific tensor of rank ≥ 3, stacked [T, ..., out]: task t's W_t is its slice viewed
 * as [rows, out] (rows = the product of the middle dimensions, e.g. E·in for per-task experts). Biases
 * (rank 2) only take the l2 penalty.
 *
 * The trace norm's gradient is U Vᵀ from M = U Σ Vᵀ (the gradient their code registers for the nuclear
 * norm), written as (M Mᵀ)^{-1/2} M so that only the T x T Gram matrix leaves the device: it is read back
 * (`await data()`), eigen-decomposed in float64 (Jacobi), and (M Mᵀ)^{-1/2} is uploaded. Eigenvalues are
 * floored at a tiny fraction of the largest, so a rank-deficient M gets the minimum-norm subgradient
 * (directions with σ = 0 contribute nothing, as in U Vᵀ of the thin SVD).
 */
import * as tf from '@tensorflow/tfjs-core';
import { symmetricEigen } from '../methods/solvers/eigen';
import type { RegularizerValues } from '../config/isolation';

export interface TaskParamInfo {
  name: string;
  shape: readonly number[];
}

export interface Regularization {
  /** The total penalty (all regularizers, all tensors). */
  penalty: tf.Scalar;
  /** One per task-specific tensor, aligned with `taskParams`: add it to that tensor's task gradient. */
  grads: tf.Tensor[];
}

/** Eigenvalues of M Mᵀ below this fraction of the largest are treated as zero singular values. */
export const TRACE_NORM_RELATIVE_FLOOR = 1e-6;
const TRACE_NORM_ABSOLUTE_FLOOR = 1e-20;

const isKernel = (shape: readonly number[]): boolean => shape.length >= 3;

/** A strength from the settings (a missing or non-positive one is off). */
function strength(values: Partial<RegularizerValues>, key: keyof RegularizerValues): number {
  const v = values[key] ?? 0;
  return v > 0 ? v : 0;
}

/**
 * The penalty and its gradients for the task-specific tensors, or null when every strength is 0 (nothing
 * is computed). `values`: the isolation settings (config/isolation.ts), or just the strengths to apply.
 * Returned tensors belong to the caller; the inputs are not disposed.
 */
export async function regularizerGradients(
  values: Partial<RegularizerValues>,
  taskParams: readonly tf.Tensor[],
  taskParamInfo: readonly TaskParamInfo[],
): Promise<Regularization | null> {
  const l2 = strength(values, 'l2');
  const orthogonality = strength(values, 'orthogonality');
  const traceNorm = strength(values, 'traceNorm');
  if (!l2 && !orthogonality && !traceNorm) return null;
  if (taskParams.length !== taskParamInfo.length)
    throw new Error(`regularizers: ${taskParams.length} tensors but ${taskParamInfo.length} descriptions`);
  taskParams.forEach((p, i) => {
    const info = taskParamInfo[i] as TaskParamInfo;
    if (p.shape.join() !== info.shape.join())
      throw new Error(
        `regularizers: '${info.name}' has shape [${p.shape.join(', ')}], expected [${info.shape.join(', ')}]`,
      );
  });
  const kernels = taskParamInfo.flatMap((info, i) => (isKernel(info.shape) ? [i] : []));
  const trace =
    traceNorm && kernels.length ? await traceNormParts(kernels.map((i) => taskParams[i] as tf.Tensor)) : null;

  return tf.tidy(() => {
    const penalties: tf.Scalar[] = [];
    const grads = taskParams.map((p, i) => {
      const parts: tf.Tensor[] = [];
      if (l2) {
        penalties.push(tf.mul(l2, tf.sum(tf.square(p))));
        parts.push(tf.mul(2 * l2, p));
      }
      const k = kernels.indexOf(i);
      if (k >= 0 && orthogonality) {
        const o = orthogonalityTerm(asMatrices(p));
        penalties.push(tf.mul(orthogonality, o.penalty));
        parts.push(tf.mul(orthogonality, o.grad).reshape(p.shape));
      }
      const t = k >= 0 ? trace?.[k] : undefined;
      if (t) {
        const T = p.shape[0] ?? 0;
        const M = p.reshape([T, -1]);
        parts.push(tf.mul(traceNorm, tf.matMul(tf.tensor2d(t.inverseRoot, [T, T]), M)).reshape(p.shape));
      }
      return parts.length ? parts.reduce((a, b) => tf.add(a, b)) : tf.zerosLike(p);
    });
    const tracePenalty = traceNorm * (trace ?? []).reduce((s, t) => s + t.nuclearNorm, 0);
    const penalty = penalties.reduce<tf.Scalar>((a, b) => tf.add(a, b), tf.scalar(tracePenalty));
    return { penalty, grads };
  });
}

/** A kernel [T, ..., out] as T matrices [T, rows, out]. */
const asMatrices = (p: tf.Tensor): tf.Tensor3D =>
  p.reshape<tf.Tensor3D>([p.shape[0] ?? 0, -1, p.shape[p.rank - 1] ?? 0]);

/**
 * Σ_{i<j} |W_iᵀ W_j|_F² and its gradient, through P_t = W_t W_tᵀ [rows, rows]: |W_iᵀ W_j|² = ⟨P_i, P_j⟩,
 * so with S = Σ_t P_t the penalty is (|S|² − Σ_t |P_t|²) / 2 and ∂/∂W_i = 2 (S − P_i) W_i.
 */
function orthogonalityTerm(W: tf.Tensor3D): { penalty: tf.Scalar; grad: tf.Tensor3D } {
  const P = tf.matMul(W, W, false, true);
  const S = tf.sum(P, 0);
  const penalty = tf.mul<tf.Scalar>(0.5, tf.sub(tf.sum(tf.square(S)), tf.sum(tf.square(P))));
  const grad = tf.mul<tf.Tensor3D>(2, tf.matMul(tf.sub(S, P), W));
  return { penalty, grad };
}

/**
 * Per kernel: |M|_* = Σ_k √λ_k and (M Mᵀ)^{-1/2} (row-major T x T) from the eigenvalues λ of the Gram matrix
 * M Mᵀ. All Gram matrices come back in one readback.
 */
async function traceNormParts(
  kernels: readonly tf.Tensor[],
): Promise<{ nuclearNorm: number; inverseRoot: Float32Array }[]> {
  const flat = tf.tidy(() =>
    tf.concat(
      kernels.map((p) => {
        const M = p.reshape([p.shape[0] ?? 0, -1]);
        return tf.matMul(M, M, false, true).reshape([-1]);
      }),
    ),
  );
  let values: Float32Array;
  try {
    values = (await flat.data()) as Float32Array;
  } finally {
    flat.dispose();
  }
  let offset = 0;
  return kernels.map((p) => {
    const T = p.shape[0] ?? 0;
    const gram = Array.from({ length: T }, (_, i) =>
      Array.from({ length: T }, (_, j) => values[offset + i * T + j] ?? 0),
    );
    offset += T * T;
    const { values: lambda, vectors } = symmetricEigen(gram);
    const floor = Math.max(
      TRACE_NORM_ABSOLUTE_FLOOR,
      TRACE_NORM_RELATIVE_FLOOR * Math.max(lambda[0] ?? 0, 0),
    );
    // V diag(1/√max(λ, floor)) Vᵀ, summed in float64.
    const scales = lambda.map((l) => 1 / Math.sqrt(Math.max(l, floor)));
    const inverseRoot = new Float32Array(T * T);
    for (let i = 0; i < T; i++)
      for (let j = 0; j < T; j++)
        inverseRoot[i * T + j] = scales.reduce(
          (acc, s, k) => acc + (vectors[i]?.[k] ?? 0) * s * (vectors[j]?.[k] ?? 0),
          0,
        );
    const nuclearNorm = lambda.reduce((s, l) => s + Math.sqrt(Math.max(l, 0)), 0);
    return { nuclearNorm, inverseRoot };
  });
}
