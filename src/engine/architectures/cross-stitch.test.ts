/** Cross-stitch: α = identity is exactly independent columns; the paper's near-identity init mixes them. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { crossStitch, stitchInit } from './cross-stitch';
import { layerSharing } from './layer-sharing';
import { packShared, unpackShared } from './layout';
import { normalTensor, withDefaults } from './testing';
import type { ArchitectureEntry, BuiltArchitecture } from './types';

const T = 3;
const dims = { numTasks: T, inputDim: 4, outputDim: 2, rng: new Rng(0) };
const common = { widths: [6, 5], activation: 'tanh', headLayers: 1, headWidth: 3 };

/** Run a built architecture on its own init (no perturbation: α must stay exactly as initialised). */
function run(built: BuiltArchitecture, x: tf.Tensor3D, taskParams?: tf.Tensor[]): number[] {
  return tf.tidy(() => {
    const flat = packShared(built.shared);
    const shared = unpackShared(tf.tensor2d(flat, [1, flat.length]), built.shared);
    const tp = taskParams ?? built.taskParams.map((p) => tf.tensor(p.init, p.shape));
    return Array.from(built.forward({ shared, taskParams: tp, x }).dataSync());
  });
}

const build = (entry: ArchitectureEntry, extra: Record<string, number | boolean[]>, seed: number) =>
  entry.build(withDefaults(entry, { ...common, ...extra }), { ...dims, rng: new Rng(seed) });

describe('cross-stitch', () => {
  it('α starts near identity with rows summing to 1', () => {
    expect(Array.from(stitchInit(3, 0.9)).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([
      0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9,
    ]);
    expect(Array.from(stitchInit(1, 0.9))).toEqual([1]);
  });

  it.each([1, T])('with α = identity it equals independent nets with the same weights (Sx = %i)', (Sx) => {
    const stitched = build(crossStitch, { alphaDiagonal: 1 }, 1);
    const mixing = build(crossStitch, { alphaDiagonal: 0.9 }, 1);
    const independent = build(layerSharing, { shared: [false, false] }, 2);
    const x = normalTensor([Sx, 7, 4], 5) as tf.Tensor3D;
    // Independent nets' per-task layers take the columns' weights; heads are named alike in both.
    const byName = new Map(
      [...stitched.shared, ...stitched.taskParams].map((p) => [p.name.replace(/^column\./, ''), p]),
    );
    const taskParams = independent.taskParams.map((p) => {
      const source = byName.get(p.name);
      expect(source?.shape).toEqual(p.shape);
      return tf.tensor(source?.init ?? new Float32Array(), p.shape);
    });
    const reference = run(independent, x, taskParams);
    const got = run(stitched, x);
    got.forEach((v, i) => expect(Math.abs(v - (reference[i] ?? NaN))).toBeLessThan(1e-6));
    // The near-identity init does mix the columns: the test can tell the two apart.
    expect(run(mixing, x).some((v, i) => Math.abs(v - (reference[i] ?? NaN)) > 1e-4)).toBe(true);
    tf.dispose([x, ...taskParams]);
  });

  it('puts every column and α in θ, only the heads in the task parameters', () => {
    const built = build(crossStitch, {}, 1);
    expect(built.shared.map((s) => s.name)).toEqual([
      'column.layer1.kernel',
      'column.layer1.bias',
      'stitch1.alpha',
      'column.layer2.kernel',
      'column.layer2.bias',
      'stitch2.alpha',
    ]);
    expect(built.taskParams.every((p) => p.name.startsWith('head.'))).toBe(true);
    expect(built.representationSize).toBeUndefined();
    expect(crossStitch.stackedCost).toBe('quadratic');
  });
});
