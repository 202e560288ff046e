/** MMoE: gates are distributions over experts, and the output is a convex mix of the experts. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { packShared, unpackShared } from './layout';
import { gateWeights, mmoe } from './mmoe';
import { buildEntry, forwardFlat, normalTensor, taskLosses, withDefaults } from './testing';

const T = 3;
const dims = { numTasks: T, inputDim: 4, outputDim: 2 };
const build = (experts: number, seed: number) =>
  mmoe.build(withDefaults(mmoe, { experts, expertWidths: [6], headLayers: 1 }), {
    ...dims,
    rng: new Rng(seed),
  });

describe('mmoe', () => {
  it.each([1, T])('gate weights are [T, B, E], non-negative and sum to 1 per sample (Sx = %i)', (Sx) => {
    const built = build(4, 1);
    tf.tidy(() => {
      const [kernel, bias] = ['gate.kernel', 'gate.bias'].map((name) => {
        const p = built.taskParams.find((q) => q.name === name);
        if (!p) throw new Error(`no ${name}`);
        return tf.tensor(p.init, p.shape).add(normalTensor(p.shape, 9));
      }) as [tf.Tensor, tf.Tensor];
      const g = gateWeights(normalTensor([Sx, 7, 4], 2) as tf.Tensor3D, kernel, bias);
      expect(g.shape).toEqual([T, 7, 4]);
      expect(Array.from(g.dataSync()).every((v) => v >= 0)).toBe(true);
      Array.from(g.sum(2).dataSync()).forEach((s) => expect(Math.abs(s - 1)).toBeLessThan(1e-6));
      // Not uniform: the gates do depend on the sample and the task.
      expect(Array.from(g.dataSync()).some((v) => Math.abs(v - 0.25) > 0.05)).toBe(true);
    });
  });

  it('identical experts give the single-expert output whatever the gates say', () => {
    const three = build(3, 1);
    const one = build(1, 2);
    tf.tidy(() => {
      const x = normalTensor([1, 7, 4], 3) as tf.Tensor3D;
      // θ of three copies of the single expert: each [1, ...] segment tiled to [3, ...].
      const tiled = one.shared.flatMap((s) => [...s.init, ...s.init, ...s.init]);
      const forward = (built: typeof one, flat: number[], headsFrom: typeof one) => {
        const shared = unpackShared(tf.tensor2d(flat, [1, flat.length]), built.shared);
        const taskParams = built.taskParams.map((p) => {
          const source = p.name.startsWith('head.') ? headsFrom.taskParams.find((q) => q.name === p.name) : p;
          return tf.tensor(source?.init ?? new Float32Array(), p.shape);
        });
        return Array.from(built.forward({ shared, taskParams, x }).dataSync());
      };
      const reference = forward(one, Array.from(packShared(one.shared)), one);
      const mixed = forward(three, tiled, one);
      mixed.forEach((v, i) => expect(Math.abs(v - (reference[i] ?? NaN))).toBeLessThan(1e-5));
      const ownExperts = forward(three, Array.from(packShared(three.shared)), one);
      expect(ownExperts.some((v, i) => Math.abs(v - (reference[i] ?? NaN)) > 1e-3)).toBe(true);
    });
  });

  it('the probe sits on the expert outputs, laid out [T, B, E·H] expert by expert', () => {
    const b = buildEntry(mmoe, withDefaults(mmoe, { experts: 3, expertWidths: [6] }), dims);
    tf.tidy(() => {
      const x = normalTensor([1, 7, 4], 4) as tf.Tensor3D;
      const y = normalTensor([T, 7, 2], 5) as tf.Tensor3D;
      const loss = (p: tf.Tensor) =>
        tf.sum(taskLosses(forwardFlat(b, b.theta, x, b.taskParams, p as tf.Tensor3D), y));
      const got = tf.grad(loss)(tf.zeros([T, 7, 18]));
      const named = (name: string) =>
        b.taskParams[b.built.taskParams.findIndex((p) => p.name === name)] as tf.Tensor;
      // dL/d(expert e's output) = gate_e · dL/d(mixed) and dL/d(mixed) = dL/dout · W_headᵀ (linear head).
      const dOut = tf.mul(tf.sub(forwardFlat(b, b.theta, x), y), 2 / (7 * 2));
      const dMixed = tf.matMul(dOut, named('head.out.kernel'), false, true);
      const gates = gateWeights(x, named('gate.kernel'), named('gate.bias'));
      const expected = tf.mul(gates.expandDims(3), dMixed.expandDims(2)).reshape([T, 7, 18]);
      expect(tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0]).toBeLessThan(1e-6);
    });
    b.dispose();
  });

  it('the representation is the stacked expert outputs, E·H per sample', () => {
    expect(build(3, 1).representationSize).toBe(18);
    expect(mmoe.build(withDefaults(mmoe), { ...dims, rng: new Rng(1) }).representationSize).toBe(4 * 32);
  });
});
