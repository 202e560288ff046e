/**
 * CGC: with no task experts it is MMoE; with the gates forced onto each task's own expert it is a set of
 * independent nets. (The float64 reference of ple.test.ts covers the general case, levels = 1.)
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { cgc } from './cgc';
import { layerSharing } from './layer-sharing';
import { mmoe } from './mmoe';
import { buildEntry, forwardFlat, normalTensor, withDefaults, type Built } from './testing';

const T = 3;
const dims = { numTasks: T, inputDim: 4, outputDim: 2 };
const shapes = (ps: { shape: number[] }[]) => ps.map((p) => p.shape);

/** Forward of `b` with the values of `from`, parameter by parameter in declaration order (same shapes). */
function forwardWith(b: Built, from: Built, x: tf.Tensor3D) {
  const taskParams = from.taskParams.map((p, i) => p.reshape(b.built.taskParams[i]?.shape ?? []));
  return forwardFlat(b, from.theta, x, taskParams);
}

describe('cgc', () => {
  it.each([1, T])('with no task experts equals MMoE with the same weights (Sx = %i)', (Sx) => {
    const common = { expertWidths: [6, 5], activation: 'tanh', headLayers: 1 };
    const c = buildEntry(cgc, withDefaults(cgc, { ...common, sharedExperts: 3, taskExperts: 0 }), dims, 1);
    const m = buildEntry(mmoe, withDefaults(mmoe, { ...common, experts: 3 }), dims, 2);
    expect(shapes(c.built.shared)).toEqual(shapes(m.built.shared));
    expect(shapes(c.built.taskParams)).toEqual(shapes(m.built.taskParams));
    tf.tidy(() => {
      const x = normalTensor([Sx, 7, 4], 5) as tf.Tensor3D;
      const want = forwardFlat(m, m.theta, x).dataSync();
      const got = forwardWith(c, m, x).dataSync();
      got.forEach((v, i) => expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThan(1e-6));
      // And not by accident: CGC's own weights give other outputs.
      const own = forwardFlat(c, c.theta, x).dataSync();
      expect(own.some((v, i) => Math.abs(v - (want[i] ?? NaN)) > 1e-3)).toBe(true);
    });
    [c, m].forEach((b) => b.dispose());
  });

  it.each([1, T])('with every gate saturated on its own expert it is independent nets (Sx = %i)', (Sx) => {
    const c = buildEntry(
      cgc,
      withDefaults(cgc, { sharedExperts: 2, taskExperts: 1, expertWidths: [6] }),
      dims,
      1,
    );
    const nets = buildEntry(
      layerSharing,
      withDefaults(layerSharing, { widths: [6], shared: [false] }),
      dims,
      2,
    );
    tf.tidy(() => {
      const x = normalTensor([Sx, 7, 4], 6) as tf.Tensor3D;
      const tp = (name: string) =>
        c.taskParams[c.built.taskParams.findIndex((p) => p.name === name)] as tf.Tensor;
      // Independent nets with CGC's own experts as their layers and CGC's heads.
      const want = forwardFlat(nets, nets.theta, x, [
        tp('own.layer1.kernel').reshape([T, 4, 6]),
        tp('own.layer1.bias').reshape([T, 6]),
        tp('head.out.kernel'),
        tp('head.out.bias'),
      ]).dataSync();
      // Gate logits: 0 from x, -50 for the two shared experts, +50 for the task's own.
      const forced = c.built.taskParams.map((p, i) => {
        const v = c.taskParams[i] as tf.Tensor;
        if (p.name === 'gate.kernel') return tf.zerosLike(v);
        if (p.name === 'gate.bias') return tf.tile(tf.tensor2d([[-50, -50, 50]]), [T, 1]);
        return v;
      });
      const got = forwardFlat(c, c.theta, x, forced).dataSync();
      got.forEach((v, i) => expect(Math.abs(v - (want[i] ?? NaN))).toBeLessThan(1e-6));
    });
    [c, nets].forEach((b) => b.dispose());
  });

  it('shared experts in θ, own experts and gates per task; representation Es·H', () => {
    const b = buildEntry(
      cgc,
      withDefaults(cgc, { sharedExperts: 2, taskExperts: 3, expertWidths: [5] }),
      dims,
    );
    expect(b.built.shared.map((s) => [s.name, s.layer, s.shape])).toEqual([
      ['shared.layer1.kernel', 'shared experts layer 1', [2, 4, 5]],
      ['shared.layer1.bias', 'shared experts layer 1', [2, 5]],
    ]);
    expect(b.built.taskParams.map((p) => [p.name, p.shape])).toEqual([
      ['own.layer1.kernel', [T, 3, 4, 5]],
      ['own.layer1.bias', [T, 3, 5]],
      ['gate.kernel', [T, 4, 5]],
      ['gate.bias', [T, 5]],
      ['head.out.kernel', [T, 5, 2]],
      ['head.out.bias', [T, 2]],
    ]);
    expect(b.built.representationSize).toBe(10);
    b.dispose();
  });
});
