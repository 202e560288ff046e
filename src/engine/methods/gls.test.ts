import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { TrainingDivergedError } from '../train/errors';
import { createTrainer } from '../train/trainer';
import { gls } from './gls';
import { aggregatePlain, instantiate } from './testing';

const close = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));

describe('gls', () => {
  it('2 tasks, by hand: L = (1, 4), G = 2, w = G/(2L) = (1, 1/4); conflicting gradients', async () => {
    const out = await aggregatePlain(instantiate(gls, { replicas: 1, tasks: 2, shared: 2 }), {
      grads: [
        [
          [1, 1],
          [-1, 0.5],
        ],
      ],
      losses: [[1, 4]],
    });
    close(out.weights[0], [1, 0.25]);
    close(out.direction[0], [0.75, 1.125]);
  });

  it('3 tasks, by hand: L = (1, 2, 4), G = 2, w = (2/3, 1/3, 1/6); 2 replicas apart', async () => {
    const out = await aggregatePlain(instantiate(gls, { replicas: 2, tasks: 3, shared: 2 }), {
      grads: [
        [
          [3, 0],
          [0, 3],
          [6, 6],
        ],
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
      ],
      losses: [
        [1, 2, 4],
        [5, 5, 5],
      ],
    });
    close(out.weights[0], [2 / 3, 1 / 3, 1 / 6]);
    close(out.direction[0], [3, 2]);
    close(out.weights[1], [1 / 3, 1 / 3, 1 / 3]); // equal losses: the mean gradient
    close(out.direction[1], [2 / 3, 2 / 3]);
  });

  it('very different magnitudes: L = (1e-3, 1e3) gives G = 1, w = (500, 5e-4) (log space, no overflow)', async () => {
    const out = await aggregatePlain(instantiate(gls, { replicas: 1, tasks: 2, shared: 1 }), {
      grads: [[[1e-3], [1e3]]],
      losses: [[1e-3, 1e3]],
    });
    expect((out.weights[0]?.[0] ?? 0) / 500).toBeCloseTo(1, 5);
    expect((out.weights[0]?.[1] ?? 0) / 5e-4).toBeCloseTo(1, 5);
    expect(out.direction[0]?.[0]).toBeCloseTo(1, 4); // 500·1e-3 + 5e-4·1e3
  });

  it('the direction is the gradient of the geometric mean (L_t = exp(a_t·θ): ∇G = mean(a)·G)', async () => {
    const a = [
      [0.3, -0.2, 0.5],
      [-0.4, 0.1, 0.2],
      [0.25, 0.35, -0.6],
    ];
    const theta = [0.5, -1, 2];
    const losses = a.map((row) => Math.exp(row.reduce((s, v, k) => s + v * (theta[k] ?? 0), 0)));
    const grads = a.map((row, t) => row.map((v) => v * (losses[t] ?? 0)));
    const out = await aggregatePlain(instantiate(gls, { replicas: 1, tasks: 3, shared: 3 }), {
      grads: [grads],
      losses: [losses],
    });
    const G = Math.cbrt(losses.reduce((p, l) => p * l, 1));
    close(
      out.direction[0],
      [0, 1, 2].map((k) => (G * a.reduce((s, row) => s + (row[k] ?? 0), 0)) / 3),
    );
  });

  it('scaling one task’s loss (and gradient) by 8 scales the update by 8^{1/3} = 2 (3 tasks)', async () => {
    const grads = [
      [1, 0.2],
      [-0.5, 1],
      [0.3, -0.8],
    ];
    const losses = [0.7, 1.3, 2.1];
    const m = instantiate(gls, { replicas: 1, tasks: 3, shared: 2 });
    const base = await aggregatePlain(m, { grads: [grads], losses: [losses] });
    const scaled = await aggregatePlain(m, {
      grads: [grads.map((g, t) => (t === 0 ? g.map((v) => 8 * v) : g))],
      losses: [losses.map((l, t) => (t === 0 ? 8 * l : l))],
    });
    close(
      scaled.direction[0],
      (base.direction[0] ?? []).map((v) => 2 * v),
    );
  });

  it('non-positive losses give NaN weights for that replica only (even a positive product of negatives)', async () => {
    const out = await aggregatePlain(instantiate(gls, { replicas: 3, tasks: 2, shared: 1 }), {
      grads: [
        [[1], [1]],
        [[1], [1]],
        [[1], [1]],
      ],
      losses: [
        [1, 0],
        [-1, -2],
        [1, 4],
      ],
    });
    expect(out.weights.slice(0, 2)).toEqual([
      [NaN, NaN],
      [NaN, NaN],
    ]);
    close(out.weights[2], [1, 0.25]);
  });

  it('the trainer stops a run with negative losses (the CAGrad toy) naming the method', async () => {
    const trainer = createTrainer(
      parseConfig({ task: { id: 'toy' }, method: { id: 'gls' }, learningRate: 0.001 }),
    );
    const error = (await trainer.step(20).catch((e: unknown) => e)) as TrainingDivergedError;
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect(error.task).toBeNull();
    expect(error.method).toBe('gls');
    trainer.dispose();
  });
});
