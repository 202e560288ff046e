import { describe, expect, it } from 'vitest';
import { ew } from './ew';
import { staticWeights } from './static';
import { aggregatePlain, instantiate } from './testing';

const close = (actual: number[][], expected: number[][], digits = 5) =>
  expected.forEach((row, r) => row.forEach((v, i) => expect(actual[r]?.[i]).toBeCloseTo(v, digits)));

describe('ew', () => {
  it('2 and 3 tasks: the plain sum, weights 1', async () => {
    const two = await aggregatePlain(instantiate(ew, { replicas: 1, tasks: 2, shared: 2 }), {
      grads: [
        [
          [1, 2],
          [3, -1],
        ],
      ],
      losses: [[1, 1]],
    });
    close(two.direction, [[4, 1]]);
    close(two.weights, [[1, 1]]);
    const three = await aggregatePlain(instantiate(ew, { replicas: 2, tasks: 3, shared: 1 }), {
      grads: [
        [[1], [2], [3]],
        [[-1], [0.5], [0]],
      ],
      losses: [
        [1, 1, 1],
        [1, 1, 1],
      ],
    });
    close(three.direction, [[6], [-0.5]]);
  });
});

describe('static', () => {
  it('weighs each task gradient by its own weight (2 and 3 tasks)', async () => {
    const m = instantiate(staticWeights, { replicas: 1, tasks: 2, shared: 2 }, { weights: [2, 0.5] });
    const out = await aggregatePlain(m, {
      grads: [
        [
          [1, 2],
          [3, -1],
        ],
      ],
      losses: [[1, 1]],
    });
    close(out.direction, [[3.5, 3.5]]);
    close(out.weights, [[2, 0.5]]);
    m.dispose();
    const m3 = instantiate(staticWeights, { replicas: 1, tasks: 3, shared: 1 }, { weights: [0, 1, 3] });
    close((await aggregatePlain(m3, { grads: [[[5], [2], [-1]]], losses: [[1, 1, 1]] })).direction, [[-1]]);
    m3.dispose();
  });

  it('an empty list means 1 for every task', async () => {
    const out = await aggregatePlain(instantiate(staticWeights, { replicas: 1, tasks: 3, shared: 1 }), {
      grads: [[[1], [2], [3]]],
      losses: [[1, 1, 1]],
    });
    close(out.weights, [[1, 1, 1]]);
    close(out.direction, [[6]]);
  });

  it('check(): empty or exactly one weight per task', () => {
    expect(staticWeights.check?.({ weights: [] }, { numTasks: 3 })).toEqual([]);
    expect(staticWeights.check?.({ weights: [1, 2, 3] }, { numTasks: 3 })).toEqual([]);
    const issues = staticWeights.check?.({ weights: [1, 2] }, { numTasks: 3 }) ?? [];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('weights');
  });
});
