import { describe, expect, it } from 'vitest';
import { dwa } from './dwa';
import { aggregatePlain, instantiate } from './testing';

describe('dwa', () => {
  it('weights 1 for two periods, then T·softmax(ratio of period means / temperature) (2 tasks, period 2)', async () => {
    const m = instantiate(dwa, { replicas: 1, tasks: 2, shared: 1 }, { period: 2, temperature: 2 });
    const seq = [
      [1, 2],
      [3, 2],
      [1, 1],
      [1, 3],
      [9, 9],
      [9, 9],
    ];
    const weights: number[][] = [];
    for (const [step, losses] of seq.entries()) {
      const out = await aggregatePlain(m, { grads: [[[1], [10]]], losses: [losses] }, step);
      weights.push(out.weights[0] ?? []);
      expect(out.direction[0]?.[0]).toBeCloseTo(
        (out.weights[0]?.[0] ?? 0) + 10 * (out.weights[0]?.[1] ?? 0),
        4,
      );
    }
    weights.slice(0, 4).forEach((w) => w.forEach((v) => expect(v).toBeCloseTo(1, 6)));
    // Periods: means (2, 2) then (1, 2): r = (0.5, 1); w = 2·softmax(r/2), by hand.
    const e = [Math.exp(0.25), Math.exp(0.5)];
    const expected = e.map((v) => (2 * v) / ((e[0] ?? 0) + (e[1] ?? 0)));
    [4, 5].forEach((step) => expected.forEach((v, t) => expect(weights[step]?.[t]).toBeCloseTo(v, 5)));
    m.dispose();
  });

  it('3 tasks, 2 replicas: the third period uses the ratios of the first two (numpy reference)', async () => {
    const m = instantiate(dwa, { replicas: 2, tasks: 3, shared: 1 }, { period: 2, temperature: 2 });
    const seq = [
      [1, 2, 3],
      [3, 2, 1],
      [1, 1, 2],
      [1, 3, 1],
      [5, 5, 5],
    ];
    let last: number[][] = [];
    for (const [step, losses] of seq.entries()) {
      const out = await aggregatePlain(
        m,
        {
          grads: [
            [[1], [1], [1]],
            [[1], [1], [1]],
          ],
          losses: [losses, losses.map(() => 1)],
        },
        step,
      );
      last = out.weights;
    }
    // numpy: 3 * softmax((mean(seq[2:4]) / mean(seq[0:2])) / 2)
    [0.8779184537705333, 1.127269608420567, 0.9948119378089].forEach((v, t) =>
      expect(last[0]?.[t]).toBeCloseTo(v, 5),
    );
    last[1]?.forEach((v) => expect(v).toBeCloseTo(1, 6)); // constant losses: ratios 1, weights 1
    m.dispose();
  });
});
