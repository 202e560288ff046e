/**
 * Synthetic regression with controllable task correlation: Ma et al., "Modeling Task Relationships in
 * Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018, §3.2.
 *   u_1..u_T orthonormal in R^d (Gram–Schmidt of normal draws); x ~ N(0, I_d);
 *   w_1 = c u_1,  w_k = c (p u_1 + sqrt(1 - p²) u_k) for k ≥ 2;
 *   y_k = w_k·x + Σ_{i=1..m} sin(α_i w_k·x + β_i) + ε_k,  ε_k ~ N(0, noise²).
 * For T = 2 this is exactly the paper's w_1, w_2. For T > 2, cos(w_1, w_k) = p and cos(w_j, w_k) = p² for
 * j, k ≥ 2: task 1 is the hub every other task is p-related to.
 * The paper leaves c, m, α, β open; we use Google's generator (google-research, the authors' employer:
 * `generate_task_pairs` in its synthetic multi-task data module): c = 1, m = 10, α_i = i, β_i = (i - 1)²
 * (Python's `[i ** 2 for i in range(m)]`: 0, 1, 4, ..., 81), noise std 0.01 (keras-mmoe instead uses
 * c = 0.3, m = 5, α, β ~ N(0, 1)). The label correlation is not p itself (the sines are non-linear) but
 * falls monotonically with p, which is what the paper's experiment varies.
 * The function has frequencies up to 10 along w_k·x: learning it takes many samples. With the default
 * 2,000 a network overfits within a few hundred steps and seed noise hides the effect of p; the lesson
 * (public/lessons/mmoe-correlation.json) and the preset use 20,000, where test loss keeps falling.
 * The optional `sines` param keeps only the first m terms (default 10, Google's). The lesson uses m = 3
 * (frequencies 1-3): with 10 every network sits on a loss plateau for hundreds of steps and leaves it at a
 * seed-dependent moment, which hid the effect of p in seed noise (src/engine/lesson-checks/mmoe-correlation.ts).
 * Labels are standardised per task with train statistics by default (their std is about 2.4), so that the
 * usual learning rates work; with separate inputs each task's statistics come from its own train samples.
 */
import type { Rng } from '../random/rng';
import { bool, int, num } from '../params/spec';
import { gaussianRegression, standardizeTargets, type SampleGenerator } from './data';
import { buildSplits, checkDataParams, dataSpecs } from './data-specs';
import { defineTaskSuite } from './types';

const C = 1;
/** Google's m (see the header): the default of the optional `sines` param. */
export const DEFAULT_SINES = 10;

/** `count` orthonormal vectors of R^dim (count ≤ dim) by Gram–Schmidt of standard-normal draws. */
export function orthonormalVectors(count: number, dim: number, rng: Rng): Float64Array[] {
  const out: Float64Array[] = [];
  while (out.length < count) {
    const v = Float64Array.from({ length: dim }, () => rng.normal());
    for (const u of out) {
      const dot = u.reduce((s, ui, i) => s + ui * (v[i] as number), 0);
      for (let i = 0; i < dim; i++) v[i] = (v[i] as number) - dot * (u[i] as number);
    }
    const norm = Math.hypot(...v);
    // A draw (almost) inside the span of the previous ones: draw again rather than divide by ~0.
    if (norm < 1e-6) continue;
    out.push(v.map((vi) => vi / norm));
  }
  return out;
}

/** The task weight vectors w_1..w_T described in the header. */
export function mmoeWeights(numTasks: number, dim: number, p: number, rng: Rng): Float64Array[] {
  const u = orthonormalVectors(numTasks, dim, rng);
  const u1 = u[0] as Float64Array;
  const q = Math.sqrt(Math.max(1 - p * p, 0));
  return u.map((uk, k) =>
    k === 0 ? u1.map((v) => C * v) : uk.map((v, i) => C * (p * (u1[i] as number) + q * v)),
  );
}

export function mmoeGenerator(
  numTasks: number,
  dim: number,
  p: number,
  noise: number,
  rng: Rng,
  sines: number = DEFAULT_SINES,
): SampleGenerator {
  const w = mmoeWeights(numTasks, dim, p, rng);
  return {
    numTasks,
    inputDim: dim,
    outputDim: 1,
    targets: 'regression',
    inputs: (count, r) => r.normalArray(count * dim),
    labels(task, x, count, r) {
      const wt = w[task] as Float64Array;
      const y = new Float32Array(count);
      for (let n = 0; n < count; n++) {
        let z = 0;
        for (let i = 0; i < dim; i++) z += (wt[i] as number) * (x[n * dim + i] as number);
        let v = z;
        for (let i = 1; i <= sines; i++) v += Math.sin(i * z + (i - 1) * (i - 1));
        y[n] = v + r.normal(0, noise);
      }
      return y;
    },
  };
}

export const mmoeSyntheticSuite = defineTaskSuite({
  id: 'mmoe-synthetic',
  label: 'MMoE synthetic regression',
  summary:
    'Regression tasks whose relatedness is one dial: the cosine p between their weight vectors. As p falls, hard sharing suffers first.',
  citation:
    'Ma et al., Modeling Task Relationships in Multi-task Learning with Multi-gate Mixture-of-Experts, KDD 2018 (§3.2)',
  kind: 'data',
  params: {
    numTasks: int({
      label: 'tasks',
      help: 'Number of regression tasks. With more than two, task 1 is p-correlated with every other task and the others p² with each other.',
      default: 2,
      min: 2,
      max: 8,
    }),
    correlation: num({
      label: 'task correlation p',
      help: 'Cosine between the tasks’ weight vectors. 1 = the same task; 0 = unrelated; negative = opposed linear parts.',
      default: 0.5,
      min: -1,
      max: 1,
    }),
    inputDim: int({
      label: 'input dimension',
      help: 'Dimension d of the Gaussian inputs. Must be at least the number of tasks (one orthonormal direction per task).',
      default: 16,
      min: 2,
      max: 128,
    }),
    noise: num({
      label: 'noise std (all tasks)',
      help: 'Standard deviation of the Gaussian noise ε_k in every label, train and test alike (before standardisation); 0.01 as in Google’s generator. For noise on one task’s training labels only, see label noise.',
      default: 0.01,
      min: 0,
      max: 1,
    }),
    sines: int({
      label: 'sine terms m',
      help: 'Number m of sine terms sin(i·z + (i−1)²), i = 1..m (10 as in Google’s generator): fewer terms, fewer high frequencies, an easier function.',
      default: DEFAULT_SINES,
      min: 0,
      max: 10,
    }),
    standardize: bool({
      label: 'standardise labels',
      help: 'Rescale each task’s labels to mean 0 and std 1 using that task’s training statistics (after any label noise, as a practitioner would see them), so that default learning rates suit.',
      default: true,
    }),
    ...dataSpecs('regression', { train: 2000, test: 1000 }),
  },
  numTasks: (p) => p.numTasks,
  check: (p) => [
    ...(p.inputDim >= p.numTasks
      ? []
      : [{ path: 'inputDim', message: `must be at least numTasks (${p.numTasks})` }]),
    ...checkDataParams(p, p.numTasks),
  ],
  build(p, rng) {
    const gen = mmoeGenerator(p.numTasks, p.inputDim, p.correlation, p.noise, rng.fork('weights'), p.sines);
    const { train, test } = buildSplits(gen, p, rng);
    if (p.standardize) standardizeTargets(train, test, p.numTasks, 1);
    const names = Array.from({ length: p.numTasks }, (_, t) => `task ${t + 1}`);
    return gaussianRegression(names, p.inputDim, { train, test });
  },
});
