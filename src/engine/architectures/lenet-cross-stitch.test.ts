/**
 * The convolutional trunk with cross-stitch units (lenet-cross-stitch.ts): the unit's mixing by hand on a
 * 2-task input, α = I equal to independent networks, the stacked-gradient contract (row t of the gradient
 * of Σ L_t over T copies of θ is ∇θ L_t), S = T equal to S = 1, θ's layout, and the diagram's counts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { lenet } from './lenet';
import { crossStitch } from './lenet-cross-stitch';
import { packShared, unpackShared } from './layout';
import { buildEntry, forwardFlat, normalTensor, taskLosses, withDefaults } from './testing';
import type { BuiltArchitecture } from './types';

const small = { channels: [2, 3], kernel: 3, denseWidth: 4 };
const stitched = (extra: Record<string, unknown> = {}) =>
  withDefaults(lenet, { ...small, mixing: 'cross-stitch', ...extra });
const dims = (numTasks: number) => ({ numTasks, inputDim: 16 * 16, outputDim: 2 });
const values = (t: tf.Tensor) => Array.from(t.dataSync());

/** Forward on the built network's own init (α exactly as initialised). */
function run(built: BuiltArchitecture, x: tf.Tensor3D, taskParams?: tf.Tensor[]): number[] {
  return tf.tidy(() => {
    const flat = packShared(built.shared);
    const shared = unpackShared(tf.tensor2d(flat, [1, flat.length]), built.shared);
    const tp = taskParams ?? built.taskParams.map((p) => tf.tensor(p.init, p.shape));
    return values(built.forward({ shared, taskParams: tp, x }));
  });
}

describe('lenet with cross-stitch mixing', () => {
  it('mixes two tasks’ streams by α, per copy (hand-computed)', () => {
    tf.tidy(() => {
      // Copy 0: task streams a = [1, 2], b = [10, 20]; copy 1: [3, 4] and [30, 40] (shape [2] each).
      const streams = [
        [tf.tensor1d([1, 2]), tf.tensor1d([10, 20])],
        [tf.tensor1d([3, 4]), tf.tensor1d([30, 40])],
      ];
      // Copy 0's α [[0.9, 0.1], [0.2, 0.8]]; copy 1's identity.
      const alpha = tf.tensor3d([0.9, 0.1, 0.2, 0.8, 1, 0, 0, 1], [2, 2, 2]);
      const out = crossStitch(streams, alpha).map((row) => row.map(values));
      // Row t of α weighs the streams into stream t: 0.9·1 + 0.1·10 = 1.9, 0.9·2 + 0.1·20 = 3.8;
      // 0.2·1 + 0.8·10 = 8.2, 0.2·2 + 0.8·20 = 16.4. Copy 1 is left as it was.
      const expected = [
        [
          [1.9, 3.8],
          [8.2, 16.4],
        ],
        [
          [3, 4],
          [30, 40],
        ],
      ];
      out.flat(2).forEach((v, i) => expect(v).toBeCloseTo(expected.flat(2)[i] as number, 5));
      // One α for every copy (S = 1) broadcasts: copy 1, task 0 is 0.9·3 + 0.1·30 = 5.7, 0.9·4 + 0.1·40 = 7.6.
      const one = crossStitch(streams, alpha.slice<tf.Tensor3D>(0, 1)).map((row) => row.map(values));
      expect(one[1]?.[0]?.map((v) => Math.round(v * 10) / 10)).toEqual([5.7, 7.6]);
    });
  });

  it.each([1, 2])('with α = I equals independent networks with the same weights (Sx = %i)', (Sx) => {
    const cs = lenet.build(stitched({ alphaDiagonal: 1 }), { ...dims(2), rng: new Rng(1) });
    const mixing = lenet.build(stitched({ alphaDiagonal: 0.9 }), { ...dims(2), rng: new Rng(1) });
    const independent = lenet.build(withDefaults(lenet, { ...small, shared: [false, false, false] }), {
      ...dims(2),
      rng: new Rng(2),
    });
    const byName = new Map([...cs.shared, ...cs.taskParams].map((p) => [p.name.replace(/^column\./, ''), p]));
    const x = normalTensor([Sx, 3, 16 * 16], 5) as tf.Tensor3D;
    const taskParams = independent.taskParams.map((p) => {
      const source = byName.get(p.name);
      expect(source?.shape).toEqual(p.shape);
      return tf.tensor(source?.init ?? new Float32Array(), p.shape);
    });
    const reference = run(independent, x, taskParams);
    run(cs, x).forEach((v, i) => expect(Math.abs(v - (reference[i] ?? NaN))).toBeLessThan(1e-5));
    expect(run(mixing, x).some((v, i) => Math.abs(v - (reference[i] ?? NaN)) > 1e-4)).toBe(true);
    tf.dispose([x, ...taskParams]);
  });

  it.each([
    [2, 1],
    [2, 2],
    [3, 3],
  ])('%i tasks, Sx = %i: stacked gradient row t = ∇θ L_t, and S = T gives S = 1’s outputs', (T, Sx) => {
    const b = buildEntry(lenet, stitched({ headLayers: 1, headWidth: 3 }), dims(T));
    tf.tidy(() => {
      const x = normalTensor([Sx, 4, 16 * 16], 11) as tf.Tensor3D;
      const y = normalTensor([T, 4, 2], 12) as tf.Tensor3D;
      const tiled = tf.tile<tf.Tensor2D>(b.theta, [T, 1]);
      expect(values(forwardFlat(b, tiled, x))).toEqual(values(forwardFlat(b, b.theta, x)));
      const gradsOf = (theta: tf.Tensor2D, loss: (out: tf.Tensor3D) => tf.Scalar) =>
        tf.grads((th: tf.Tensor, ...tp: tf.Tensor[]) => loss(forwardFlat(b, th as tf.Tensor2D, x, tp)))([
          theta,
          ...b.taskParams,
        ]);
      const [G] = gradsOf(tiled, (out) => tf.sum(taskLosses(out, y)));
      for (let t = 0; t < T; t++) {
        const [g] = gradsOf(b.theta, (out) => taskLosses(out, y).slice([t], [1]).sum());
        const row = values((G as tf.Tensor).slice([t, 0], [1, -1]));
        const want = values(g as tf.Tensor);
        row.forEach((v, i) =>
          expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(v))),
        );
        // Every task's loss reaches every column and every α.
        expect(want.filter((v) => v !== 0).length).toBeGreaterThan(want.length / 2);
      }
    });
    b.dispose();
  });

  it('puts every column and α in θ under the cross-stitch layer names, only the heads per task', () => {
    const built = lenet.build(stitched(), { ...dims(2), rng: new Rng(1) });
    expect(built.shared.map((s) => `${s.name} ${s.layer} [${s.shape.join(',')}]`)).toEqual([
      'column.conv1.kernel layer 1 [2,3,3,1,2]',
      'column.conv1.bias layer 1 [2,2]',
      'stitch1.alpha stitch 1 [2,2]',
      'column.conv2.kernel layer 2 [2,3,3,2,3]',
      'column.conv2.bias layer 2 [2,3]',
      'stitch2.alpha stitch 2 [2,2]',
      // 16 -> (16 − 2) / 2 = 7 -> (7 − 2) / 2 = 2: 2 x 2 x 3 = 12 inputs to the dense layer.
      'column.dense.kernel layer 3 [2,12,4]',
      'column.dense.bias layer 3 [2,4]',
      'stitch3.alpha stitch 3 [2,2]',
    ]);
    expect(built.taskParams.every((p) => p.name.startsWith('head.'))).toBe(true);
    expect(built.representationSize).toBeUndefined();
  });

  it('draws columns and α rows, and every layer’s parameter count (the paper’s sizes on 28 x 28)', () => {
    const rows = lenet.diagram?.(withDefaults(lenet, { mixing: 'cross-stitch' }), 2) ?? [];
    expect(rows.map((r) => r.map((b) => `${b.kind}:${b.label}`).join(' '))).toEqual([
      'io:inputs',
      'task:10 task:10',
      'gate:cross-stitch α',
      'task:20 task:20',
      'gate:cross-stitch α',
      'task:50 task:50',
      'gate:cross-stitch α',
      'head:{task} head:{task}',
    ]);
    // conv 1: 5·5·1·10 + 10 = 260; conv 2: 5·5·10·20 + 20 = 5,020; 28 -> 12 -> 4, so the dense layer
    // reads 4·4·20 = 320 values: (320 + 1)·50 = 16,050.
    expect(rows[1]?.[0]?.title).toContain('260 parameters');
    expect(rows[3]?.[0]?.title).toContain('5,020 parameters');
    expect(rows[5]?.[0]?.title).toContain('16,050 parameters on 28 x 28 digits');
    const plain = lenet.diagram?.(withDefaults(lenet), 2) ?? [];
    expect(plain.slice(1, 4).map((r) => r[0]?.title.match(/\(([\d,]+) parameters/)?.[1])).toEqual([
      '260',
      '5,020',
      '16,050',
    ]);
  });
});
