import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultParams, type AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import { TOY_PARETO, toyLosses, toySuite } from './toy';
import type { ObjectiveSuiteInstance } from './types';

// Reference values computed offline in float64 with numpy from the formulas of CAGrad's toy.py (natural log,
// `+ tanh` in f2); gradients by central differences (h = 1e-6), away from the kinks.
const REFERENCE: {
  at: [number, number];
  loss: [number, number];
  grad?: [[number, number], [number, number]];
}[] = [
  { at: [-8.5, 7.5], loss: [6.552363407771327, 7.900798143172848] },
  {
    at: [-8.5, 5],
    loss: [6.471759536644562, 7.803680998232542],
    grad: [
      [-0.28190442558084783, 0.0873190830752435],
      [-0.07308155813845474, 0.10513981152371343],
    ],
  },
  { at: [9, 9], loss: [7.943949188978327, 6.691495369217006] },
  { at: [10, -8], loss: [-19.087189625016183, 8.894030767677695] },
  {
    at: [3, -2],
    loss: [-13.739158573441998, -7.341767663413574],
    grad: [
      [-0.6092753253028604, 3.8795598609198123],
      [1.5231883137012403, 2.115667625535167],
    ],
  },
  {
    at: [-2, 1],
    loss: [3.02823918023737, 3.382078019418118],
    grad: [
      [0.1329140597583489, 2.465142625363015],
      [-0.06180671352495892, 2.825957030161419],
    ],
  },
  { at: [0, -8.355], loss: [-15.091638445143346, -15.091638445143346] },
  { at: [-5, 0.5], loss: [1.3176343588408979, 1.8887177619896176] },
];

function build(params: AnyParams = {}): ObjectiveSuiteInstance {
  const inst = toySuite.build({ ...defaultParams(toySuite.params), ...params }, new Rng(1));
  if (inst.kind !== 'objective') throw new Error('toy must be an objective suite');
  return inst;
}

/** Losses [R, T] at the points, S = 1 (each replica one row read by both tasks). */
function lossesAt(inst: ObjectiveSuiteInstance, points: [number, number][]): number[][] {
  return tf.tidy(() => inst.losses(tf, tf.tensor3d(points.map((p) => [p]))).arraySync());
}

describe('toy suite', () => {
  it('plain-JS losses match the float64 reference', () => {
    for (const { at, loss } of REFERENCE) {
      const [l1, l2] = toyLosses(...at);
      expect(l1).toBeCloseTo(loss[0], 12);
      expect(l2).toBeCloseTo(loss[1], 12);
    }
  });

  it('tf losses match the reference and the plain-JS version', () => {
    const inst = build();
    const got = lossesAt(
      inst,
      REFERENCE.map((r) => r.at),
    );
    REFERENCE.forEach(({ at, loss }, i) => {
      const row = got[i] as number[];
      const js = toyLosses(...at);
      for (let t = 0; t < 2; t++) {
        expect(row[t]).toBeCloseTo(loss[t] as number, 4);
        expect(row[t]).toBeCloseTo(js[t] as number, 4);
      }
    });
  });

  it('S = 1 broadcasts row 0 to both tasks; S = 2 gives task t row t', () => {
    const inst = build();
    const p: [number, number] = [3, -2];
    const q: [number, number] = [-2, 1];
    const [s2] = tf.tidy(() => inst.losses(tf, tf.tensor3d([[p, q]])).arraySync()) as [number[]];
    expect(s2[0]).toBeCloseTo(toyLosses(...p)[0], 4);
    expect(s2[1]).toBeCloseTo(toyLosses(...q)[1], 4);
    const [s1] = lossesAt(inst, [q]) as [number[]];
    expect(s1[0]).toBeCloseTo(toyLosses(...q)[0], 4);
    expect(s1[1]).toBeCloseTo(toyLosses(...q)[1], 4);
  });

  it('tf.grads with S = 2 yields each task’s gradient in its own row, matching the reference', () => {
    const inst = build();
    const cases = REFERENCE.filter((r) => r.grad);
    const theta = tf.tensor3d(cases.map((c) => [c.at, c.at]));
    const g = tf.tidy(() =>
      tf
        .grads((th: tf.Tensor) => tf.sum(inst.losses(tf, th as tf.Tensor3D)))([theta])[0]!
        .arraySync(),
    );
    theta.dispose();
    cases.forEach((c, i) => {
      for (let t = 0; t < 2; t++) {
        for (let k = 0; k < 2; k++) {
          const v = (g as number[][][])[i]![t]![k] as number;
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeCloseTo(c.grad![t]![k]!, 3);
        }
      }
    });
  });

  it('the (0, 0) start has torch.clamp’s gradient (both gates pass at θ2 = 0), not a zero one', () => {
    const inst = build();
    const theta = tf.tensor3d([[[0, 0]]]);
    const [g] = tf.tidy(() =>
      tf
        .grads((th: tf.Tensor) => tf.sum(inst.losses(tf, th as tf.Tensor3D)))([theta])[0]!
        .arraySync(),
    ) as number[][][];
    theta.dispose();
    // dL_t/dθ2 = 0.5 f_t(0,0) - 0.5 g_t(0,0) = 0.5 (log 3.5 + 6 + 14.46) for each task, summed over both.
    expect(g![0]![0]).toBeCloseTo(0, 5);
    expect(g![0]![1]).toBeCloseTo(2 * 10.856381484247684, 3);
  });

  it('gradients are finite everywhere on a grid, including at the log clamp', () => {
    const inst = build();
    const pts: [number, number][] = [[-5, 10]]; // f1's inner term 0.5(-θ1-7) - tanh(-θ2) ≈ 0: the log clamp
    for (let a = -10; a <= 10; a += 2.5) for (let b = -10; b <= 10; b += 2.5) pts.push([a, b]);
    const theta = tf.tensor3d(pts.map((p) => [p, p]));
    const g = tf.tidy(() =>
      tf
        .grads((th: tf.Tensor) => tf.sum(inst.losses(tf, th as tf.Tensor3D)))([theta])[0]!
        .dataSync(),
    );
    theta.dispose();
    expect(Array.from(g).every(Number.isFinite)).toBe(true);
  });

  it('loss scales multiply each task (Nash-MTL variant [0.1, 1])', () => {
    const inst = build({ lossScale: [0.1, 1] });
    const [row] = lossesAt(inst, [[-2, 1]]) as [number[]];
    expect(row[0]).toBeCloseTo(0.1 * toyLosses(-2, 1)[0], 4);
    expect(row[1]).toBeCloseTo(toyLosses(-2, 1)[1], 4);
    expect(toySuite.check?.({ ...defaultParams(toySuite.params), lossScale: [1] })).toHaveLength(1);
    expect(toySuite.check?.(defaultParams(toySuite.params))).toEqual([]);
  });

  it('uses the five paper starts by default and leaks no tensors', () => {
    const inst = build();
    expect(inst.starts).toEqual([
      [-8.5, 7.5],
      [-8.5, 5],
      [0, 0],
      [9, 9],
      [10, -8],
    ]);
    expect(inst.dim).toBe(2);
    expect(inst.tasks).toHaveLength(2);
    const theta = tf.tensor3d([[[1, 2]], [[3, 4]]]);
    const before = tf.memory().numTensors;
    const out = inst.losses(tf, theta);
    expect(out.shape).toEqual([2, 2]);
    out.dispose();
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before - 1);
  });

  it('declares its landscape: the θ box, the scaled float64 losses and the Pareto set', () => {
    const params = { ...defaultParams(toySuite.params), lossScale: [0.1, 1] };
    const [view, ...rest] = toySuite.views?.(params) ?? [];
    expect(rest).toEqual([]);
    if (view?.kind !== 'landscape') throw new Error('the toy declares a landscape');
    expect(view.bounds).toEqual([
      [-10, 10],
      [-10, 10],
    ]);
    expect(view.mark).toEqual({ from: [-7, -8.355], to: [7, -8.355], label: 'Pareto set' });
    // The picture's losses are the ones trained: the float64 reference, scaled per task.
    for (const { at, loss } of REFERENCE) {
      const [l1, l2] = view.losses(...at);
      expect(l1).toBeCloseTo(0.1 * loss[0], 10);
      expect(l2).toBeCloseTo(loss[1], 10);
    }
  });

  it('the mean loss is minimal at the documented point', () => {
    const mean = (x: number, y: number) => (toyLosses(x, y)[0] + toyLosses(x, y)[1]) / 2;
    const [x0, y0] = TOY_PARETO.meanLossMinimum;
    for (const [dx, dy] of [
      [0.01, 0],
      [-0.01, 0],
      [0, 0.01],
      [0, -0.01],
    ] as const) {
      expect(mean(x0 + dx, y0 + dy)).toBeGreaterThan(mean(x0, y0));
    }
  });
});
