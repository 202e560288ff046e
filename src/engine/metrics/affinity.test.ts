import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { restoreMethod, snapshotMethod, type MethodSnapshot } from '../stateful/state';
import { Rng } from '../random/rng';
import { buildModel } from '../train/build-model';
import { computeTaskGradients } from '../train/task-grads';
import { AffinityAverage, lookaheadAffinity, type LossesAt } from './affinity';

/**
 * L_i(θ, v) = |θ − c_i|² + |v_i|² with θ read from copy 0 of shared [R, 1, P] and a task-specific v [T, 2]
 * that the lookahead must leave alone.
 */
function quadratics(centres: number[][], v: tf.Tensor): LossesAt {
  return (shared) =>
    tf.tidy(() => {
      const c = tf.tensor2d(centres).expandDims(0); // [1, T, P]
      const own = tf.sum(tf.square(v), 1).expandDims(0); // [1, T]
      return tf.add<tf.Tensor2D>(tf.sum(tf.square(tf.sub(shared, c)), 2), own);
    });
}

const sq = (v: number[]) => v.reduce((s, x) => s + x * x, 0);

/** Closed form: g_j = 2(θ − c_j), θ' = θ − 2η(θ − c_j), Z_ij = 1 − L_i(θ') / L_i(θ). */
function closedForm(theta: number[], centres: number[][], own: number[][], lr: number): number[][] {
  const loss = (x: number[], i: number) => sq(x.map((v, k) => v - (centres[i]?.[k] ?? 0))) + sq(own[i] ?? []);
  return centres.map((_, i) =>
    centres.map((cj) => {
      const stepped = theta.map((v, k) => v - 2 * lr * (v - (cj[k] ?? 0)));
      return 1 - loss(stepped, i) / loss(theta, i);
    }),
  );
}

/** G [R, T, P] of the quadratics: 2(θ_r − c_t). */
const quadraticGrads = (thetas: number[][], centres: number[][]): tf.Tensor3D =>
  tf.tensor3d(thetas.map((th) => centres.map((c) => th.map((v, k) => 2 * (v - (c[k] ?? 0))))));

describe('lookaheadAffinity', () => {
  it('matches the closed form on quadratics (3 tasks, 2 replicas); task parameters stay put', async () => {
    const centres = [
      [1, 0],
      [0.5, 0.5],
      [-1, 2],
    ];
    const own = [
      [0.3, 0],
      [0, 0.2],
      [0.1, 0.1],
    ];
    const thetas = [
      [0.2, -0.4],
      [2, 1],
    ];
    const lr = 0.1;
    const theta = tf.tensor2d(thetas);
    const v = tf.tensor2d(own);
    const grads = quadraticGrads(thetas, centres);
    const before = tf.memory().numTensors;
    const z = lookaheadAffinity(quadratics(centres, v), theta, grads, lr);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(z.shape).toEqual([2, 3, 3]);
    const values = await z.array();
    thetas.forEach((th, r) =>
      closedForm(th, centres, own, lr).forEach((row, i) =>
        row.forEach((expected, j) => expect(values[r]?.[i]?.[j]).toBeCloseTo(expected, 5)),
      ),
    );
    // By hand, replica 0, i = j = 0: θ − c_0 = (−0.8, −0.4), θ' − c_0 = 0.8·(−0.8, −0.4);
    // L = 0.8 + 0.09, L' = 0.64·0.8 + 0.09: Z = 1 − 0.602/0.89.
    expect(values[0]?.[0]?.[0]).toBeCloseTo(1 - 0.602 / 0.89, 5);
    tf.dispose([theta, v, grads, z]);
  });

  it('aligned tasks help each other (Z > 0), opposed tasks hurt (Z < 0); aligned pairs are symmetric', async () => {
    // θ = 0; tasks 0 and 1 pull towards the same point, task 2 the opposite way.
    const centres = [
      [1, 1],
      [1, 1],
      [-1, -1],
    ];
    const theta = tf.tensor2d([[0, 0]]);
    const v = tf.zeros([3, 2]); // no task-specific part
    const grads = quadraticGrads([[0, 0]], centres);
    const z = lookaheadAffinity(quadratics(centres, v), theta, grads, 0.1);
    const Z = (await z.array())[0] ?? [];
    expect(Z[0]?.[1]).toBeGreaterThan(0);
    expect(Z[0]?.[1]).toBeCloseTo(Z[1]?.[0] ?? NaN, 6);
    expect(Z[0]?.[1]).toBeCloseTo(Z[0]?.[0] ?? NaN, 6); // the same gradient: the same help
    expect(Z[0]?.[2]).toBeLessThan(0);
    expect(Z[2]?.[0]).toBeLessThan(0);
    // By hand: θ' = 0.2 c_j; L_0 = 2; step on 0: |0.8 c_0|² = 1.28 -> 0.36; step on 2: |1.2 c_0|² -> −0.44.
    expect(Z[0]?.[0]).toBeCloseTo(0.36, 5);
    expect(Z[0]?.[2]).toBeCloseTo(-0.44, 5);
    tf.dispose([theta, v, grads, z]);
  });

  it('uses given base losses instead of a forward pass at θ; a zero loss gives a 0 row', async () => {
    const centres = [
      [1, 0],
      [0, 0],
    ];
    const theta = tf.tensor2d([[0, 0]]);
    const v = tf.zeros([2, 2]);
    const grads = quadraticGrads([[0, 0]], centres);
    const base = tf.tensor2d([[2, 0]]); // deliberately not L(θ) = (1, 0) for task 0
    const z = lookaheadAffinity(quadratics(centres, v), theta, grads, 0.25, base);
    const Z = (await z.array())[0] ?? [];
    // Step on task 0: θ' = (0.5, 0), L_0' = 0.25, Z = 1 − 0.25/2; step on task 1 (g = 0): Z = 1 − 1/2.
    expect(Z[0]?.[0]).toBeCloseTo(1 - 0.25 / 2, 6);
    expect(Z[0]?.[1]).toBeCloseTo(0.5, 6);
    Z[1]?.forEach((x) => expect(x).toBe(0));
    tf.dispose([theta, v, grads, base, z]);
  });

  it('on a real network, for a small step, Z[i][j] ≈ η g_i·g_j / L_i (first order)', async () => {
    const config = parseConfig({ task: { id: 'sinusoids', params: { numTasks: 3 } }, batchSize: 32 });
    const model = buildModel(config, new Rng(5));
    const theta = tf.tensor2d(model.initialShared, [model.replicas, model.numShared]);
    const taskVars = model.taskParams.map((p) => tf.tensor(p.init, p.shape));
    const batch = model.nextBatch({ step: 0 });
    const g = computeTaskGradients('stacked', model, theta, taskVars, batch);
    const lr = 1e-4; // small enough that the second-order term is a few per cent
    const lossesAt = (shared: tf.Tensor3D) => model.losses(shared, taskVars, batch);
    const z = lookaheadAffinity(lossesAt, theta, g.shared, lr);
    const zGiven = lookaheadAffinity(lossesAt, theta, g.shared, lr, g.losses);
    const firstOrder = tf.tidy(() =>
      tf.div(tf.mul(lr, tf.matMul(g.shared, g.shared, false, true)), g.losses.expandDims(2)),
    );
    const [Z, Zg, F] = (await Promise.all([z.array(), zGiven.array(), firstOrder.array()])) as number[][][][];
    const scale = Math.max(...(F?.flat(2) ?? []).map(Math.abs));
    expect(scale).toBeGreaterThan(1e-2);
    F?.[0]?.forEach((row, i) =>
      row.forEach((f, j) => {
        expect(Math.abs((Z?.[0]?.[i]?.[j] ?? NaN) - f)).toBeLessThan(0.05 * scale);
        expect(Zg?.[0]?.[i]?.[j]).toBeCloseTo(Z?.[0]?.[i]?.[j] ?? NaN, 4);
      }),
    );
    tf.dispose([theta, ...taskVars, g.losses, g.shared, ...g.taskParams, z, zGiven, firstOrder]);
    if (batch) tf.dispose([batch.x, batch.y, ...(batch.weights ? [batch.weights] : [])]);
    model.dispose();
  });
});

describe('AffinityAverage', () => {
  it('samples every k steps, keeps the mean and the last sample, snapshots and frees its state', async () => {
    const baseline = tf.memory().numTensors;
    const avg = new AffinityAverage(1, 2, 3);
    expect([0, 1, 2, 3, 6, 7].map((s) => avg.due(s))).toEqual([true, false, false, true, true, false]);
    const off = new AffinityAverage(1, 2, 0);
    expect([0, 1, 5].map((s) => off.due(s))).toEqual([false, false, false]); // 0 = never
    off.dispose();
    const empty = avg.mean();
    expect(Array.from(await empty.data())).toEqual([0, 0, 0, 0]);
    empty.dispose();
    for (const z of [
      [0.1, -0.2, 0.3, 0.5],
      [0.3, 0.0, -0.1, 0.1],
    ]) {
      const t = tf.tensor3d(z, [1, 2, 2]);
      avg.add(t);
      t.dispose();
    }
    expect(avg.count).toBe(2);
    const [mean, last] = [avg.mean(), avg.last()];
    [0.2, -0.1, 0.1, 0.3].forEach((v, k) => expect(mean.dataSync()[k]).toBeCloseTo(v, 6));
    [0.3, 0.0, -0.1, 0.1].forEach((v, k) => expect(last.dataSync()[k]).toBeCloseTo(v, 6));
    tf.dispose([mean, last]);
    // A fresh accumulator restored from a JSON snapshot has the same mean and count.
    const rng = new Rng(1);
    const snap = JSON.parse(
      JSON.stringify(await snapshotMethod('affinity', avg.state, rng)),
    ) as MethodSnapshot;
    const resumed = new AffinityAverage(1, 2, 3);
    restoreMethod('affinity', resumed.state, new Rng(2), snap);
    expect(resumed.count).toBe(2);
    const m2 = resumed.mean();
    [0.2, -0.1, 0.1, 0.3].forEach((v, k) => expect(m2.dataSync()[k]).toBeCloseTo(v, 6));
    m2.dispose();
    resumed.dispose();
    avg.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
