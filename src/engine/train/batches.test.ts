/**
 * The two ways a batch is gathered (batches.ts): rows copied on the host (cpu, wasm) and gathered by the
 * device (GPUs, with shared inputs' targets kept task-major) give the same tensors, and both are the rows
 * the plan names: checked by hand on a tiny split of each mode.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { TaskSplit } from '../tasks/types';
import { DeviceDataset, gatherOnHost, type Batch } from './batches';

// 4 samples, 2 inputs, 2 tasks of 1 output: sample n has x = [n, 10 + n] and targets [100 + n, 200 + n].
const shared: TaskSplit = {
  mode: 'shared',
  count: 4,
  x: Float32Array.from([0, 10, 1, 11, 2, 12, 3, 13]),
  y: Float32Array.from([100, 200, 101, 201, 102, 202, 103, 203]),
};
// Task 0 has 3 samples, task 1 has 2; task t's sample n has x = [t, n] and target 10·t + n.
const separate: TaskSplit = {
  mode: 'separate',
  counts: [3, 2],
  x: [Float32Array.from([0, 0, 0, 1, 0, 2]), Float32Array.from([1, 0, 1, 1])],
  y: [Float32Array.from([0, 1, 2]), Float32Array.from([10, 11])],
};

async function values(batch: Batch) {
  const out = {
    x: batch.x.shape,
    y: batch.y.shape,
    xv: Array.from(await batch.x.data()),
    yv: Array.from(await batch.y.data()),
  };
  tf.dispose([batch.x, batch.y]);
  return out;
}

describe('batches', () => {
  it('shared inputs: one input block, targets per task, in the plan’s order', async () => {
    const plan = [Int32Array.from([3, 0, 2]), Int32Array.from([3, 0, 2])];
    const host = await values(gatherOnHost(shared, plan, 2, 2, 1));
    expect(host).toEqual({
      x: [1, 3, 2],
      y: [2, 3, 1],
      xv: [3, 13, 0, 10, 2, 12],
      yv: [103, 100, 102, 203, 200, 202],
    });
    const data = new DeviceDataset(shared, 2, 2, 1);
    expect(await values(data.gatherOnDevice(plan))).toEqual(host);
    expect(await values(data.gather(plan))).toEqual(host);
    data.dispose();
  });

  it('separate inputs: each task its own rows', async () => {
    const plan = [Int32Array.from([2, 0]), Int32Array.from([1, 1])];
    const host = await values(gatherOnHost(separate, plan, 2, 2, 1));
    expect(host).toEqual({ x: [2, 2, 2], y: [2, 2, 1], xv: [0, 2, 0, 0, 1, 1, 1, 1], yv: [2, 0, 11, 11] });
    const data = new DeviceDataset(separate, 2, 2, 1);
    expect(await values(data.gatherOnDevice(plan))).toEqual(host);
    data.dispose();
  });

  it('leaves no tensor behind but the batch', () => {
    const data = new DeviceDataset(shared, 2, 2, 1);
    const before = tf.memory().numTensors;
    const batch = data.gatherOnDevice([Int32Array.from([1]), Int32Array.from([1])]);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([batch.x, batch.y]);
    data.dispose();
  });
});
