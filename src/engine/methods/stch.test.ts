import { describe, expect, it } from 'vitest';
import { stch } from './stch';
import { instantiate, runSequence, type PlainInput } from './testing';

const close = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));
const ones = (T: number): number[][][] => [Array.from({ length: T }, () => [1])];
const steps = (losses: number[][]): PlainInput[] =>
  losses.map((L) => ({ grads: ones(L.length), losses: [L] }));

/** Six steps of 3 tasks; warm-up 2 steps, nadir from steps 2 and 3: n = (2.5, 1.5, 1.5). */
const LOSSES3 = [
  [1, 2, 0.5],
  [3, 1, 0.5],
  [2, 2, 1],
  [4, 1, 2],
  [2.5, 1.2, 3],
  [0.5, 2, 0.2],
];

describe('stch', () => {
  it('2 tasks by hand: warm-up weighs 1/L; then w = T·softmax(log(L/n)/μ)/L with the nadir n', async () => {
    const m = instantiate(stch, { replicas: 1, tasks: 2, shared: 1 }, { warmup: 1, nadirSteps: 2, mu: 1 });
    const outs = await runSequence(
      m,
      steps([
        [5, 5],
        [1, 1],
        [3, 1],
        [4, 1],
      ]),
    );
    close(outs[0]?.weights[0], [0.2, 0.2]);
    close(outs[2]?.weights[0], [1 / 3, 1]); // still warm-up weights while the nadir is averaged
    // n = mean of steps 1 and 2 = (2, 1); f = log(L/n) = (ln 2, 0); softmax = (2/3, 1/3); w = 2·p/L.
    close(outs[3]?.weights[0], [1 / 3, 2 / 3]);
    close(outs[3]?.direction[0], [1]);
    m.dispose();
  });

  it('3 tasks, μ = 1 and μ = 0.1: numpy of LibMTL’s STCH.py', async () => {
    const expected = {
      1: [
        [0.25, 1, 0.5],
        [0.27522935779816515, 0.5504587155963302, 0.5504587155963303],
        [0.6122448979591838, 1.2244897959183672, 1.2244897959183674],
      ],
      0.1: [
        [0.25, 1, 0.5],
        [1.8921467135878017e-4, 2.6207518484942316e-4, 0.99973749103326137],
        [5.5879354419299319e-9, 1.4999999984530161, 1.4999999984530207e-9],
      ],
    };
    for (const [mu, rows] of Object.entries(expected)) {
      const m = instantiate(
        stch,
        { replicas: 1, tasks: 3, shared: 1 },
        { warmup: 2, nadirSteps: 2, mu: Number(mu) },
      );
      const outs = await runSequence(m, steps(LOSSES3));
      rows.forEach((w, i) => close(outs[3 + i]?.weights[0], w, 5));
      m.dispose();
    }
  });

  it('limits: small μ follows the worst task only (Tchebycheff), large μ gives the warm-up weights 1/L', async () => {
    const nadirThenNow = steps([
      [2, 1, 1],
      [2, 1, 1],
      [3, 3, 1.5],
    ]); // L/n = (1.5, 3, 1.5): task 2 is worst off
    const sharp = await runSequence(
      instantiate(stch, { replicas: 1, tasks: 3, shared: 1 }, { warmup: 0, nadirSteps: 2, mu: 0.001 }),
      nadirThenNow,
    );
    close(sharp[2]?.weights[0], [0, 1, 0]); // T / L_2 = 3/3 on the worst task
    const flat = await runSequence(
      instantiate(stch, { replicas: 1, tasks: 3, shared: 1 }, { warmup: 0, nadirSteps: 2, mu: 1000 }),
      nadirThenNow,
    );
    close(flat[2]?.weights[0], [1 / 3, 1 / 3, 1 / 1.5], 3);
  });

  it('scaling a task’s losses (and gradients) by 100 leaves every update unchanged (relative to its nadir)', async () => {
    const plain = steps(LOSSES3).map((p, s) => ({
      grads: [
        [
          [1, s],
          [-1, 2],
          [0.5, -s],
        ],
      ],
      losses: p.losses,
    }));
    const scaled = plain.map((p) => ({
      grads: [p.grads[0]?.map((g, t) => (t === 0 ? g.map((v) => 100 * v) : g)) ?? []],
      losses: [p.losses[0]?.map((l, t) => (t === 0 ? 100 * l : l)) ?? []],
    }));
    const params = { warmup: 2, nadirSteps: 2, mu: 0.5 };
    const a = await runSequence(instantiate(stch, { replicas: 1, tasks: 3, shared: 2 }, params), plain);
    const b = await runSequence(instantiate(stch, { replicas: 1, tasks: 3, shared: 2 }, params), scaled);
    a.forEach((out, s) => close(b[s]?.direction[0], out.direction[0] ?? [], 4));
  });

  it('a negative loss gives NaN weights, in the warm-up and after it', async () => {
    const params = { warmup: 0, nadirSteps: 1 };
    const warm = await runSequence(
      instantiate(stch, { replicas: 1, tasks: 2, shared: 1 }, params),
      steps([[2, -1]]),
    );
    expect(warm[0]?.weights[0]?.[0]).toBeCloseTo(0.5, 6);
    expect(warm[0]?.weights[0]?.[1]).toBeNaN();
    const after = await runSequence(
      instantiate(stch, { replicas: 1, tasks: 2, shared: 1 }, params),
      steps([
        [1, 1],
        [1, -1],
      ]),
    );
    expect(after[1]?.weights[0]).toEqual([NaN, NaN]); // the softmax mixes the NaN into every weight
  });
});
