import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { viewsOf } from '../config/views';
import { Rng } from '../random/rng';
import { viewsOfKind } from '../views';
import { DIGIT_PIXELS, provideMnistDigits, type MnistDigits } from './mnist-digits';
import { multiMnistSuite } from './multi-mnist';

/** n digits of random grey levels (so that every image differs), class k % 10. */
function synthetic(n: number): MnistDigits {
  const rng = new Rng(99);
  const pixels = Uint8Array.from({ length: n * DIGIT_PIXELS }, () => (rng.int(4) === 0 ? rng.int(256) : 0));
  return { count: n, labels: Uint8Array.from({ length: n }, (_, k) => k % 10), pixels };
}

const config = (params: Record<string, unknown> = {}, seed = 7) =>
  parseConfig({
    task: { id: 'multi-mnist', params: { trainSamples: 200, testSamples: 60, ...params } },
    seed,
  });

afterEach(() => provideMnistDigits(null));

describe('the multi-mnist image-predictions view', () => {
  it('hands the page the very test images the trainer evaluates on, with their classes', () => {
    provideMnistDigits(synthetic(300));
    const c = config({ testDigits: 0.3 }, 7);
    const [view] = viewsOfKind(viewsOf(c), 'image-predictions');
    if (!view) throw new Error('expected an image-predictions view');
    expect(view.side).toBe(28);
    expect(view.count).toBe(24);
    expect(view.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const images = view.testImages(c.seed, view.count);
    // The trainer's build: the config seed's 'data' stream (train/build-model.ts).
    const built = multiMnistSuite.build(c.task.params, new Rng(7).fork('data'));
    if (built.kind !== 'data' || built.test.mode !== 'shared') throw new Error('shared test split');
    expect(images.count).toBe(24);
    expect(images.inputs).toEqual(built.test.x.subarray(0, 24 * DIGIT_PIXELS));
    for (let n = 0; n < 24; n++)
      for (let t = 0; t < 2; t++) {
        const row = built.test.y.subarray((n * 2 + t) * 10, (n * 2 + t + 1) * 10);
        expect(images.classes[n * 2 + t]).toBe(Array.from(row).indexOf(1));
      }
    // Grey levels: background 0, and inputs map back onto whole grey levels.
    expect(images.grey.length).toBe(24 * DIGIT_PIXELS);
    expect(Math.min(...images.grey)).toBe(0);
    expect(Math.max(...images.grey)).toBeGreaterThan(200);
    // Another seed, other images.
    expect(view.testImages(8, 24).inputs).not.toEqual(images.inputs);
  });

  it('shows at most the test set, and nothing with separate inputs (each task has its own images)', () => {
    const [small] = viewsOfKind(viewsOf(config({ testSamples: 16 })), 'image-predictions');
    expect(small?.count).toBe(16);
    expect(viewsOfKind(viewsOf(config({ inputs: 'separate' })), 'image-predictions')).toEqual([]);
  });

  it('names the digits as class names in the task info', () => {
    provideMnistDigits(synthetic(100));
    const built = multiMnistSuite.build(config().task.params, new Rng(1));
    expect(built.tasks.map((t) => t.classNames?.join(''))).toEqual(['0123456789', '0123456789']);
  });
});
