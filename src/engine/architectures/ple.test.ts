/**
 * PLE (and CGC, its one-level case) against a plain float64 re-implementation of the paper's eq. 2-6,
 * written the direct way: one sample and one expert at a time, no copies, no broadcasting.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { cgc } from './cgc';
import { sizeOf } from './layout';
import { ple } from './ple';
import { buildEntry, forwardFlat, normalTensor, withDefaults, type Built } from './testing';

interface P {
  shape: number[];
  v: number[];
}

/** Every parameter by name: θ's segments (as perturbed by buildEntry) and the task parameters. */
function named(b: Built): Map<string, P> {
  const out = new Map<string, P>();
  const flat = b.theta.dataSync();
  let offset = 0;
  for (const s of b.built.shared) {
    out.set(s.name, { shape: s.shape, v: Array.from(flat.subarray(offset, offset + sizeOf(s.shape))) });
    offset += sizeOf(s.shape);
  }
  b.built.taskParams.forEach((p, i) =>
    out.set(p.name, { shape: p.shape, v: Array.from((b.taskParams[i] as tf.Tensor).dataSync()) }),
  );
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const softmax = (v: number[]) => {
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};
/** Σ_e g_e · outs[e] */
const combine = (outs: number[][], g: number[]) =>
  range(outs[0]?.length ?? 0).map((h) => outs.reduce((s, o, e) => s + (g[e] ?? NaN) * (o[h] ?? NaN), 0));

function reference(w: Map<string, P>, o: { T: number; Es: number; Ek: number; L: number; depth: number }) {
  const get = (name: string) => {
    const p = w.get(name);
    if (!p) throw new Error(`no ${name}`);
    return p;
  };
  /** f(x W[slice] + b[slice]) for a kernel stacked [..., in, out] (slice = flat index of the stack). */
  const dense = (x: number[], name: string, slice: number, f: (v: number) => number) => {
    const [k, b] = [get(`${name}.kernel`), get(`${name}.bias`)];
    const [rows, cols] = k.shape.slice(-2) as [number, number];
    return range(cols).map((c) =>
      f(
        x.reduce(
          (s, xi, r) => s + xi * (k.v[slice * rows * cols + r * cols + c] ?? NaN),
          b.v[slice * cols + c] ?? NaN,
        ),
      ),
    );
  };
  const mlp = (x: number[], name: string, slice: number) =>
    range(o.depth).reduce((h, i) => dense(h, `${name}.layer${i + 1}`, slice, Math.tanh), x);
  const gate = (x: number[], name: string, slice: number) => softmax(dense(x, name, slice, (v) => v));
  return (x: number[], t: number): number[] => {
    let us = x;
    let ut = range(o.T).map(() => x);
    for (let l = 1; l < o.L; l++) {
      const sh = range(o.Es).map((e) => mlp(us, `level${l}.shared`, e));
      const own = range(o.T).map((s) =>
        range(o.Ek).map((j) => mlp(ut[s] ?? [], `level${l}.own`, s * o.Ek + j)),
      );
      const next = range(o.T).map((s) =>
        combine([...sh, ...(own[s] ?? [])], gate(ut[s] ?? [], `level${l}.gate`, s)),
      );
      // The shared gate mixes every expert of the level: shared, then each task's own, task by task.
      us = combine([...sh, ...own.flat()], gate(us, `level${l}.sharedGate`, 0));
      ut = next;
    }
    const pre = o.L > 1 ? `level${o.L}.` : '';
    const own = range(o.Ek).map((j) => mlp(ut[t] ?? [], `${pre}own`, t * o.Ek + j));
    const sh = range(o.Es).map((e) => mlp(us, `${pre}shared`, e));
    const mixed = combine([...sh, ...own], gate(ut[t] ?? [], `${pre}gate`, t));
    return dense(mixed, 'head.out', t, (v) => v);
  };
}

const T = 3;
const dims = { numTasks: T, inputDim: 4, outputDim: 2 };
const BATCH = 3;

describe.each([
  { L: 1, Es: 2, Ek: 1, widths: [5] },
  { L: 2, Es: 2, Ek: 1, widths: [5] },
  { L: 3, Es: 1, Ek: 2, widths: [5, 4] },
  { L: 2, Es: 3, Ek: 0, widths: [4] },
])('ple with $L levels, $Es shared and $Ek own experts, widths $widths', ({ L, Es, Ek, widths }) => {
  const params = { levels: L, sharedExperts: Es, taskExperts: Ek, expertWidths: widths, activation: 'tanh' };
  it.each([1, T])('matches the float64 reference (Sx = %i)', (Sx) => {
    const b = buildEntry(ple, withDefaults(ple, params), dims, 3);
    const ref = reference(named(b), { T, Es, Ek, L, depth: widths.length });
    tf.tidy(() => {
      const x = normalTensor([Sx, BATCH, 4], 8) as tf.Tensor3D;
      const got = forwardFlat(b, b.theta, x).arraySync();
      const xs = x.arraySync();
      for (let t = 0; t < T; t++)
        for (let i = 0; i < BATCH; i++) {
          const want = ref(xs[Sx === 1 ? 0 : t]?.[i] ?? [], t);
          want.forEach((v, k) => expect(Math.abs((got[t]?.[i]?.[k] ?? NaN) - v)).toBeLessThan(1e-5));
        }
    });
    b.dispose();
  });

  it('declares the representation: last shared experts, then each task’s input to the last level', () => {
    const b = buildEntry(ple, withDefaults(ple, params), dims);
    const H = widths[widths.length - 1] ?? 0;
    expect(b.built.representationSize).toBe(Es * H + (L > 1 ? T * H : 0));
    b.dispose();
  });
});

describe('ple', () => {
  it('with one level is CGC: the same parameters, in the same order, and the same outputs', () => {
    const common = { sharedExperts: 2, taskExperts: 2, expertWidths: [6, 5], headLayers: 1 };
    const one = buildEntry(ple, withDefaults(ple, { ...common, levels: 1 }), dims, 4);
    const c = buildEntry(cgc, withDefaults(cgc, common), dims, 4);
    const layout = (b: Built) =>
      [...b.built.shared, ...b.built.taskParams].map((p) => [p.name, p.shape, Array.from(p.init)]);
    expect(layout(one)).toEqual(layout(c));
    tf.tidy(() => {
      const x = normalTensor([1, 5, 4], 9) as tf.Tensor3D;
      expect(forwardFlat(one, one.theta, x).arraySync()).toEqual(forwardFlat(c, c.theta, x).arraySync());
    });
    [one, c].forEach((b) => b.dispose());
  });

  it('keeps the levels below the last in θ and only the last level’s own experts and gates per task', () => {
    const b = buildEntry(ple, withDefaults(ple, { levels: 2, expertWidths: [5] }), dims);
    expect(b.built.shared.map((s) => s.name)).toEqual([
      'level1.shared.layer1.kernel',
      'level1.shared.layer1.bias',
      'level1.own.layer1.kernel',
      'level1.own.layer1.bias',
      'level1.gate.kernel',
      'level1.gate.bias',
      'level1.sharedGate.kernel',
      'level1.sharedGate.bias',
      'level2.shared.layer1.kernel',
      'level2.shared.layer1.bias',
    ]);
    expect(b.built.taskParams.map((p) => [p.name, p.shape])).toEqual([
      ['level2.own.layer1.kernel', [T, 1, 5, 5]],
      ['level2.own.layer1.bias', [T, 1, 5]],
      ['level2.gate.kernel', [T, 5, 2]],
      ['level2.gate.bias', [T, 2]],
      ['head.out.kernel', [T, 5, 2]],
      ['head.out.bias', [T, 2]],
    ]);
    // The shared gate mixes the shared expert and every task's own one.
    expect(b.built.shared.find((s) => s.name === 'level1.sharedGate.kernel')?.shape).toEqual([4, 1 + T]);
    b.dispose();
  });
});
