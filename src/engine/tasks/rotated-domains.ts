/**
 * Domains that see one function through different input transformations, for the multi-domain setting of
 * Zhang, Zhang, Yang & Yeung, "Rethinking Hard-Parameter Sharing in Multi-Domain Learning", arXiv
 * 2107.11359 (2021): the domains differ in their low-level input statistics while the task on top is the
 * same, so sharing the top layers and separating the bottom ones is the natural split.
 *   A random teacher f(z) = Σ_k a_k tanh(v_k·z + b_k), z ∈ R^d, with k = 1..h hidden units;
 *   domain t draws x ~ N(0, I_d) and is labelled y_t = f(R_t x) + ε, ε ~ N(0, noise²),
 * with R_t a fixed random orthogonal map per domain (a rotation, Haar-distributed by Gram–Schmidt of
 * Gaussian draws; or a permutation of the coordinates; or the identity, the control where every domain is
 * the same task). Because N(0, I) is rotation invariant, every domain has the same input and label
 * distribution: only the view differs. A network whose first layer is per domain can learn W R_tᵀ there and
 * share everything above; a shared first layer must hold the features of every view at once.
 * Teacher: v_k unit directions times a gain of 2 (so tanh bends: the function is not linear), b_k ~ N(0,
 * 0.5²), a_k ~ N(0, 1/h). Labels are standardised per domain with its train statistics.
 */
import type { Rng } from '../random/rng';
import { choice, int, num } from '../params/spec';
import { gaussianRegression, standardizeTargets, type SampleGenerator } from './data';
import { buildSplits, checkDataParams, dataSpecs } from './data-specs';
import { orthonormalVectors } from './mmoe-synthetic';
import { defineTaskSuite } from './types';

export const DOMAIN_TRANSFORMS = ['rotation', 'permutation', 'identity'] as const;
export type DomainTransform = (typeof DOMAIN_TRANSFORMS)[number];

/** How strongly a teacher unit's input is scaled: a unit direction times 2 reaches tanh's bend. */
const TEACHER_GAIN = 2;

export interface Teacher {
  /** [h][d] input weights, [h] biases, [h] output weights. */
  v: Float64Array[];
  b: Float64Array;
  a: Float64Array;
}

export function randomTeacher(hidden: number, dim: number, rng: Rng): Teacher {
  const v = Array.from({ length: hidden }, () => {
    const d = Float64Array.from({ length: dim }, () => rng.normal());
    const norm = Math.hypot(...d) || 1;
    return d.map((di) => (TEACHER_GAIN * di) / norm);
  });
  const b = Float64Array.from({ length: hidden }, () => rng.normal(0, 0.5));
  const a = Float64Array.from({ length: hidden }, () => rng.normal(0, 1 / Math.sqrt(hidden)));
  return { v, b, a };
}

/** f(z) for one input z (length d). */
export function teacherOutput(f: Teacher, z: ArrayLike<number>): number {
  let y = 0;
  f.v.forEach((vk, k) => {
    let s = f.b[k] as number;
    for (let i = 0; i < vk.length; i++) s += (vk[i] as number) * (z[i] as number);
    y += (f.a[k] as number) * Math.tanh(s);
  });
  return y;
}

/** Domain t's fixed map R_t as d rows (R_t x has entries row_i · x); orthogonal in every case. */
export function domainMap(transform: DomainTransform, dim: number, rng: Rng): Float64Array[] {
  if (transform === 'rotation') return orthonormalVectors(dim, dim, rng);
  const order = transform === 'permutation' ? rng.permutation(dim) : Array.from({ length: dim }, (_, i) => i);
  return order.map((j) => Float64Array.from({ length: dim }, (_, i) => (i === j ? 1 : 0)));
}

export function domainsGenerator(
  numTasks: number,
  dim: number,
  hidden: number,
  transform: DomainTransform,
  noise: number,
  rng: Rng,
): SampleGenerator {
  const teacher = randomTeacher(hidden, dim, rng.fork('teacher'));
  const maps = Array.from({ length: numTasks }, (_, t) => domainMap(transform, dim, rng.fork(`map/${t}`)));
  const z = new Float64Array(dim);
  return {
    numTasks,
    inputDim: dim,
    outputDim: 1,
    targets: 'regression',
    inputs: (count, r) => r.normalArray(count * dim),
    labels(task, x, count, r) {
      const map = maps[task] as Float64Array[];
      const y = new Float32Array(count);
      for (let n = 0; n < count; n++) {
        map.forEach((row, i) => {
          let s = 0;
          for (let j = 0; j < dim; j++) s += (row[j] as number) * (x[n * dim + j] as number);
          z[i] = s;
        });
        y[n] = teacherOutput(teacher, z) + r.normal(0, noise);
      }
      return y;
    },
  };
}

/** "domain 1", "domain 2", ...: the tasks' names, from their number alone. */
const domainNames = (n: number) => Array.from({ length: n }, (_, t) => `domain ${t + 1}`);

export const rotatedDomainsSuite = defineTaskSuite({
  id: 'rotated-domains',
  label: 'Rotated domains (one function, different views)',
  summary:
    'Every task is the same function of the input, but each sees the input through its own fixed rotation: the domains differ at the bottom, agree at the top.',
  citation:
    'After Zhang, Zhang, Yang & Yeung, "Rethinking Hard-Parameter Sharing in Multi-Domain Learning", arXiv 2107.11359, 2021',
  kind: 'data',
  params: {
    numTasks: int({
      label: 'domains',
      help: 'Number of domains (tasks). Each one labels its inputs with the same teacher network, seen through its own transformation.',
      default: 2,
      min: 2,
      max: 8,
    }),
    inputDim: int({
      label: 'input dimension',
      help: 'Dimension d of the Gaussian inputs that every domain draws.',
      default: 8,
      min: 2,
      max: 64,
    }),
    teacherWidth: int({
      label: 'teacher units',
      help: 'Hidden tanh units h of the random teacher network every domain is labelled by: more units, a more intricate function.',
      default: 8,
      min: 1,
      max: 64,
    }),
    transform: choice({
      label: 'domain transformation',
      help: 'How each domain sees the input: its own random rotation, its own permutation of the input coordinates, or identity (every domain the same task: the control).',
      options: DOMAIN_TRANSFORMS,
      default: 'rotation',
    }),
    noise: num({
      label: 'noise std (all domains)',
      help: 'Standard deviation of the Gaussian noise in every label, train and test alike (before standardisation). For noise on one domain’s training labels only, see label noise.',
      default: 0.05,
      min: 0,
      max: 1,
    }),
    ...dataSpecs('regression', { train: 2000, test: 1000 }),
  },
  numTasks: (p) => p.numTasks,
  taskNames: (p) => domainNames(p.numTasks),
  check: (p) => checkDataParams(p, p.numTasks),
  build(p, rng) {
    const gen = domainsGenerator(p.numTasks, p.inputDim, p.teacherWidth, p.transform, p.noise, rng);
    const { train, test } = buildSplits(gen, p, rng);
    standardizeTargets(train, test, p.numTasks, 1);
    return gaussianRegression(domainNames(p.numTasks), p.inputDim, { train, test });
  },
});
