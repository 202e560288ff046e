import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DivergenceWatch } from './divergence-watch';
import { TrainingDivergedError } from './errors';

/** One step's inputs for R = 1 replica, T = 2 tasks, P = 3 shared parameters, with planted values. */
function step(
  watch: DivergenceWatch,
  plant: { loss?: [number, number]; grad?: [number, number]; direction?: number; weight?: number } = {},
) {
  tf.tidy(() => {
    const losses = [0.5, 0.25];
    const grads = [1, -2, 3, 0.5, 0.5, 0.5];
    const direction = [0.1, 0.2, 0.3];
    const weights = [1, 1];
    if (plant.loss) losses[plant.loss[0]] = plant.loss[1];
    if (plant.grad) grads[plant.grad[0]] = plant.grad[1];
    if (plant.direction !== undefined) direction[1] = plant.direction;
    if (plant.weight !== undefined) weights[0] = plant.weight;
    watch.record(
      tf.tensor2d(losses, [1, 2]),
      tf.tensor3d(grads, [1, 2, 3]),
      tf.tensor2d(direction, [1, 3]),
      tf.tensor2d(weights, [1, 2]),
    );
  });
}

async function caught(watch: DivergenceWatch): Promise<TrainingDivergedError | null> {
  try {
    await watch.check('pcgrad');
    return null;
  } catch (error) {
    return error as TrainingDivergedError;
  }
}

describe('DivergenceWatch', () => {
  it('stays quiet while everything is finite, counting steps in the last entry', async () => {
    const watch = new DivergenceWatch(['a', 'b']);
    for (let i = 0; i < 3; i++) step(watch);
    expect(Array.from(await watch.badStep.data())).toEqual([-1, -1, -1, 3]);
    expect(await caught(watch)).toBeNull();
    watch.dispose();
  });

  it('names the first step and task whose loss or gradient broke, and keeps that step', async () => {
    const watch = new DivergenceWatch(['a', 'b']);
    step(watch);
    step(watch, { grad: [4, Infinity] }); // task b's gradient, step 1
    step(watch, { loss: [1, NaN], grad: [0, NaN] }); // both tasks at step 2: b keeps step 1
    expect(Array.from(await watch.badStep.data())).toEqual([2, 1, -1, 3]);
    const error = await caught(watch);
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect([error?.step, error?.task]).toEqual([1, 'b']);
    // Latched: later checks throw the same error without reading back.
    await expect(watch.check('pcgrad')).rejects.toBe(error);
    watch.dispose();
  });

  it('blames the method when only its direction or weights broke, and a task at a tie', async () => {
    const method = new DivergenceWatch(['a', 'b']);
    step(method, { direction: -Infinity });
    const error = await caught(method);
    expect([error?.step, error?.task, error?.method]).toEqual([0, null, 'pcgrad']);
    method.dispose();

    const tie = new DivergenceWatch(['a', 'b']);
    step(tie, { weight: NaN, loss: [0, NaN] });
    expect((await caught(tie))?.task).toBe('a');
    tie.dispose();
  });

  it('counts a gradient whose sum overflows float32 as non-finite, as the unfused watch did', async () => {
    const watch = new DivergenceWatch(['a', 'b']);
    step(watch, { grad: [0, 3e38] }); // 3e38 − 2 + 3: finite
    step(watch, { grad: [1, 3e38] }); // 1 + 3e38 + 3: finite
    expect(Array.from(await watch.badStep.data()).slice(0, 3)).toEqual([-1, -1, -1]);
    tf.tidy(() =>
      watch.record(
        tf.tensor2d([0, 0], [1, 2]),
        tf.tensor3d([3e38, 3e38, 0, 0, 0, 0], [1, 2, 3]),
        tf.zeros<tf.Rank.R2>([1, 3]),
        tf.ones<tf.Rank.R2>([1, 2]),
      ),
    );
    expect(Array.from(await watch.badStep.data())).toEqual([2, -1, -1, 3]);
    watch.dispose();
  });

  it('with nothing shared (P = 0) only losses and weights count', async () => {
    const watch = new DivergenceWatch(['a']);
    tf.tidy(() =>
      watch.record(
        tf.tensor2d([1], [1, 1]),
        tf.zeros<tf.Rank.R3>([1, 1, 0]),
        tf.zeros<tf.Rank.R2>([1, 0]),
        tf.tensor2d([Infinity], [1, 1]),
      ),
    );
    expect(Array.from(await watch.badStep.data())).toEqual([-1, 0, 1]);
    watch.dispose();
  });

  it('holds one tensor, whatever the number of steps, and none after dispose', () => {
    const before = tf.memory().numTensors;
    const watch = new DivergenceWatch(['a', 'b']);
    step(watch);
    const held = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) step(watch, { loss: [0, NaN] });
    expect(held - before).toBe(1);
    expect(tf.memory().numTensors).toBe(held);
    watch.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
