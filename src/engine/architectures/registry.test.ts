/**
 * The contract every registered architecture meets (types.ts): shapes for shared and per-task inputs,
 * finite outputs, determinism under a seed, S = T copies equal to S = 1, the stacked-gradient trick (row t
 * of ∇ Σ_t L_t with θ tiled = ∇ L_t), task-specific slices touched only by their own task, probe gradients
 * against finite differences, and no tensor leak.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { AnyParams } from '../params/spec';
import { ARCHITECTURES, findArchitecture } from './registry';
import { buildEntry, forwardFlat, normalTensor, taskLosses, withDefaults, type Dims } from './testing';
import type { ArchitectureEntry } from './types';

const B = 5;
const D = 4;
const O = 2;

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());
const expectClose = (a: number[], b: number[], tol = 1e-5) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - (b[i] ?? NaN))).toBeLessThanOrEqual(tol * (1 + Math.abs(v))));
};

const entry = (id: string): ArchitectureEntry => {
  const e = findArchitecture(id);
  if (!e) throw new Error(`no architecture ${id}`);
  return e;
};

/** Defaults plus variants that exercise masks, depth, heads and activations. */
const CASES: { name: string; entry: ArchitectureEntry; params: AnyParams }[] = [
  ...ARCHITECTURES.map((e) => ({ name: `${e.id} defaults`, entry: e, params: withDefaults(e) })),
  ...[
    [false, true],
    [false, false],
    [true, false],
  ].map((shared) => ({
    name: `layer-sharing ${JSON.stringify(shared)}`,
    entry: entry('layer-sharing'),
    params: withDefaults(entry('layer-sharing'), { widths: [6, 5], shared }),
  })),
  {
    name: 'layer-sharing deep, tanh, head layer',
    entry: entry('layer-sharing'),
    params: withDefaults(entry('layer-sharing'), {
      widths: [7, 6, 5],
      shared: [true, false, true],
      activation: 'tanh',
      headLayers: 1,
      headWidth: 3,
    }),
  },
  {
    name: 'cross-stitch elu, head layer',
    entry: entry('cross-stitch'),
    params: withDefaults(entry('cross-stitch'), { widths: [6, 5, 4], activation: 'elu', headLayers: 1 }),
  },
  {
    name: 'mmoe 3 deep experts, sigmoid',
    entry: entry('mmoe'),
    params: withDefaults(entry('mmoe'), {
      experts: 3,
      expertWidths: [6, 5],
      activation: 'sigmoid',
      headLayers: 2,
    }),
  },
];

const dimsFor = (e: ArchitectureEntry, numTasks: number): Dims => ({
  numTasks,
  inputDim: D,
  // The point model outputs θ itself.
  outputDim: e.group === 'point' ? D : O,
});

describe('architecture registry', () => {
  it('menu order, unique lowercase ids, documented parameters, defaults that pass check()', () => {
    expect(ARCHITECTURES.map((a) => a.id)).toEqual(['layer-sharing', 'cross-stitch', 'mmoe', 'point']);
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
        const x = normalTensor([Sx, B, D], 7 + Sx) as tf.Tensor3D;
        const single = forwardFlat(b, b.theta, x);
        expect(single.shape).toEqual([T, B, O2]);
        values(single).forEach((v) => expect(Number.isFinite(v)).toBe(true));
        const tiled = tf.tile(b.theta, [T, 1]) as tf.Tensor2D;
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
      const x = normalTensor([1, B, D], 3) as tf.Tensor3D;
      expect(values(forwardFlat(b, b.theta, x))).toEqual(values(forwardFlat(a, a.theta, x)));
    });
    [a, b, c].forEach((x) => x.dispose());
  });

  it.each([
    [2, 1],
    [3, 1],
    [3, 3],
  ])('%i tasks, Sx = %i: stacked gradient row t = ∇θ L_t; task slices see only their task', (T, Sx) => {
    const b = buildEntry(e, params, dimsFor(e, T));
    const O2 = dimsFor(e, T).outputDim;
    tf.tidy(() => {
      const x = normalTensor([Sx, B, D], 11) as tf.Tensor3D;
      const y = normalTensor([T, B, O2], 12) as tf.Tensor3D;
      const tiled = tf.tile(b.theta, [T, 1]) as tf.Tensor2D;
      const [G, ...taskG] = tf.grads((th: tf.Tensor, ...tp: tf.Tensor[]) =>
        tf.sum(taskLosses(forwardFlat(b, th as tf.Tensor2D, x, tp), y)),
      )([tiled, ...b.taskParams]);
      expect(G?.shape).toEqual(tiled.shape);
      for (let t = 0; t < T; t++) {
        const [g, ...tg] = tf.grads((th: tf.Tensor, ...tp: tf.Tensor[]) =>
          taskLosses(forwardFlat(b, th as tf.Tensor2D, x, tp), y)
            .slice([t], [1])
            .sum(),
        )([b.theta, ...b.taskParams]);
        const row = values((G as tf.Tensor).slice([t, 0], [1, -1]));
        expectClose(row, values(g as tf.Tensor));
        expect(row.some((v) => v !== 0)).toBe(e.built === undefined || b.built.shared.length > 0);
        tg.forEach((gt, i) => {
          const own = (tensor: tf.Tensor, s: number) => values(tensor.slice(s, 1));
          // Slice t of the summed loss's gradient is task t's own; other slices get nothing from L_t.
          expectClose(own(taskG[i] as tf.Tensor, t), own(gt, t));
          for (let s = 0; s < T; s++) if (s !== t) expect(own(gt, s).every((v) => v === 0)).toBe(true);
        });
      }
    });
    b.dispose();
  });

  it('leaks no tensor across repeated forward and backward passes', () => {
    const T = 2;
    const b = buildEntry(e, params, dimsFor(e, T));
    const x = normalTensor([T, B, D], 5) as tf.Tensor3D;
    const run = () =>
      tf.tidy(() => {
        const tiled = tf.tile(b.theta, [T, 1]) as tf.Tensor2D;
        forwardFlat(b, b.theta, x);
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
        const x = normalTensor([1, B, D], 21) as tf.Tensor3D;
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
