/**
 * A `csv` task's `file` in a config (or a study's base config) is a path relative to that file's folder,
 * as the issue asks (`task: { id: "csv", params: { file, inputs, labels } }`). While a command runs such a
 * config, the engine's CSV loader (set by the Node entry point, src/backend/node-task-data.ts) resolves
 * relative paths against it. A config that leaves `file` out gets the suite's default, the shipped
 * penguins example, which the loader finds from its own presets folder.
 */
import { dirname, resolve } from 'node:path';
import { setCsvBase } from '../engine/tasks/csv/provide';

/** Whether a raw config names a file of its own for a csv task. */
function namesCsvFile(config: unknown): boolean {
  const task = (config as { task?: { id?: unknown; params?: { file?: unknown } } } | null)?.task;
  return task?.id === 'csv' && typeof task.params?.file === 'string';
}

/** The folder relative data paths count from: `configPath`'s, when the config names a file of its own. */
export const csvBaseOf = (configPath: string, config: unknown): string | undefined =>
  namesCsvFile(config) ? dirname(resolve(configPath)) : undefined;

/** Run `work` with relative data paths taken from `configPath`'s folder (when the config names a file). */
export async function withCsvBase<T>(
  configPath: string,
  config: unknown,
  work: () => Promise<T>,
): Promise<T> {
  const folder = csvBaseOf(configPath, config);
  if (folder === undefined) return work();
  const previous = setCsvBase(folder);
  try {
    return await work();
  } finally {
    setCsvBase(previous);
  }
}
