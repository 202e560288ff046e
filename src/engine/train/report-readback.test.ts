/**
 * What a report reads back: networks read one finiteness flag for θ, not θ itself (thousands of values
 * per report for nothing: only the toy draws θ); objective suites read θ, their trajectory.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../config/parse';
import { allFinite } from './divergence-watch';
import { createTrainer } from './trainer';

/** Sizes of the tensors read back with `data()` while `run` runs. */
async function readbackSizes(run: () => Promise<unknown>): Promise<number[]> {
  // The spy calls through; its contexts are the tensors read.
  const spy = vi.spyOn(tf.Tensor.prototype, 'data');
  await run();
  return spy.mock.contexts.filter((t): t is tf.Tensor => t instanceof tf.Tensor).map((t) => t.size);
}

afterEach(() => vi.restoreAllMocks());

describe('report readback', () => {
  it('does not read θ back for a network', async () => {
    const trainer = createTrainer(
      parseConfig({ task: { id: 'sinusoids' }, architecture: { params: { widths: [64, 64] } } }),
    );
    try {
      await trainer.step(2);
      const [largest = 0] = (await readbackSizes(() => trainer.report())).sort((a, b) => b - a);
      const report = await trainer.report();
      // θ alone (64·64 + 64 + 64 + 64 shared entries) would outweigh everything else the report reads.
      expect(trainer.info.parameters.shared).toBeGreaterThan(4000);
      expect(largest).toBeLessThan(trainer.info.parameters.shared);
      expect(report.points).toBeUndefined();
    } finally {
      trainer.dispose();
    }
  });

  it("reads the toy's θ back: every report holds each start point", async () => {
    const trainer = createTrainer(parseConfig({ task: { id: 'toy' } }));
    try {
      await trainer.step(3);
      const report = await trainer.report();
      expect(report.points?.length).toBe(trainer.info.replicas);
      report.points?.forEach((p) => expect(p.theta.every(Number.isFinite)).toBe(true));
    } finally {
      trainer.dispose();
    }
  });

  it('allFinite: NaN and ±Infinity anywhere make it false; an empty tensor is finite', async () => {
    const cases: [number[], number[], boolean][] = [
      [[2, 2], [1, 2, 3, 4], true],
      [[2, 2], [1, NaN, 3, 4], false],
      [[1, 3], [1, 2, Infinity], false],
      [[1, 3], [-Infinity, 2, 3], false],
      [[1, 0], [], true],
    ];
    for (const [shape, values, expected] of cases) {
      const flag = tf.tidy(() => allFinite(tf.tensor(values, shape)));
      expect(Boolean((await flag.data())[0])).toBe(expected);
      flag.dispose();
    }
  });
});
