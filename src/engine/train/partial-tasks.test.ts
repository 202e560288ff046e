import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { PartialTasks } from './partial-tasks';

const read = (t: tf.Tensor) => t.arraySync();

describe('PartialTasks', () => {
  it('passes full steps through unchanged and remembers them', () => {
    const p = new PartialTasks(1, 2, 2);
    const losses = tf.tensor2d([[1, 2]]);
    const grads = tf.tensor3d([
      [
        [1, 0],
        [0, 1],
      ],
    ]);
    const out = p.fill(losses, grads, undefined, 'reuse');
    expect(out.losses).toBe(losses);
    expect(out.grads).toBe(grads);
    expect(out.mask).toBeNull();
    expect(p.takeCounts()).toEqual([1, 1]);
    tf.dispose([losses, grads]);
    p.dispose();
  });

  it('skip: a left-out task gets a zero row and its last loss; telemetry keeps its last gradient', () => {
    const p = new PartialTasks(1, 2, 2);
    const first = [
      tf.tensor2d([[1, 2]]),
      tf.tensor3d([
        [
          [1, 0],
          [0, 3],
        ],
      ]),
    ] as const;
    p.fill(first[0], first[1], [true, true], 'skip');
    // Task 2 left out: its loss reads 0 and its gradient 0 from the weighted batch.
    const losses = tf.tensor2d([[0.5, 0]]);
    const grads = tf.tensor3d([
      [
        [2, 0],
        [0, 0],
      ],
    ]);
    const out = p.fill(losses, grads, [true, false], 'skip');
    expect(read(out.losses)).toEqual([[0.5, 2]]);
    expect(read(out.grads)).toEqual([
      [
        [2, 0],
        [0, 0],
      ],
    ]);
    expect(read(out.telemetry)).toEqual([
      [
        [2, 0],
        [0, 3],
      ],
    ]);
    expect(read(out.mask as tf.Tensor)).toEqual([1, 0]);
    expect(p.takeCounts()).toEqual([2, 1]);
    expect(p.takeCounts()).toEqual([1, 1]); // reset, and never 0 (no 0/0 in the report)
    tf.dispose([...first, losses, grads, out.losses, out.grads, out.telemetry, out.mask as tf.Tensor]);
    p.dispose();
  });

  it('reuse: a left-out task is represented by its last gradient, also across several skipped steps', () => {
    const p = new PartialTasks(1, 2, 2);
    const l0 = tf.tensor2d([[1, 2]]);
    const g0 = tf.tensor3d([
      [
        [1, 0],
        [0, 3],
      ],
    ]);
    p.fill(l0, g0, undefined, 'reuse');
    const made: tf.Tensor[] = [l0, g0];
    for (const x of [2, 4]) {
      const l = tf.tensor2d([[x, 0]]);
      const g = tf.tensor3d([
        [
          [x, 0],
          [0, 0],
        ],
      ]);
      const out = p.fill(l, g, [true, false], 'reuse');
      expect(read(out.grads)).toEqual([
        [
          [x, 0],
          [0, 3],
        ],
      ]);
      expect(out.grads).toBe(out.telemetry);
      expect(read(out.losses)).toEqual([[x, 2]]);
      made.push(l, g, out.losses, out.grads, out.mask as tf.Tensor);
    }
    tf.dispose(made);
    p.dispose();
  });

  it('leaks nothing: dispose frees its memory', () => {
    const before = tf.memory().numTensors;
    const p = new PartialTasks(2, 3, 4);
    p.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
