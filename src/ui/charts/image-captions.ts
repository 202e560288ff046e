/**
 * The words of the prediction grid (ImagePredictions.tsx), kept apart from drawing so they are tested as
 * text: one image's sentence ("left digit: predicted 7 ✓ · right digit: predicted 1 ✗ (it is 4)"), its
 * short lines under the picture, and the count of right answers per task.
 */
import type { TestImages } from '../../engine/views';

export interface TaskVerdict {
  task: string;
  predicted: string;
  truth: string;
  right: boolean;
}

/** Image n's verdict per task; `predicted` [tasks·count] as predictedClasses lays it out. */
export function imageVerdicts(
  images: TestImages,
  predicted: Int32Array,
  n: number,
  tasks: readonly string[],
  classNames: readonly string[],
): TaskVerdict[] {
  return tasks.map((task, t) => {
    const guess = predicted[t * images.count + n] as number;
    const truth = images.classes[n * tasks.length + t] as number;
    return {
      task,
      predicted: classNames[guess] ?? String(guess),
      truth: classNames[truth] ?? String(truth),
      right: guess === truth,
    };
  });
}

/** The sentence a student (and a screen reader) reads for one image. */
export function verdictSentence(verdicts: readonly TaskVerdict[]): string {
  return verdicts
    .map((v) => `${v.task}: predicted ${v.predicted} ${v.right ? '✓' : `✗ (it is ${v.truth})`}`)
    .join(' · ');
}

/** The short line under the picture: "left 7 ✓" or "right 1 ✗ 4". */
export function verdictLine(v: TaskVerdict): string {
  return `${v.predicted} ${v.right ? '✓' : `✗ ${v.truth}`}`;
}

/** The first word of a task's name ("left digit" -> "left"), the tag of its line under each picture. */
export const taskTag = (task: string): string => task.split(' ')[0] ?? task;

/** How many images each task got right. */
export function rightPerTask(images: TestImages, predicted: Int32Array, tasks: number): number[] {
  return Array.from({ length: tasks }, (_, t) => {
    let right = 0;
    for (let n = 0; n < images.count; n++)
      if (predicted[t * images.count + n] === images.classes[n * tasks + t]) right++;
    return right;
  });
}
