import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { Rng } from '../random/rng';
import {
  decodeDigits,
  DIGIT_PIXELS,
  digitsFromPackage,
  encodeDigits,
  mnistDigits,
  provideMnistDigits,
  setMnistDigitsLoader,
  type MnistDigits,
} from './mnist-digits';
import { composeDigits, MEAN, multiMnistSuite, STD } from './multi-mnist';

const grey = (v: number) => (v / 255 - MEAN) / STD;

/** n synthetic digits: digit k has class k % 10 and grey level 1 + k at pixel 0 (its identity). */
function synthetic(n: number): MnistDigits {
  const pixels = new Uint8Array(n * DIGIT_PIXELS);
  for (let k = 0; k < n; k++) pixels[k * DIGIT_PIXELS + 400] = 1 + k;
  return { count: n, labels: Uint8Array.from({ length: n }, (_, k) => k % 10), pixels };
}

afterEach(() => provideMnistDigits(null));

describe('composeDigits (Sener & Koltun’s 36 x 36 canvas, nearest-neighbour resize to 28 x 28)', () => {
  it('puts the left digit at the top left, the right one 6 pixels down and right, overlap by max', () => {
    const [left, right] = [new Uint8Array(DIGIT_PIXELS), new Uint8Array(DIGIT_PIXELS)];
    left[0] = 255; // canvas (0, 0) -> output (0, 0): floor(0.5 · 36/28) = 0
    left[26 * 28 + 26] = 100; // canvas (26, 26) is right (20, 20)'s place: the overlap keeps the max
    right[20 * 28 + 20] = 200; // output (20, 20) reads canvas floor(20.5 · 9/7) = 26
    left[27 * 28 + 5] = 90; // canvas (27, 5): output row 21 reads canvas row floor(21.5 · 9/7) = 27
    const out = new Float32Array(DIGIT_PIXELS);
    composeDigits(left, right, out);
    expect(out[0]).toBeCloseTo(grey(255), 6);
    expect(out[20 * 28 + 20]).toBeCloseTo(grey(200), 6);
    // Output column 4 reads canvas column floor(4.5 · 9/7) = 5.
    expect(out[21 * 28 + 4]).toBeCloseTo(grey(90), 6);
    // Everything else is background.
    const lit = Array.from(out).filter((v) => v > grey(0) + 1e-6).length;
    expect(lit).toBe(3);
  });
});

describe('the digits file', () => {
  it('round-trips, and a damaged file gets one line naming what is wrong', () => {
    const digits = synthetic(12);
    const back = decodeDigits(encodeDigits(digits));
    expect(back.count).toBe(12);
    expect(Array.from(back.labels)).toEqual(Array.from(digits.labels));
    expect(back.pixels).toEqual(digits.pixels);
    expect(() => decodeDigits(new Uint8Array([1, 2, 3]))).toThrow(/not an MNIST digits file/);
    expect(() => decodeDigits(encodeDigits(digits).slice(0, 100))).toThrow(/100 bytes for 12 digits/);
  });

  it('converts the package’s per-class [0, 1] floats to grey levels, classes in order', () => {
    const two = new Array(2 * DIGIT_PIXELS).fill(0);
    two[3] = 1;
    two[DIGIT_PIXELS + 5] = 0.5;
    const d = digitsFromPackage([new Array(DIGIT_PIXELS).fill(0), two]);
    expect(d.count).toBe(3);
    expect(Array.from(d.labels)).toEqual([0, 1, 1]);
    expect(d.pixels[DIGIT_PIXELS + 3]).toBe(255);
    expect(d.pixels[2 * DIGIT_PIXELS + 5]).toBe(128);
  });

  it('Node entry points load the mnist package’s 10,000 digits on first use; without them, one clear line', () => {
    provideMnistDigits(null);
    const digits = mnistDigits(); // the loader test/setup-tf.ts registered (initNodeBackend)
    expect(digits.count).toBe(10_000);
    const perClass = new Array(10).fill(0);
    digits.labels.forEach((l) => perClass[l]++);
    expect(perClass).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    setMnistDigitsLoader(null);
    provideMnistDigits(null);
    try {
      expect(() => mnistDigits()).toThrow(/MNIST digits are not loaded.*provideMnistDigits/);
    } finally {
      setMnistDigitsLoader(() => digits); // as the setup left it, without reading the package again
    }
  });
});

describe('the multi-mnist suite', () => {
  const params = (over: Record<string, unknown> = {}) =>
    parseConfig({ task: { id: 'multi-mnist', params: { trainSamples: 300, testSamples: 100, ...over } } })
      .task.params;

  it('never shows a test digit in training, and labels each task with its digit’s class', () => {
    const digits = synthetic(200);
    provideMnistDigits(digits);
    const suite = multiMnistSuite.build(params(), new Rng(3));
    if (suite.kind !== 'data' || suite.train.mode !== 'shared' || suite.test.mode !== 'shared')
      throw new Error('expected shared splits');
    // The left digit's identity pixel (input 400 of the canvas) lands at output (14, 8)... find it: the
    // left digit's pixel 400 is row 14, column 8 of the canvas; output row i reads canvas floor((i+.5)·9/7).
    const rowOf = (canvas: number) =>
      [...Array(28).keys()].find((i) => Math.floor((i + 0.5) * (9 / 7)) === canvas);
    const [r, c] = [rowOf(14), rowOf(8)];
    if (r === undefined || c === undefined) throw new Error('canvas row 14 or column 8 is never sampled');
    const leftIds = (split: { x: Float32Array; count: number }) =>
      Array.from(
        { length: split.count },
        (_, n) => Math.round(((split.x[n * DIGIT_PIXELS + r * 28 + c] as number) * STD + MEAN) * 255) - 1,
      );
    const [train, test] = [new Set(leftIds(suite.train)), new Set(leftIds(suite.test))];
    expect([...test].filter((k) => train.has(k))).toEqual([]);
    expect(train.size + test.size).toBe(200);
    expect(test.size).toBe(40); // 20% of the digits by default
    // Task 1's one-hot class is its left digit's class (k % 10).
    const ids = leftIds(suite.train);
    ids.slice(0, 20).forEach((k, n) => {
      const row = suite.train.mode === 'shared' ? suite.train.y.subarray(n * 20, n * 20 + 10) : null;
      expect(Array.from(row ?? []).indexOf(1)).toBe(k % 10);
    });
  });

  it('is the same for the same seed and different for another', () => {
    provideMnistDigits(synthetic(100));
    const a = multiMnistSuite.build(params(), new Rng(1));
    const b = multiMnistSuite.build(params(), new Rng(1));
    const c = multiMnistSuite.build(params(), new Rng(2));
    if (a.kind !== 'data' || b.kind !== 'data' || c.kind !== 'data') throw new Error('data suites');
    expect(a.train.x).toEqual(b.train.x);
    expect(a.train.x).not.toEqual(c.train.x);
  });

  it('label noise gives a chosen share of training images another class, never the test images', () => {
    provideMnistDigits(synthetic(100));
    const clean = multiMnistSuite.build(params(), new Rng(5));
    const noisy = multiMnistSuite.build(params({ labelNoise: [0.5, 0] }), new Rng(5));
    if (clean.kind !== 'data' || noisy.kind !== 'data') throw new Error('data suites');
    if (clean.train.mode !== 'shared' || noisy.train.mode !== 'shared') throw new Error('shared');
    const classOf = (y: Float32Array, n: number, t: number) =>
      Array.from(y.subarray((n * 2 + t) * 10, (n * 2 + t) * 10 + 10)).indexOf(1);
    const changed = (t: number) =>
      Array.from(
        { length: 300 },
        (_, n) =>
          classOf(clean.train.y as Float32Array, n, t) !== classOf(noisy.train.y as Float32Array, n, t),
      ).filter(Boolean).length;
    expect(changed(0)).toBe(150);
    expect(changed(1)).toBe(0);
    expect(noisy.test).toEqual(clean.test);
  });
});
