/**
 * Every lesson's automated check, by lesson id (issue 13): `cli lesson check <id>` looks its id up here.
 * Adding a lesson's check is its file in this folder plus one line below.
 */
import { cagradToyCheck } from './cagrad-toy';
import { compressionErrorFeedbackCheck } from './compression-error-feedback';
import { fancyMethodsCheck } from './fancy-methods';
import { lossScalesToyCheck } from './loss-scales-toy';
import { mmoeCorrelationCheck } from './mmoe-correlation';
import { multiMnistMethodsCheck } from './multi-mnist-methods';
import { noisyTaskCheck } from './noisy-task';
import { shareTheTopCheck } from './share-the-top';
import { taskGroupingCheck } from './task-grouping';
import { tragicTriadCheck } from './tragic-triad';
import type { LessonCheck } from './types';

export const LESSON_CHECKS: readonly LessonCheck[] = [
  cagradToyCheck,
  lossScalesToyCheck,
  mmoeCorrelationCheck,
  shareTheTopCheck,
  tragicTriadCheck,
  fancyMethodsCheck,
  taskGroupingCheck,
  noisyTaskCheck,
  multiMnistMethodsCheck,
  compressionErrorFeedbackCheck,
];

export const findLessonCheck = (id: string): LessonCheck | undefined =>
  LESSON_CHECKS.find((c) => c.id === id);

export const lessonCheckIds = (): string[] => LESSON_CHECKS.map((c) => c.id);
