/**
 * Linear regression tasks whose task vectors share one controlled cosine:
 *   y_t = w_t·x + ε_t,  x ~ N(0, I_d),  ε_t ~ N(0, noise²),  ‖w_t‖ = 1,  cos(w_s, w_t) = ρ for every s ≠ t.
 * After the linear setting of Wu, Zhang and Ré, "Understanding and Improving Information Transfer in
 * Multi-Task Learning", ICLR 2020: a shared module feeds one output module per task, and how well the tasks
 * are aligned decides whether sharing transfers positively or negatively. Here alignment is one dial, ρ;
 * the width of a shared layer (the module's capacity, their other component) is the architecture's. With
 * a linear shared layer of width r, the tasks' R² sum to at most the r largest eigenvalues of G = W Wᵀ
 * (below: 1 + (T-1)ρ once, 1 - ρ T-1 times) over 1 + noise², so narrow sharing of unrelated tasks must give
 * some of them up.
 * Construction: u_1..u_T orthonormal (Gram–Schmidt of normal draws) and W = G^½ U, the symmetric square
 * root of G = (1 - ρ) I + ρ 11ᵀ, that is w_t = √(1-ρ) u_t + a Σ_s u_s with a = (√(1+(T-1)ρ) - √(1-ρ)) / T,
 * so W Wᵀ = G exactly and every pair is alike. G is positive semi-definite iff ρ ≥ -1/(T-1), the most
 * negative cosine T vectors can share (check() says so). Signal variance is ‖w_t‖² = 1, so the best
 * reachable test R² is 1 / (1 + noise²).
 */
import type { Rng } from '../random/rng';
import { int, num, type ConfigIssue } from '../params/spec';
import type { SampleGenerator } from './data';
import { buildSplits, checkDataParams, dataSpecs } from './data-specs';
import { orthonormalVectors } from './mmoe-synthetic';
import { defineTaskSuite } from './types';

/** G^½ for G = (1 - ρ) I + ρ 11ᵀ, row t = the coefficients of w_t on u_1..u_T. */
export function equicorrelatedRoot(numTasks: number, cosine: number): number[][] {
  const q = Math.sqrt(1 - cosine);
  // Clamped at 0: at ρ = -1/(T-1) rounding may leave 1 + (T-1)ρ a hair below.
  const a = (Math.sqrt(Math.max(1 + (numTasks - 1) * cosine, 0)) - q) / numTasks;
  return Array.from({ length: numTasks }, (_, t) =>
    Array.from({ length: numTasks }, (_, s) => (s === t ? q + a : a)),
  );
}

/** The task vectors w_1..w_T in R^dim (dim ≥ T): unit norm, pairwise cosine `cosine`. */
export function linearTaskVectors(numTasks: number, dim: number, cosine: number, rng: Rng): Float64Array[] {
  const u = orthonormalVectors(numTasks, dim, rng);
  return equicorrelatedRoot(numTasks, cosine).map((row) =>
    Float64Array.from({ length: dim }, (_, i) => row.reduce((s, c, k) => s + c * (u[k]?.[i] ?? 0), 0)),
  );
}

export function linearGenerator(w: readonly Float64Array[], dim: number, noise: number): SampleGenerator {
  return {
    numTasks: w.length,
    inputDim: dim,
    outputDim: 1,
    targets: 'regression',
    inputs: (count, r) => r.normalArray(count * dim),
    labels(task, x, count, r) {
      const wt = w[task] ?? new Float64Array(dim);
      return Float32Array.from({ length: count }, (_, n) => {
        let y = 0;
        for (let i = 0; i < dim; i++) y += (wt[i] ?? 0) * (x[n * dim + i] ?? 0);
        // Drawn even when the noise is 0, so that the stream (and the labels) do not depend on it.
        return y + r.normal(0, noise);
      });
    },
  };
}

/** The lowest cosine `numTasks` vectors can all share. */
export const lowestCosine = (numTasks: number): number => -1 / (numTasks - 1);

export const linearTasksSuite = defineTaskSuite({
  id: 'linear-tasks',
  label: 'Linear tasks (controlled cosine)',
  summary:
    'Linear regression tasks y = w_t·x whose task vectors all share one cosine: a single dial from identical tasks through unrelated to opposed ones, to see when a shared layer helps and when it must choose.',
  citation:
    'After the linear setting of Wu, Zhang and Ré, "Understanding and Improving Information Transfer in Multi-Task Learning", ICLR 2020',
  kind: 'data',
  params: {
    numTasks: int({
      label: 'tasks',
      help: 'Number of linear tasks; every pair of task vectors has the same cosine.',
      default: 2,
      min: 2,
      max: 8,
    }),
    inputDim: int({
      label: 'input dimension',
      help: 'Dimension d of the inputs x ~ N(0, I); at least the number of tasks, so that the task vectors can take any cosine.',
      default: 8,
      min: 2,
      max: 64,
    }),
    cosine: num({
      label: 'task cosine',
      help: 'Cosine between every two task vectors. 1: the same task; 0: unrelated (orthogonal); below 0: opposed, down to -1/(T-1), where the vectors sum to zero.',
      default: 0.5,
      min: -1,
      max: 1,
    }),
    noise: num({
      label: 'noise std (all tasks)',
      help: 'Standard deviation of the Gaussian noise in every label, train and test alike; the best reachable test R² is 1/(1 + noise²). For noise on one task’s training labels only, see label noise.',
      default: 0.1,
      min: 0,
      max: 2,
    }),
    ...dataSpecs('regression', { train: 500, test: 1000 }),
  },
  numTasks: (p) => p.numTasks,
  check(p) {
    const issues: ConfigIssue[] = [];
    if (p.inputDim < p.numTasks)
      issues.push({
        path: 'inputDim',
        message: `expected at least the number of tasks (${p.numTasks}), got ${p.inputDim}`,
      });
    const lowest = lowestCosine(p.numTasks);
    if (p.cosine < lowest - 1e-12)
      issues.push({
        path: 'cosine',
        message: `${p.numTasks} vectors cannot all have cosine ${p.cosine}: expected at least -1/(T-1) = ${Number(lowest.toFixed(4))}`,
      });
    return [...issues, ...checkDataParams(p, p.numTasks)];
  },
  build(p, rng) {
    const w = linearTaskVectors(p.numTasks, p.inputDim, p.cosine, rng.fork('task-vectors'));
    const { train, test } = buildSplits(linearGenerator(w, p.inputDim, p.noise), p, rng);
    return {
      kind: 'data',
      tasks: w.map((_, t) => ({ name: `task ${t + 1}`, loss: 'mse', metric: 'r2' })),
      inputDim: p.inputDim,
      outputDim: 1,
      train,
      test,
      // x ~ N(0, 1) per coordinate: ±3 holds 99.7% of it.
      inputBounds: Array.from({ length: p.inputDim }, (): [number, number] => [-3, 3]),
    };
  },
});
