/**
 * The toy lessons' measures, against independent computations: the smallest mean loss on a fine grid,
 * the gradient cosine on and off the Pareto set, the seeds' start shifts, and that all seeds' starts
 * trained in one run end exactly where each seed's starts end when trained alone.
 */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../lessons/parse-lesson';
import { TOY_PARETO, toyLosses } from '../tasks/toy';
import {
  gradientCosine,
  MEAN_LOSS_MINIMUM,
  meanLoss,
  median,
  START_SHIFT,
  shiftedStarts,
  toyEnds,
} from './toy-runs';

const STARTS = [
  [-8.5, 7.5],
  [-8.5, 5],
  [0, 0],
  [9, 9],
  [10, -8],
];

describe('the mean-loss minimum', () => {
  it('no point of a 0.01 grid over the toy box (refined 0.0005 around the best) has a lower mean loss', () => {
    let best = { v: Infinity, x: 0, y: 0 };
    const scan = (x0: number, x1: number, y0: number, y1: number, h: number) => {
      for (let x = x0; x <= x1; x += h)
        for (let y = y0; y <= y1; y += h) {
          const [a, b] = toyLosses(x, y);
          if ((a + b) / 2 < best.v) best = { v: (a + b) / 2, x, y };
        }
    };
    scan(-10, 10, -10, 10, 0.01);
    scan(best.x - 0.02, best.x + 0.02, best.y - 0.02, best.y + 0.02, 0.0005);
    expect(MEAN_LOSS_MINIMUM).toBeLessThanOrEqual(best.v + 1e-9);
    expect(MEAN_LOSS_MINIMUM).toBeCloseTo(-15.092, 3);
    expect(Math.abs(best.x)).toBeLessThan(0.01);
    expect(best.y).toBeCloseTo(TOY_PARETO.meanLossMinimum[1], 2);
  });
});

describe('gradientCosine', () => {
  it('is -1 on the Pareto set (θ1 = ±2, ±4, ±6 at its θ2) and clearly above it away from it', () => {
    // θ2 of the set at θ1 = ±2, ±4, ±6: bisection in float64 (as in src/engine/train/pcgrad-toy.test.ts).
    for (const [x, y] of [
      [-6, -8.414436340332031],
      [-4, -8.38222885131836],
      [2, -8.36201000213623],
    ] as const)
      expect(gradientCosine([x, y])).toBeLessThan(-0.9999);
    expect(gradientCosine([0, 0])).toBeGreaterThan(-0.9);
    expect(gradientCosine([5, 3])).toBeGreaterThan(-0.9);
  });
});

describe('shiftedStarts', () => {
  it('moves each coordinate by at most START_SHIFT, the same way for a seed, differently across seeds', () => {
    const a = shiftedStarts(STARTS, 1);
    expect(shiftedStarts(STARTS, 1)).toEqual(a);
    expect(shiftedStarts(STARTS, 2)).not.toEqual(a);
    a.forEach((p, i) =>
      p.forEach((v, j) => {
        const moved = Math.abs(v - (STARTS[i]?.[j] ?? 0));
        // (10, ·) is clamped into the box, so it moves less.
        expect(moved).toBeLessThanOrEqual(START_SHIFT);
      }),
    );
  });
});

describe('median and meanLoss', () => {
  it('agree with hand-computed values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const [l1, l2] = toyLosses(1, -8);
    expect(meanLoss([1, -8])).toBe((l1 + l2) / 2);
  });
});

describe('toyEnds', () => {
  it("reads each seed's slice of one batched run: the same end points as that seed trained alone", async () => {
    const lesson = parseLesson({
      id: 'toy-batch',
      title: 't',
      summary: 's',
      paper: { cite: 'c', url: 'https://arxiv.org/abs/2110.14048' },
      finding: 'f',
      setup: {
        kind: 'config',
        config: {
          task: { id: 'toy', params: { starts: STARTS.slice(0, 2) } },
          method: { id: 'mgda' },
          learningRate: 0.2,
          steps: 60,
          reportEvery: 60,
        },
      },
      steps: [{ text: 'a' }, { text: 'b' }, { text: 'c' }],
      notice: 'n',
      question: 'q',
      expected: 'e',
    });
    const together = await toyEnds(lesson, {}, [1, 2, 3], 2);
    const alone = await toyEnds(lesson, {}, [2], 2);
    expect(together.map((e) => e.start)).toEqual(shiftedStarts(STARTS.slice(0, 2), 2));
    together.forEach((e, i) => {
      expect(e.theta[0]).toBeCloseTo(alone[i]?.theta[0] ?? NaN, 5);
      expect(e.theta[1]).toBeCloseTo(alone[i]?.theta[1] ?? NaN, 5);
    });
  });
});
