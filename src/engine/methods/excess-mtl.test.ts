import { describe, expect, it } from 'vitest';
import { excessMtl } from './excess-mtl';
import { instantiate, runSequence, type PlainInput } from './testing';

const close = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));
const withGrads = (grads: number[][][]): PlainInput[] =>
  grads.map((G) => ({ grads: [G], losses: [G.map(() => 1)] }));

describe('excess-mtl', () => {
  it('2 tasks by hand (η = 1): weights 1 at first, then exp(η e_t/e_t(0)) renormalised to sum 2', async () => {
    const m = instantiate(excessMtl, { replicas: 1, tasks: 2, shared: 2 }, { robustStepSize: 1 });
    const outs = await runSequence(
      m,
      withGrads([
        [
          [1, 0],
          [0, 2],
        ],
        [
          [2, 0],
          [0, 2],
        ],
      ]),
    );
    close(outs[0]?.weights[0], [1, 1]);
    close(outs[0]?.direction[0], [1, 2]);
    // e(0) = (1, 4/2) = (1, 2); then Σg² = (5, 8): e = (4/√5, 4/√8), relative (1.7889, 0.7071).
    const grown = [Math.exp(4 / Math.sqrt(5)), Math.exp(4 / Math.sqrt(8) / 2)];
    const sum = (grown[0] ?? 0) + (grown[1] ?? 0);
    close(
      outs[1]?.weights[0],
      grown.map((g) => (2 * g) / sum),
    );
    close(outs[1]?.weights[0], [1.4936491415480129, 0.5063508584519874]); // numpy of ExcessMTL.py
    m.dispose();
  });

  it('3 tasks over 4 steps (η = 0.5): numpy of LibMTL’s ExcessMTL.py', async () => {
    const m = instantiate(excessMtl, { replicas: 1, tasks: 3, shared: 2 }, { robustStepSize: 0.5 });
    const outs = await runSequence(
      m,
      withGrads([
        [
          [1, 0],
          [0, 2],
          [0.5, 0.5],
        ],
        [
          [2, 0],
          [0, 2],
          [0.1, -0.1],
        ],
        [
          [0.5, 1],
          [1, 1],
          [3, 0],
        ],
        [
          [0.1, 0.1],
          [0.2, 2],
          [1, 1],
        ],
      ]),
    );
    [
      [1, 1, 1],
      [1.5006166482245749, 0.8737179111652125, 0.6256654406102127],
      [1.1917287880275955, 0.5561651656789719, 1.252106046293433],
      [0.8519847867819095, 0.5260910538072502, 1.62192415941084],
    ].forEach((w, s) => {
      close(outs[s]?.weights[0], w);
      expect((outs[s]?.weights[0] ?? []).reduce((a, b) => a + b, 0)).toBeCloseTo(3, 5);
    });
    m.dispose();
  });

  it('η = 0 is equal weighting; equal relative excess risks keep the weights equal', async () => {
    const sequence = withGrads([
      [
        [1, 0],
        [0, 3],
      ],
      [
        [0.2, 0.1],
        [5, -1],
      ],
    ]);
    const frozen = await runSequence(
      instantiate(excessMtl, { replicas: 1, tasks: 2, shared: 2 }, { robustStepSize: 0 }),
      sequence,
    );
    frozen.forEach((out) => close(out.weights[0], [1, 1]));
    // The same gradients twice: e = |g|²/(√2|g|)-like per coordinate, e/e(0) = 1/√2 for both tasks.
    const same = await runSequence(
      instantiate(excessMtl, { replicas: 1, tasks: 2, shared: 2 }, { robustStepSize: 5 }),
      withGrads([
        [
          [1, 0],
          [0, 3],
        ],
        [
          [1, 0],
          [0, 3],
        ],
      ]),
    );
    close(same[1]?.weights[0], [1, 1]);
  });

  it('a task whose first gradient was zero stays finite (relative excess risk 0)', async () => {
    const outs = await runSequence(
      instantiate(excessMtl, { replicas: 1, tasks: 2, shared: 2 }, { robustStepSize: 1 }),
      withGrads([
        [
          [0, 0],
          [1, 1],
        ],
        [
          [1, 0],
          [1, 1],
        ],
      ]),
    );
    // e(0) = (0, 2); then e = (1/√1, 2/√2): relative (0 by convention, 1/√2).
    const grown = [1, Math.exp(Math.SQRT1_2)];
    close(
      outs[1]?.weights[0],
      grown.map((g) => (2 * g) / (1 + (grown[1] ?? 0))),
    );
  });
});
