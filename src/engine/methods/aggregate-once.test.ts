/**
 * aggregateOnce, the engine function behind `cli aggregate` and the gradient-geometry explorer: hand-checked
 * numbers, the seeded stream of a stochastic method (the same seed, the same answer), and no tensor left.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { validateParams } from '../params/validate';
import { aggregateOnce } from './aggregate-once';
import { findMethod } from './registry';

function input(id: string, grads: number[][], params: unknown = {}, seed = 1) {
  const method = findMethod(id);
  if (!method) throw new Error(id);
  const valid = validateParams(method.params, params, 'params');
  if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
  return {
    method,
    params: valid.value,
    grads: { rows: grads.length, cols: grads[0]?.length ?? 0, data: Float32Array.from(grads.flat()) },
    losses: grads.map(() => 1),
    seed,
  };
}

describe('aggregateOnce', () => {
  it('gives the hand-computed directions of EW, PCGrad and CAGrad with c = 0', async () => {
    const grads = [
      [1, 0],
      [-0.5, 1],
    ];
    const ew = await aggregateOnce(input('ew', grads));
    expect(Array.from(ew.direction)).toEqual([0.5, 1]);
    expect(Array.from(ew.weights)).toEqual([1, 1]);
    // g1 + 0.4 g2 plus g2 + 0.5 g1 = (0.8, 0.4) + (0, 1).
    const pcgrad = await aggregateOnce(input('pcgrad', grads));
    expect(pcgrad.direction[0]).toBeCloseTo(0.8, 6);
    expect(pcgrad.direction[1]).toBeCloseTo(1.4, 6);
    // c = 0: the mean gradient.
    const cagrad = await aggregateOnce(input('cagrad', grads, { c: 0 }));
    expect(cagrad.direction[0]).toBeCloseTo(0.25, 6);
    expect(cagrad.direction[1]).toBeCloseTo(0.5, 6);
  });

  it("draws a stochastic method's randomness from the seed: the same seed, the same answer", async () => {
    const grads = [
      [1, 0.2, -1],
      [-1, 1, 0.5],
      [0.3, -1, 1],
    ];
    const a = await aggregateOnce(input('graddrop', grads, {}, 5));
    const b = await aggregateOnce(input('graddrop', grads, {}, 5));
    expect(Array.from(a.direction)).toEqual(Array.from(b.direction));
  });

  it('leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    await aggregateOnce(
      input('nash-mtl', [
        [1, 0],
        [0, 2],
      ]),
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
