/** Every task suite, in menu order. Adding a suite: one file plus one line here. */
import type { TaskSuiteEntry } from './types';

export const TASK_SUITES: readonly TaskSuiteEntry[] = [];

export function findTaskSuite(id: string): TaskSuiteEntry | undefined {
  return TASK_SUITES.find((s) => s.id === id);
}
