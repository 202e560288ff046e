/**
 * Every fused kernel against its composition of tfjs ops, on seeded random inputs and edge cases, on the
 * current backend: the Node tests run it on cpu and wasm, the browser test (test/browser/kernels.test.ts)
 * on WebGPU. Read back with `await t.data()` only (never dataSync on WebGPU).
 *
 * Tolerance: |fused − composed| ≤ 1e-5 · max(1, |composed|). Both sides compute in float32 (cpu and wasm
 * in float64 before rounding once), the same operations in a different association: a GPU may contract
 * a·b + c into one fused multiply-add, and sums of B·O ≤ 512 terms are accumulated in another order, which
 * moves results by a few float32 ulps (6e-8 relative each), far below 1e-5. The divergence watch compares
 * exactly: its outputs are step numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../random/rng';
import type { LossKind } from '../tasks/losses';
import { activationGrad, activationGradComposed } from './activation-grad';
import { adamMoments, adamMomentsComposed, adamParam, adamParamComposed } from './adam-kernel';
import { divergenceStep, divergenceStepComposed } from './divergence-kernel';
import { chainKernelCases } from './chain/chain-cases';
import { directionCases } from './testing-direction';
import type { KernelCase } from './kernel-case';
import { descend, descendComposed, momentumBuffer, momentumComposed } from './sgd-kernel';
import { taskLossAndGrad } from './task-loss';
import { taskLossAndGradComposed } from './task-loss-composed';

export const TOLERANCE = 1e-5;

export type { KernelCase } from './kernel-case';

export interface CaseResult {
  name: string;
  worst: number;
  ok: boolean;
  detail: string;
}

const rng = new Rng(20260511);
const normal = (shape: number[], std = 1) =>
  tf.tensor(
    rng.normalArray(
      shape.reduce((a, b) => a * b, 1),
      std,
    ),
    shape,
  );
const uniform = (shape: number[], low: number, high: number) =>
  tf.tensor(
    rng.uniformArray(
      shape.reduce((a, b) => a * b, 1),
      low,
      high,
    ),
    shape,
  );

function adamCases(): KernelCase[] {
  const attrs = { beta1: 0.9, beta2: 0.999, stepSize: 0.0316, epsHat: 3.2e-10 };
  const grads: Record<string, () => tf.Tensor> = {
    random: () => normal([3, 5]),
    zeros: () => tf.zeros([3, 5]),
    large: () => normal([3, 5], 1e4),
  };
  return Object.entries(grads).map(([label, grad]) => ({
    name: `adam (${label} gradient)`,
    run() {
      const g = grad();
      const moments = tf.concat([normal([1, 15]), uniform([1, 15], 0, 2)]) as tf.Tensor2D;
      const param = normal([3, 5]);
      const next = adamMomentsComposed(moments, g, attrs);
      return [
        [adamMoments(moments, g, attrs), next],
        [adamParam(param, next, attrs), adamParamComposed(param, next, attrs)],
      ];
    },
  }));
}

const sgdCase: KernelCase = {
  name: 'sgd (momentum, descend)',
  run() {
    const [b, g, theta] = [normal([4, 3]), normal([12]), normal([4, 3])];
    return [
      [momentumBuffer(b, g, 0.9), momentumComposed(b, g, 0.9)],
      [descend(theta, b, 0.05), descendComposed(theta, b, 0.05)],
    ];
  },
};

/** R = 2 replicas, T = 3 tasks, P = 6; `spoil` plants non-finite values; `state` may hold earlier flags. */
function watchCase(
  name: string,
  spoil: Record<string, [number, number]>,
  P = 6,
  state = [-1, -1, -1, -1, 7],
) {
  return {
    name: `divergence watch (${name})`,
    exact: true,
    run(): [tf.Tensor, tf.Tensor][] {
      const arrays = {
        losses: rng.uniformArray(6, 0, 2),
        grads: rng.normalArray(2 * 3 * P, 1e30),
        direction: rng.normalArray(2 * P),
        weights: rng.uniformArray(6, 0, 1),
      };
      Object.entries(spoil).forEach(([key, [i, v]]) => (arrays[key as keyof typeof arrays][i] = v));
      const inputs = [
        tf.tensor1d(state),
        tf.tensor2d(arrays.losses, [2, 3]),
        tf.tensor3d(arrays.grads, [2, 3, P]),
        tf.tensor2d(arrays.direction, [2, P]),
        tf.tensor2d(arrays.weights, [2, 3]),
      ] as const;
      return [[divergenceStep(...inputs), divergenceStepComposed(...inputs)]];
    },
  };
}

function lossCase(name: string, kinds: LossKind[], weighted: boolean, predScale = 2): KernelCase {
  return {
    name: `taskLossAndGrad (${name})`,
    run() {
      const [T, B, O] = [kinds.length, 16, 3];
      const pred = tf.tidy(() => tf.mul<tf.Tensor3D>(tf.round(normal([T, B, O])), predScale));
      // Each task's targets as its kind reads them: 0/1 for bce, one class (one-hot) for softmax-ce, reals for mse.
      const target = tf.tidy(() =>
        tf.concat(
          kinds.map((kind) =>
            kind === 'bce-logits'
              ? tf.cast(tf.greater(uniform([1, B, O], 0, 1), 0.5), 'float32')
              : kind === 'softmax-ce'
                ? tf.oneHot(tf.cast(tf.floor(uniform([1, B], 0, O - 1e-3)), 'int32'), O).toFloat()
                : normal([1, B, O]),
          ),
        ),
      ) as tf.Tensor3D;
      // Task 1 has no weight at all this step (a strategy left it out).
      const weights = weighted
        ? tf.tensor2d(
            Array.from({ length: T * B }, (_, i) => (Math.floor(i / B) === 1 ? 0 : (i * 7) % 3 ? 1 : 0)),
            [T, B],
          )
        : undefined;
      const fused = taskLossAndGrad(pred, target, kinds, weights);
      const composed = taskLossAndGradComposed(pred, target, kinds, weights);
      return [
        [fused.losses, composed.losses],
        [fused.grad, composed.grad],
      ];
    },
  };
}

function activationCases(): KernelCase[] {
  const ranges = { relu: [-2, 2], tanh: [-1, 1], sigmoid: [0, 1], elu: [-1, 3] } as const;
  return Object.entries(ranges).flatMap(([activation, [low, high]]) =>
    [1, 3].map((hTasks) => ({
      name: `activationGrad (${activation}, h [${hTasks}, B, W])`,
      run(): [tf.Tensor, tf.Tensor][] {
        const dy = normal([3, 8, 5]);
        // Rounded to tenths so that relu and elu meet h = 0 exactly.
        const h = tf.tidy(() => tf.div(tf.round(tf.mul(uniform([hTasks, 8, 5], low, high), 10)), 10));
        const a = activation as keyof typeof ranges;
        return [[activationGrad(dy, h, a), activationGradComposed(dy, h, a)]];
      },
    })),
  );
}

export const KERNEL_CASES: KernelCase[] = [
  ...adamCases(),
  sgdCase,
  ...directionCases(),
  watchCase('all finite, large gradients', {}),
  watchCase('NaN loss', { losses: [4, NaN] }),
  watchCase('infinite gradient', { grads: [3, -Infinity] }),
  watchCase('NaN direction', { direction: [5, NaN] }),
  watchCase('infinite weight', { weights: [0, Infinity] }),
  watchCase('earlier flags kept', { losses: [0, NaN], grads: [20, NaN] }, 6, [3, -1, 5, -1, 9]),
  watchCase('nothing shared', { losses: [2, Infinity] }, 0),
  lossCase('mse', ['mse', 'mse'], false),
  lossCase('bce, large logits', ['bce-logits', 'bce-logits'], false, 40),
  lossCase('mixed, weighted, an all-zero task', ['mse', 'bce-logits', 'mse'], true),
  lossCase('mixed, zeros', ['bce-logits', 'mse'], false, 0),
  lossCase('softmax, large logits', ['softmax-ce', 'softmax-ce'], false, 40),
  lossCase('softmax mixed, weighted, an all-zero task', ['softmax-ce', 'mse', 'bce-logits'], true),
  ...activationCases(),
  ...chainKernelCases(),
];

function compare(a: Float32Array, b: Float32Array, exact: boolean): { worst: number; detail: string } {
  if (a.length !== b.length) return { worst: Infinity, detail: `sizes ${a.length} vs ${b.length}` };
  let worst = 0;
  let detail = '';
  a.forEach((x, i) => {
    const y = b[i] as number;
    const same = Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y)) || x === y;
    const err = same
      ? 0
      : exact || !Number.isFinite(y)
        ? Infinity
        : Math.abs(x - y) / Math.max(1, Math.abs(y));
    if (err > worst) [worst, detail] = [err, `at ${i}: ${x} vs ${y}`];
  });
  return { worst, detail };
}

/** Runs every case on the current backend; one result per case (its worst error over its outputs). */
export async function runKernelCases(cases = KERNEL_CASES): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const pairs = tf.tidy(() => c.run().flat());
    const values = await Promise.all(pairs.map((t) => t.data() as Promise<Float32Array>));
    tf.dispose(pairs);
    let worst = 0;
    let detail = '';
    for (let i = 0; i < values.length; i += 2) {
      const r = compare(values[i] as Float32Array, values[i + 1] as Float32Array, c.exact ?? false);
      if (r.worst > worst) [worst, detail] = [r.worst, `output ${i / 2} ${r.detail}`];
    }
    results.push({ name: c.name, worst, ok: worst <= (c.exact ? 0 : TOLERANCE), detail });
  }
  return results;
}
