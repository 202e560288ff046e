/**
 * Gradient contract for every registered architecture: the stacked-gradient trick (θ tiled to [T, P],
 * loss Σ_t L_t: row t of the gradient equals ∇θ L_t computed with S = 1), task-specific slices touched
 * only by their own task, and the representation probe against central finite differences.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { B, CASES, O, buildEntry, dimsFor, forwardFlat, normalTensor, taskLosses } from './testing';

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());
const expectClose = (a: number[], b: number[], tol = 1e-5) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - (b[i] ?? NaN))).toBeLessThanOrEqual(tol * (1 + Math.abs(v))));
};

describe.each(CASES)('$name', ({ entry: e, params }) => {
  it.each([
    [2, 1],
    [3, 1],
    [3, 3],
  ])('%i tasks, Sx = %i: stacked gradient row t = ∇θ L_t; task slices see only their task', (T, Sx) => {
    const b = buildEntry(e, params, dimsFor(e, T));
    const O2 = dimsFor(e, T).outputDim;
    tf.tidy(() => {
      const x = normalTensor([Sx, B, dimsFor(e, 2).inputDim], 11) as tf.Tensor3D;
      const y = normalTensor([T, B, O2], 12) as tf.Tensor3D;
      const tiled = tf.tile<tf.Tensor2D>(b.theta, [T, 1]);
      // With nothing shared (P = 0) θ is off the path and tf.grads would refuse it: task parameters only.
      const hasShared = b.built.shared.length > 0;
      const gradsOf = (theta: tf.Tensor2D, loss: (out: tf.Tensor3D) => tf.Scalar) => {
        const f = (th: tf.Tensor, ...tp: tf.Tensor[]) => loss(forwardFlat(b, th as tf.Tensor2D, x, tp));
        if (hasShared) return tf.grads(f)([theta, ...b.taskParams]);
        return [tf.zeros(theta.shape), ...tf.grads((...tp: tf.Tensor[]) => f(theta, ...tp))(b.taskParams)];
      };
      const [G, ...taskG] = gradsOf(tiled, (out) => tf.sum(taskLosses(out, y)));
      expect(G?.shape).toEqual(tiled.shape);
      for (let t = 0; t < T; t++) {
        const [g, ...tg] = gradsOf(b.theta, (out) => taskLosses(out, y).slice([t], [1]).sum());
        const row = values((G as tf.Tensor).slice([t, 0], [1, -1]));
        expectClose(row, values(g as tf.Tensor));
        if (hasShared) expect(row.some((v) => v !== 0)).toBe(true);
        expect(tg.length).toBe(b.taskParams.length);
        tg.forEach((gt, i) => {
          const own = (tensor: tf.Tensor, s: number) => values(tensor.slice(s, 1));
          // Slice t of the summed loss's gradient is task t's own; other slices get nothing from L_t.
          expectClose(own(taskG[i] as tf.Tensor, t), own(gt, t));
          expect(own(gt, t).some((v) => v !== 0)).toBe(true);
          for (let s = 0; s < T; s++) if (s !== t) expect(own(gt, s).every((v) => v === 0)).toBe(true);
        });
      }
    });
    b.dispose();
  });
});

describe.each(CASES.filter((c) => c.entry.group !== 'point'))(
  '$name: representation probe',
  ({ entry: e, params }) => {
    it('probe gradients are [T, B, Z] and match central finite differences', () => {
      const T = 2;
      const b = buildEntry(e, params, dimsFor(e, T));
      const Z = b.built.representationSize;
      if (Z === undefined) {
        b.dispose();
        return;
      }
      tf.tidy(() => {
        const x = normalTensor([1, B, dimsFor(e, 2).inputDim], 21) as tf.Tensor3D;
        const y = normalTensor([T, B, O], 22) as tf.Tensor3D;
        const loss = (p: tf.Tensor) =>
          tf.sum(taskLosses(forwardFlat(b, b.theta, x, b.taskParams, p as tf.Tensor3D), y));
        const zeros = tf.zeros([T, B, Z]);
        expect(values(forwardFlat(b, b.theta, x, b.taskParams, zeros as tf.Tensor3D))).toEqual(
          values(forwardFlat(b, b.theta, x)),
        );
        const g = tf.grad(loss)(zeros);
        expect(g.shape).toEqual([T, B, Z]);
        const grad = values(g);
        expect(grad.some((v) => v !== 0)).toBe(true);
        const eps = 1e-2;
        for (const k of [0, 1, Z + 2, B * Z + 3, T * B * Z - 1]) {
          const bump = (sign: number) => {
            const d = new Float32Array(T * B * Z);
            d[k] = sign * eps;
            return loss(tf.tensor3d(d, [T, B, Z])).dataSync()[0] ?? NaN;
          };
          const fd = (bump(1) - bump(-1)) / (2 * eps);
          expect(Math.abs(fd - (grad[k] ?? NaN))).toBeLessThan(1e-3 + 1e-2 * Math.abs(fd));
        }
      });
      b.dispose();
    });
  },
);
