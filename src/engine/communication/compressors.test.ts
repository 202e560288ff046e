/**
 * Each compressor against numbers worked by hand, and the properties its paper promises: fp16 is IEEE
 * binary16 rounding (checked against an independent bit-level conversion), sign keeps mean |g|, top-k and
 * random-k keep exactly k entries, QSGD and rescaled random-k are unbiased.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { roundToHalf } from './fp16';
import { qsgd } from './qsgd';
import { randomK, sampleDistinct } from './random-k';
import { scaledSign } from './sign';
import { topK } from './top-k';

const run = (f: () => tf.Tensor): number[] => {
  const t = f();
  const out = Array.from(t.dataSync());
  t.dispose();
  return out;
};

/** float32 → binary16 → float32 by bits (round half to even): an implementation independent of fp16.ts. */
function halfByBits(x: number): number {
  const f = new Float32Array([x]);
  const bits = new Uint32Array(f.buffer)[0] as number;
  const sign = bits >>> 31 ? -1 : 1;
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7fffff;
  if (exp === 0xff) return mant ? NaN : sign * Infinity;
  // The value as an integer count of 2^-149 (float32's smallest step) keeps every input exact.
  const full = exp === 0 ? mant : mant | 0x800000;
  const e = exp === 0 ? -149 : exp - 150; // x = full · 2^e
  const magnitude = full * 2 ** e;
  const halfExp = Math.max(Math.floor(Math.log2(magnitude)), -14);
  const step = 2 ** (halfExp - 10);
  const q = magnitude / step;
  const low = Math.floor(q);
  const rest = q - low;
  const n = rest > 0.5 || (rest === 0.5 && low % 2 === 1) ? low + 1 : low;
  const out = n * step;
  return sign * (out > 65504 ? Infinity : out);
}

describe('fp16', () => {
  it('rounds to the nearest binary16, halves to even, by hand', () => {
    const x = [
      1,
      1 + 2 ** -11,
      1 + 3 * 2 ** -11,
      0.1,
      -1 / 3,
      65504,
      65519,
      65520,
      2 ** -24,
      2 ** -25,
      3 * 2 ** -25,
      0,
    ];
    const expected = [
      1,
      1,
      1 + 2 ** -9,
      0.0999755859375,
      -0.333251953125,
      65504,
      65504,
      Infinity,
      2 ** -24,
      0,
      2 ** -23,
      0,
    ];
    expect(run(() => roundToHalf(tf.tensor1d(x)))).toEqual(expected);
  });

  it('agrees with a bit-level conversion on 4,000 values across the half range', () => {
    const rng = new Rng(7);
    const x = Array.from({ length: 4000 }, () =>
      Math.fround((rng.next() < 0.5 ? -1 : 1) * 2 ** rng.uniform(-26, 17)),
    );
    expect(run(() => roundToHalf(tf.tensor1d(x)))).toEqual(x.map(halfByBits));
  });
});

describe('sign', () => {
  it('sends mean |g| times the sign, zero as +', () => {
    expect(
      run(() =>
        scaledSign(
          tf.tensor2d([
            [1, -2, 0, 3],
            [-4, 4, 4, 4],
          ]),
        ),
      ),
    ).toEqual([1.5, -1.5, 1.5, 1.5, -4, 4, 4, 4]);
  });
});

describe('top-k', () => {
  it('keeps the k largest |g| of every row', () => {
    expect(
      run(() =>
        topK(
          tf.tensor2d([
            [3, -1, 2, 0.5],
            [0.1, -5, 4, 0],
          ]),
          2,
        ),
      ),
    ).toEqual([3, 0, 2, 0, 0, -5, 4, 0]);
  });
});

describe('random-k', () => {
  it('draws k distinct indices', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 50; i++) {
      const s = sampleDistinct(rng, 10, 4);
      expect(new Set(s).size).toBe(4);
      expect(s.every((j) => j >= 0 && j < 10 && Number.isInteger(j))).toBe(true);
    }
  });

  it('is unbiased when rescaled by P/k and shrinks by k/P when not', () => {
    const g = [0.5, -1, 2, 0.75, 3, -0.25, 1, -2];
    const draws = 4000;
    for (const unbiased of [true, false]) {
      // One row per draw: every row draws its own k indices.
      const c = run(() =>
        randomK(tf.tensor2d(Array.from({ length: draws }, () => g)), 2, new Rng(11), unbiased),
      );
      const mean = g.map((_, j) => {
        let sum = 0;
        for (let d = 0; d < draws; d++) sum += c[d * g.length + j] as number;
        return sum / draws;
      });
      for (let d = 0; d < draws; d++)
        expect(c.slice(d * g.length, (d + 1) * g.length).filter((v) => v !== 0)).toHaveLength(2);
      const factor = unbiased ? 1 : 2 / g.length;
      // A mean of 4,000 draws has standard error ≤ |g|·sqrt(P/k)/sqrt(4000) < 0.1 here: 2 of them allowed.
      mean.forEach((m, j) => expect(Math.abs(m - (g[j] as number) * factor)).toBeLessThan(0.2));
    }
  });
});

describe('QSGD', () => {
  const g = [0.3, -1.2, 0.05, 2, -0.7, 0];
  const norm = Math.hypot(...g);

  it('sends ‖g‖ · sign · a level l/s of the row', () => {
    const rng = new Rng(5);
    const c = run(() => qsgd(tf.tensor2d([g]), 4, rng));
    c.forEach((v, j) => {
      const level = (Math.abs(v) / norm) * 4;
      expect(Math.abs(level - Math.round(level))).toBeLessThan(1e-5);
      // Rounded to one of the two levels around s·|g_j|/‖g‖, with g_j's sign.
      expect(Math.abs(level - (Math.abs(g[j] as number) / norm) * 4)).toBeLessThan(1);
      if (v !== 0) expect(Math.sign(v)).toBe(Math.sign(g[j] as number));
    });
  });

  it('is unbiased: the mean over many draws is g', () => {
    const draws = 4000;
    const c = run(() => qsgd(tf.tensor2d(Array.from({ length: draws }, () => g)), 1, new Rng(9)));
    const mean = g.map((_, j) => {
      let sum = 0;
      for (let d = 0; d < draws; d++) sum += c[d * g.length + j] as number;
      return sum / draws;
    });
    // One draw's standard deviation is at most ‖g‖ ≈ 2.4: the mean's, 0.04; allow 4 of them.
    mean.forEach((m, j) => expect(Math.abs(m - (g[j] as number))).toBeLessThan(0.16));
  });

  it('quantises a zero row to zero', () => {
    expect(run(() => qsgd(tf.tensor2d([[0, 0, 0]]), 2, new Rng(1)))).toEqual([0, 0, 0]);
  });
});
