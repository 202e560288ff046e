import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { TrainingDivergedError } from '../train/errors';
import { createTrainer } from '../train/trainer';
import { gls } from './gls';
import { si } from './si';
import { aggregatePlain, instantiate } from './testing';

const close = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));

describe('si', () => {
  it('2 tasks, by hand: L = (0.5, 4) gives w = 1/L = (2, 1/4), d = 2·(1, 2) + ¼·(−2, 4) = (1.5, 5)', async () => {
    const out = await aggregatePlain(instantiate(si, { replicas: 1, tasks: 2, shared: 2 }), {
      grads: [
        [
          [1, 2],
          [-2, 4],
        ],
      ],
      losses: [[0.5, 4]],
    });
    close(out.weights[0], [2, 0.25]);
    close(out.direction[0], [1.5, 5]);
  });

  it('3 tasks, 2 replicas apart: L = (1, 2, 4) gives (1, ½, ¼); unit losses give the plain sum', async () => {
    const out = await aggregatePlain(instantiate(si, { replicas: 2, tasks: 3, shared: 2 }), {
      grads: [
        [
          [4, 0],
          [0, 4],
          [4, 4],
        ],
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
      ],
      losses: [
        [1, 2, 4],
        [1, 1, 1],
      ],
    });
    close(out.weights[0], [1, 0.5, 0.25]);
    close(out.direction[0], [5, 3]); // (4, 0) + (0, 2) + (1, 1)
    close(out.weights[1], [1, 1, 1]);
    close(out.direction[1], [2, 2]);
  });

  it('the direction is the gradient of Σ log L_t (L_t = exp(a_t·θ): ∇ = Σ_t a_t, whatever θ)', async () => {
    const a = [
      [0.3, -0.2, 0.5],
      [-0.4, 0.1, 0.2],
      [0.25, 0.35, -0.6],
    ];
    for (const theta of [
      [0.5, -1, 2],
      [-3, 0.2, 1],
    ]) {
      const losses = a.map((row) => Math.exp(row.reduce((s, v, k) => s + v * (theta[k] ?? 0), 0)));
      const grads = a.map((row, t) => row.map((v) => v * (losses[t] ?? 0)));
      const out = await aggregatePlain(instantiate(si, { replicas: 1, tasks: 3, shared: 3 }), {
        grads: [grads],
        losses: [losses],
      });
      close(out.direction[0], [0.15, 0.25, 0.1]); // column sums of a
    }
  });

  it('scaling one task’s loss and gradient by 8 leaves the update unchanged (GLS: ×2), weight ÷ 8', async () => {
    const grads = [
      [1, 0.2],
      [-0.5, 1],
      [0.3, -0.8],
    ];
    const losses = [0.7, 1.3, 2.1];
    const scaledInput = {
      grads: [grads.map((g, t) => (t === 0 ? g.map((v) => 8 * v) : g))],
      losses: [losses.map((l, t) => (t === 0 ? 8 * l : l))],
    };
    const m = instantiate(si, { replicas: 1, tasks: 3, shared: 2 });
    const base = await aggregatePlain(m, { grads: [grads], losses: [losses] });
    const scaled = await aggregatePlain(m, scaledInput);
    close(scaled.direction[0], base.direction[0] ?? []);
    close(scaled.weights[0], [1 / (8 * 0.7), 1 / 1.3, 1 / 2.1]);
    // GLS has SI's direction, scaled by G/T: here G = (0.7·1.3·2.1)^{1/3}.
    const g = await aggregatePlain(instantiate(gls, { replicas: 1, tasks: 3, shared: 2 }), {
      grads: [grads],
      losses: [losses],
    });
    const factor = Math.cbrt(0.7 * 1.3 * 2.1) / 3;
    close(
      g.direction[0],
      (base.direction[0] ?? []).map((v) => factor * v),
    );
  });

  it('a loss ≤ 0 gives that task a NaN weight (and its replica a NaN direction); other replicas train', async () => {
    const out = await aggregatePlain(instantiate(si, { replicas: 3, tasks: 2, shared: 1 }), {
      grads: [
        [[1], [1]],
        [[1], [1]],
        [[1], [2]],
      ],
      losses: [
        [1, 0],
        [-1, 2],
        [1, 4],
      ],
    });
    expect(out.weights.slice(0, 2)).toEqual([
      [1, NaN],
      [NaN, 0.5],
    ]);
    expect(out.direction.slice(0, 2)).toEqual([[NaN], [NaN]]);
    close(out.weights[2], [1, 0.25]);
    close(out.direction[2], [1.5]);
  });

  it('the trainer stops a run with negative losses (the CAGrad toy) naming the method', async () => {
    const trainer = createTrainer(
      parseConfig({ task: { id: 'toy' }, method: { id: 'si' }, learningRate: 0.001 }),
    );
    const error = (await trainer.step(20).catch((e: unknown) => e)) as TrainingDivergedError;
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect(error.task).toBeNull();
    expect(error.method).toBe('si');
    trainer.dispose();
  });
});
