/**
 * Task data a config needs before its trainer builds. The training worker, the study worker and the
 * main-thread fallback all call prepareTaskData, so a study over own data works as a single run does.
 * - MultiMNIST's digits (mnist-digits-loader.ts): fetched once per worker from the app's build.
 * - A `csv` config's file (data/csv-task-data.ts): the user's file from IndexedDB by its content hash, or
 *   a shipped example fetched from the app's own files.
 */
import { prepareCsvData } from './data/csv-task-data';
import { prepareMnistDigits } from './mnist-digits-loader';

export async function prepareTaskData(config: { task: { id: string; params?: object } }): Promise<void> {
  await prepareMnistDigits(config);
  await prepareCsvData(config);
}
