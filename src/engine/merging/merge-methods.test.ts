import { describe, expect, it } from 'vitest';
import { average } from './average';
import { MERGE_METHODS } from './registry';
import { taskArithmetic } from './task-arithmetic';
import { disjointMean, electSigns, ties, trimTopK } from './ties';
import { MergeShapeError, taskVectors } from './task-vectors';

const f32 = (values: number[]) => Float32Array.from(values);
const close = (actual: Float32Array, expected: number[]) =>
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 6));

describe('task arithmetic (Ilharco et al. 2023) on a 3-parameter model, by hand', () => {
  // θ0 = [1, 2, -1]; τ1 = θ1 − θ0 = [1, 0, 1]; τ2 = θ2 − θ0 = [-1, 1, 0]; Σ τ = [0, 1, 1].
  const theta0 = f32([1, 2, -1]);
  const models = [f32([2, 2, 0]), f32([0, 3, -1])];

  it('θ0 + λ Σ τ_t', () => {
    close(taskArithmetic(theta0, models, 1), [1, 3, 0]);
    close(taskArithmetic(theta0, models, 0.5), [1, 2.5, -0.5]);
    close(taskArithmetic(theta0, models, 0.3), [1, 2.3, -0.7]);
  });

  it('averaging is task arithmetic with λ = 1/T', () => {
    close(average(theta0, models), [1, 2.5, -0.5]);
    const three = [...models, f32([4, -1, 2])];
    close(average(theta0, three), Array.from(taskArithmetic(theta0, three, 1 / 3)));
  });

  it('λ = 0 returns θ0, for task arithmetic and TIES', () => {
    close(taskArithmetic(theta0, models, 0), [1, 2, -1]);
    close(ties(theta0, models, { topK: 50, lambda: 0 }), [1, 2, -1]);
  });
});

describe('TIES-merging (Yadav et al. 2023) on a hand example in the style of their Fig. 2', () => {
  // Three task vectors over five parameters, θ0 = 1 everywhere.
  const taus = [
    [0.5, -0.1, 0.9, -0.3, 0.0],
    [-0.6, 0.2, 0.4, 0.8, 0.05],
    [0.4, -0.7, -0.2, 0.1, -0.05],
  ];
  const theta0 = f32([1, 1, 1, 1, 1]);
  const models = taus.map((t) => f32(t.map((v) => 1 + v)));

  it('trim keeps the top 60% (3 of 5) by magnitude of each task vector', () => {
    close(trimTopK(f32(taus[0]!), 60), [0.5, 0, 0.9, -0.3, 0]);
    close(trimTopK(f32(taus[1]!), 60), [-0.6, 0, 0.4, 0.8, 0]);
    close(trimTopK(f32(taus[2]!), 60), [0.4, -0.7, -0.2, 0, 0]);
    expect(Array.from(trimTopK(f32([3, -1, 2]), 100))).toEqual([3, -1, 2]);
  });

  it('elect: the sign of the total mass; disjoint mean: only the agreeing entries', () => {
    const trimmed = taus.map((t) => trimTopK(f32(t), 60));
    // Sums: 0.3, -0.7, 1.1, 0.5, 0 (the last one has no entry left).
    const signs = electSigns(trimmed, 5);
    expect(Array.from(signs)).toEqual([1, -1, 1, 1, 0]);
    // Parameter 0: 0.5 and 0.4 agree with +, -0.6 does not: (0.5 + 0.4) / 2.
    close(disjointMean(trimmed, signs), [0.45, -0.7, 0.65, 0.8, 0]);
  });

  it('merge: θ0 + λ τ_m', () => {
    close(ties(theta0, models, { topK: 60, lambda: 1 }), [1.45, 0.3, 1.65, 1.8, 1]);
    close(ties(theta0, models, { topK: 60, lambda: 0.5 }), [1.225, 0.65, 1.325, 1.4, 1]);
  });

  it('refuses a top-k outside (0, 100]', () => {
    expect(() => trimTopK(f32([1]), 0)).toThrow(/topK/);
    expect(() => trimTopK(f32([1]), 101)).toThrow(/topK/);
  });
});

describe('properties of every merge method', () => {
  const theta0 = f32([0.3, -1.2, 2, 0.5, -0.7, 1.1]);
  const model = f32([1.3, -0.2, 1.5, 0.5, -2.7, 0.1]);

  it('merging identical models returns that model (task arithmetic at λ = 1/T)', () => {
    for (const T of [1, 2, 3]) {
      const models = Array.from({ length: T }, () => model);
      close(average(theta0, models), Array.from(model));
      close(taskArithmetic(theta0, models, 1 / T), Array.from(model));
      // TIES keeps all entries at 100%: the disjoint mean of equal entries is that entry.
      close(ties(theta0, models, { topK: 100, lambda: 1 }), Array.from(model));
    }
  });

  it('every method refuses models of different shapes, naming the model', () => {
    const short = f32([1, 2, 3]);
    for (const m of MERGE_METHODS) {
      const params = { lambda: 1, topK: 20, warmupSteps: 0 };
      expect(() => m.merge(theta0, [model, short], params)).toThrow(MergeShapeError);
      expect(() => m.merge(theta0, [model, short], params)).toThrow(
        /models\[1\]: has 3 parameters.*θ0 has 6/,
      );
      expect(() => m.merge(theta0, [], params)).toThrow(/at least one model/);
    }
  });

  it('task vectors are θ_t − θ0', () => {
    close(taskVectors(theta0, [model])[0]!, [1, 1, -0.5, 0, -2, -1]);
  });
});
