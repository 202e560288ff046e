/**
 * The contract every registered architecture meets (types.ts): a consistent declared layout, shapes for
 * shared and per-task inputs, finite outputs, S = T copies equal to S = 1, determinism under a seed and no
 * tensor leak. Gradients are checked in gradients.test.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURES, findArchitecture } from './registry';
import { B, CASES, buildEntry, dimsFor, forwardFlat, normalTensor, withDefaults } from './testing';

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());

describe('architecture registry', () => {
  it('unique lowercase ids, documented parameters, defaults that pass check()', () => {
    expect(new Set(ARCHITECTURES.map((a) => a.id)).size).toBe(ARCHITECTURES.length);
    for (const a of ARCHITECTURES) {
      expect(a.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(findArchitecture(a.id)).toBe(a);
      expect(a.summary.length).toBeGreaterThan(20);
      expect(a.citation).toMatch(/\d{4}/);
      for (const spec of Object.values(a.params)) {
        expect(spec.label.length).toBeGreaterThan(2);
        expect(spec.help.length).toBeGreaterThan(10);
      }
      expect(a.check?.(withDefaults(a), { numTasks: 2 }) ?? []).toEqual([]);
    }
    expect(findArchitecture('nope')).toBeUndefined();
  });
});

describe.each(CASES)('$name', ({ entry: e, params }) => {
  it.each([2, 3])('%i tasks: declared layout is consistent', (T) => {
    const { built, dispose } = buildEntry(e, params, dimsFor(e, T));
    const names = [...built.shared, ...built.taskParams].map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of built.shared) {
      expect(s.init.length).toBe(s.shape.reduce((a, b) => a * b, 1));
      expect(s.layer.length).toBeGreaterThan(0);
    }
    for (const p of built.taskParams) {
      expect(p.shape[0]).toBe(T);
      expect(p.init.length).toBe(p.shape.reduce((a, b) => a * b, 1));
    }
    dispose();
  });

  it.each([2, 3])('%i tasks: shapes [T, B, O] for Sx = 1 and Sx = T, finite, S = T equals S = 1', (T) => {
    const b = buildEntry(e, params, dimsFor(e, T));
    const O2 = dimsFor(e, T).outputDim;
    for (const Sx of [1, T]) {
      tf.tidy(() => {
        const x = normalTensor([Sx, B, dimsFor(e, 2).inputDim], 7 + Sx) as tf.Tensor3D;
        const single = forwardFlat(b, b.theta, x);
        expect(single.shape).toEqual([T, B, O2]);
        values(single).forEach((v) => expect(Number.isFinite(v)).toBe(true));
        const tiled = tf.tile<tf.Tensor2D>(b.theta, [T, 1]);
        expect(values(forwardFlat(b, tiled, x))).toEqual(values(single));
      });
    }
    b.dispose();
  });

  it('is deterministic under a seed', () => {
    const dims = dimsFor(e, 2);
    const [a, b, c] = [1, 1, 2].map((seed) => buildEntry(e, params, dims, seed)) as [
      ReturnType<typeof buildEntry>,
      ReturnType<typeof buildEntry>,
      ReturnType<typeof buildEntry>,
    ];
    expect(b.built.shared).toEqual(a.built.shared);
    expect(b.built.taskParams).toEqual(a.built.taskParams);
    const inits = (x: typeof a) =>
      [...x.built.shared, ...x.built.taskParams].flatMap((p) => Array.from(p.init));
    // The point model's θ is zeros by design; every network draws its weights from the seed.
    if (e.group !== 'point') expect(inits(c)).not.toEqual(inits(a));
    tf.tidy(() => {
      const x = normalTensor([1, B, dimsFor(e, 2).inputDim], 3) as tf.Tensor3D;
      expect(values(forwardFlat(b, b.theta, x))).toEqual(values(forwardFlat(a, a.theta, x)));
    });
    [a, b, c].forEach((x) => x.dispose());
  });

  it('leaks no tensor across repeated forward and backward passes', () => {
    const T = 2;
    const b = buildEntry(e, params, dimsFor(e, T));
    const x = normalTensor([T, B, dimsFor(e, 2).inputDim], 5) as tf.Tensor3D;
    const run = () =>
      tf.tidy(() => {
        const tiled = tf.tile<tf.Tensor2D>(b.theta, [T, 1]);
        forwardFlat(b, b.theta, x);
        const loss = (...tp: tf.Tensor[]) => tf.sum(forwardFlat(b, tiled, x, tp));
        if (b.taskParams.length > 0) tf.grads(loss)(b.taskParams);
        if (b.built.shared.length > 0)
          tf.grad((th: tf.Tensor) => tf.sum(forwardFlat(b, th as tf.Tensor2D, x)))(tiled);
      });
    run(); // first call may allocate lazily (e.g. backend constants)
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) run();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    b.dispose();
  });
});
