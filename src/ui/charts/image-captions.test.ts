import { describe, expect, it } from 'vitest';
import type { TestImages } from '../../engine/views';
import { imageVerdicts, rightPerTask, taskTag, verdictLine, verdictSentence } from './image-captions';

// Two images; true classes [left, right]: image 0 is (7, 4), image 1 is (2, 2).
const images: TestImages = {
  count: 2,
  grey: new Uint8ClampedArray(2 * 4),
  inputs: new Float32Array(2 * 4),
  classes: Int32Array.from([7, 4, 2, 2]),
};
// Predicted [task · count + n]: left (7, 3), right (1, 2).
const predicted = Int32Array.from([7, 3, 1, 2]);
const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const tasks = ['left digit', 'right digit'];

describe('the prediction grid’s words', () => {
  it('say per image what each task predicted, whether it is right, and the truth when wrong', () => {
    const v = imageVerdicts(images, predicted, 0, tasks, digits);
    expect(v).toEqual([
      { task: 'left digit', predicted: '7', truth: '7', right: true },
      { task: 'right digit', predicted: '1', truth: '4', right: false },
    ]);
    expect(verdictSentence(v)).toBe('left digit: predicted 7 ✓ · right digit: predicted 1 ✗ (it is 4)');
    expect(v.map(verdictLine)).toEqual(['7 ✓', '1 ✗ 4']);
    expect(tasks.map(taskTag)).toEqual(['left', 'right']);
  });

  it('count the right answers per task', () => {
    expect(rightPerTask(images, predicted, 2)).toEqual([1, 1]);
    expect(rightPerTask(images, Int32Array.from([7, 2, 4, 2]), 2)).toEqual([2, 2]);
  });
});
