/**
 * The CAGrad two-objective toy: Liu et al., "Conflict-Averse Gradient Descent for Multi-task Learning",
 * NeurIPS 2021 (code: Cranial-XIX/CAGrad toy.py; also AvivNavon/nash-mtl experiments/toy/problem.py).
 * θ ∈ R², natural log:
 *   f1 = log(max(|0.5(-θ1-7) - tanh(-θ2)|, 5e-6)) + 6,  f2 = log(max(|0.5(-θ1+3) + tanh(-θ2) + 2|, 5e-6)) + 6
 *   g1 = ((-θ1+7)² + 0.1(-θ2-8)²)/10 - 20,             g2 = ((-θ1-7)² + 0.1(-θ2-8)²)/10 - 20
 *   c1 = max(tanh(0.5θ2), 0), c2 = max(tanh(-0.5θ2), 0), L1 = c1 f1 + c2 g1, L2 = c1 f2 + c2 g2.
 * The papers print `-tanh` in f2; both codebases use `+`, and so do we. Nash-MTL's variant scales L1 by 0.1.
 *
 * Mirror symmetry used below: with u_t = σ_t θ1 (σ = [1, -1]) both tasks have the same formula,
 *   L_t = c1 (log(max(|tanh θ2 - 3.5 - 0.5 u_t|, 5e-6)) + 6) + c2 (0.1 (u_t - 7)² + 0.01 (θ2 + 8)² - 20),
 * so one set of ops on [R, 2] computes both tasks (the suite runs 100,000 steps: ops are the cost).
 */
import type * as TF from '@tensorflow/tfjs-core';
import { checkPerTaskLength, numList, pointList } from '../params/spec';
import { defineTaskSuite, type TensorOps } from './types';

const LOWER = 5e-6;

/** The θ box of the pictures (the start points' range), fresh each call (callers may keep or change it). */
const toyBox = (): [[number, number], [number, number]] => [
  [-10, 10],
  [-10, 10],
];

/** Where the Pareto set lies (for plots and tests); θ2 of the set varies by ±0.2 along it. */
export const TOY_PARETO = {
  theta1Range: [-7, 7] as [number, number],
  theta2: -8.355,
  /** Minimum of the mean loss (L1 + L2) / 2, found numerically in float64 (scipy Nelder–Mead). */
  meanLossMinimum: [0, -8.3551] as [number, number],
};

/** Plain float64 reference [L1, L2] (unscaled), for tests and for drawing the landscape. */
export function toyLosses(x: number, y: number): [number, number] {
  const f1 = Math.log(Math.max(Math.abs(0.5 * (-x - 7) - Math.tanh(-y)), LOWER)) + 6;
  const f2 = Math.log(Math.max(Math.abs(0.5 * (-x + 3) + Math.tanh(-y) + 2), LOWER)) + 6;
  const g1 = ((-x + 7) ** 2 + 0.1 * (-y - 8) ** 2) / 10 - 20;
  const g2 = ((-x - 7) ** 2 + 0.1 * (-y - 8) ** 2) / 10 - 20;
  const c1 = Math.max(Math.tanh(0.5 * y), 0);
  const c2 = Math.max(Math.tanh(-0.5 * y), 0);
  return [c1 * f1 + c2 * g1, c1 * f2 + c2 * g2];
}

/**
 * [R, S, 2] -> [R, 2]; S = 1 broadcasts row 0 to both tasks, S = 2 gives task t row t. `tf` is the engine's
 * namespace (types.ts: the page imports this module, so it imports no tfjs).
 */
function toyLossesTf(tf: TensorOps, theta: TF.Tensor3D, scale: readonly number[]): TF.Tensor2D {
  return tf.tidy(() => {
    const [r, s] = theta.shape;
    const [x1, x2] = tf.split(theta, 2, 2).map((c) => c.reshape([r, s])) as [TF.Tensor2D, TF.Tensor2D];
    const u = tf.mul(x1, tf.tensor1d([1, -1]));
    const f = tf.add(tf.log(tf.maximum(tf.abs(tf.sub(tf.sub(tf.tanh(x2), 3.5), tf.mul(u, 0.5))), LOWER)), 6);
    const g = tf.add(
      tf.mul(tf.squaredDifference(u, 7), 0.1),
      tf.sub(tf.mul(tf.squaredDifference(x2, -8), 0.01), 20),
    );
    // tf.maximum passes the gradient at equality, as torch.clamp does: at θ2 = 0 both gates still move θ2
    // (a relu here would leave the (0, 0) start with a zero gradient forever).
    const h = tf.tanh(tf.mul(x2, 0.5));
    const loss = tf.add<TF.Tensor2D>(tf.mul(tf.maximum(h, 0), f), tf.mul(tf.maximum(tf.neg(h), 0), g));
    return scale.every((v) => v === 1) ? loss : tf.mul(loss, tf.tensor1d([...scale]));
  });
}

export const toySuite = defineTaskSuite({
  id: 'toy',
  label: 'CAGrad toy (2 objectives)',
  summary:
    'Two conflicting losses of a 2-D point θ, with a flat valley and a steep wall: the classic picture of how gradient methods reach (or miss) the Pareto set.',
  citation:
    'Liu et al., Conflict-Averse Gradient Descent for Multi-task Learning, NeurIPS 2021 (toy in CAGrad toy.py)',
  kind: 'objective',
  params: {
    starts: pointList({
      label: 'start points',
      help: 'Initial points θ, one optimisation run each. Defaults are the five starts of the CAGrad and Nash-MTL figures.',
      default: [
        [-8.5, 7.5],
        [-8.5, 5],
        [0, 0],
        [9, 9],
        [10, -8],
      ],
      min: -10,
      max: 10,
      minLength: 1,
      maxLength: 16,
    }),
    lossScale: numList({
      label: 'loss scales',
      help: 'Multiplies each task loss. [0.1, 1] is the Nash-MTL variant, which makes the gradient magnitudes unequal and tests scale invariance.',
      default: [1, 1],
      min: 0.001,
      max: 1000,
      minLength: 2,
      maxLength: 2,
    }),
  },
  numTasks: () => 2,
  check: (p) => checkPerTaskLength(p.lossScale, 'lossScale', 2, false),
  views: (p) => [
    {
      kind: 'landscape',
      bounds: toyBox(),
      // The losses the run trains (scaled): positive scales leave the Pareto set where it is.
      losses: (a, b) => toyLosses(a, b).map((l, t) => l * (p.lossScale[t] ?? 1)),
      mark: {
        from: [TOY_PARETO.theta1Range[0], TOY_PARETO.theta2],
        to: [TOY_PARETO.theta1Range[1], TOY_PARETO.theta2],
        label: 'Pareto set',
      },
    },
  ],
  build(p) {
    const scale = [...p.lossScale];
    return {
      kind: 'objective',
      tasks: [
        { name: 'L1', loss: 'mse', metric: 'loss' },
        { name: 'L2', loss: 'mse', metric: 'loss' },
      ],
      dim: 2,
      starts: p.starts.map(([a, b]) => [a, b]),
      losses: (tf, theta) => toyLossesTf(tf, theta, scale),
      bounds: toyBox(),
    };
  },
});
