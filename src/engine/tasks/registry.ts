/** Every task suite, in menu order. Adding a suite: one file plus one line here. */
import { csvSuite } from './csv/suite';
import { linearTasksSuite } from './linear-tasks';
import { mmoeSyntheticSuite } from './mmoe-synthetic';
import { multiMnistSuite } from './multi-mnist';
import { playground2dSuite } from './playground-2d';
import { rotatedDomainsSuite } from './rotated-domains';
import { sineFamilySuite } from './sine-family';
import { sinusoidsSuite } from './sinusoids';
import { toySuite } from './toy';
import type { TaskSuiteEntry } from './types';

export const TASK_SUITES: readonly TaskSuiteEntry[] = [
  toySuite,
  mmoeSyntheticSuite,
  sinusoidsSuite,
  playground2dSuite,
  linearTasksSuite,
  multiMnistSuite,
  rotatedDomainsSuite,
  csvSuite,
  sineFamilySuite,
];

export function findTaskSuite(id: string): TaskSuiteEntry | undefined {
  return TASK_SUITES.find((s) => s.id === id);
}
