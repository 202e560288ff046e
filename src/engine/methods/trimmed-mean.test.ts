import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';
import { trimmedMean } from './trimmed-mean';

/** The trimmed mean written the direct way (float64): sort each column, drop both ends, average. */
function reference(grads: number[][], trim: number): number[] {
  return (grads[0] ?? []).map((_, k) => {
    const column = grads.map((g) => g[k] ?? 0).sort((a, b) => a - b);
    const kept = column.slice(trim, column.length - trim);
    return kept.reduce((s, v) => s + v, 0) / kept.length;
  });
}

async function run(grads: number[][], trim: number) {
  const T = grads.length;
  return aggregatePlain(
    instantiate(trimmedMean, { replicas: 1, tasks: T, shared: grads[0]?.length ?? 0 }, { trim }),
    {
      grads: [grads],
      losses: [grads.map(() => 1)],
    },
  );
}

const expectRow = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));

describe('trimmed-mean', () => {
  it("torchjd's example: trim 1 of [[1e11, 3], [1, −1e11], [−1e10, 1e10], [2, 2]] is (1.5, 2.5)", async () => {
    const out = await run(
      [
        [1e11, 3],
        [1, -1e11],
        [-1e10, 1e10],
        [2, 2],
      ],
      1,
    );
    expectRow(out.direction[0], [1.5, 2.5]);
    // Kept: tasks 1 and 3 in column 0, tasks 0 and 3 in column 1; weight = kept fraction / 2.
    expectRow(out.weights[0], [0.25, 0.25, 0, 0.5]);
  });

  it('3 tasks, trim 1, is the coordinate-wise median (conflicting signs, a tie, different magnitudes)', async () => {
    const out = await run(
      [
        [1, -2, 1],
        [-3, 5, 1000],
        [1, 0.5, -0.01],
      ],
      1,
    );
    expectRow(out.direction[0], [1, 0.5, 1]);
    // Column 0 holds 1, −3, 1: ranks 1, 0, 2 (the tie goes to the lower index), so task 0 is kept;
    // task 2 in column 1 (0.5), task 0 in column 2 (1): kept fractions (2/3, 0, 1/3), divided by 1.
    expectRow(out.weights[0], [2 / 3, 0, 1 / 3]);
  });

  it('trim 0 is the mean with weights exactly 1/T (2 and 3 tasks); check wants T > 2·trim', async () => {
    for (const T of [2, 3]) {
      const plain = randomPlainInput(T, 1, T, 4);
      const out = await run(plain.grads[0] ?? [], 0);
      expectRow(out.direction[0], reference(plain.grads[0] ?? [], 0));
      out.weights[0]?.forEach((w) => expect(w).toBeCloseTo(1 / T, 7));
    }
    expect(trimmedMean.check?.({ trim: 1 }, { numTasks: 2 })?.map((i) => i.path)).toEqual(['trim']);
    expect(trimmedMean.check?.({ trim: 1 }, { numTasks: 2 })?.[0]?.message).toMatch(/between 0 and 0/);
    expect(trimmedMean.check?.({ trim: 1 }, { numTasks: 3 })).toEqual([]);
    expect(trimmedMean.check?.({ trim: 2 }, { numTasks: 4 })?.[0]?.message).toMatch(/between 0 and 1/);
    // Created anyway with 2 tasks and trim 1: trims nothing (the mean), rather than averaging no values.
    expectRow(
      (
        await run(
          [
            [1, 0],
            [-1, 1],
          ],
          1,
        )
      ).direction[0],
      [0, 0.5],
    );
  });

  it('3 to 6 tasks, every valid trim, aligned and nearly collinear rows included: matches the direct loop', async () => {
    for (const T of [3, 4, 5, 6]) {
      for (let seed = 0; seed < 3; seed++) {
        const grads = randomPlainInput(7 * T + seed, 1, T, 6).grads[0] ?? [];
        if (seed === 1) grads.forEach((g) => g.forEach((v, k) => (g[k] = Math.abs(v) + k))); // aligned
        if (seed === 2) grads[1] = (grads[0] ?? []).map((v) => 1.0001 * v); // nearly collinear
        for (let trim = 0; T > 2 * trim; trim++) {
          const out = await run(grads, trim);
          expectRow(out.direction[0], reference(grads, trim));
          expect(out.weights[0]?.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 6);
        }
      }
    }
  });

  it('robustness: one gradient of norm 1e6 among 5 moves the output at most to the edge of the honest ones', async () => {
    const rng = new Rng(5);
    for (let trial = 0; trial < 8; trial++) {
      const centre = [1, -2, 0.5, 3];
      const honest = Array.from({ length: 4 }, () => centre.map((c) => c + 0.1 * rng.normal()));
      const outlier = centre.map(() => 5e5 * (rng.next() < 0.5 ? -1 : 1));
      const at = trial % 5;
      const G = [...honest.slice(0, at), outlier, ...honest.slice(at)];
      const out = await run(G, 1);
      centre.forEach((_, k) => {
        const column = honest.map((g) => g[k] ?? 0);
        // Trimming one per side leaves 3 values of which at least 2 are honest: the result lies within
        // [second smallest honest, second largest honest] plus nothing from the outlier.
        expect(out.direction[0]?.[k]).toBeGreaterThanOrEqual(Math.min(...column) - 1e-6);
        expect(out.direction[0]?.[k]).toBeLessThanOrEqual(Math.max(...column) + 1e-6);
      });
      expect(out.weights[0]?.[at]).toBe(0);
    }
  });

  it('scaling and permutation: c·G gives c times the direction; reordering the tasks changes nothing', async () => {
    const grads = randomPlainInput(9, 1, 5, 6).grads[0] ?? [];
    const base = await run(grads, 1);
    for (const c of [0.125, 4]) {
      const scaled = await run(
        grads.map((g) => g.map((v) => c * v)),
        1,
      );
      expect(scaled.weights).toEqual(base.weights);
      expectRow(
        scaled.direction[0],
        (base.direction[0] ?? []).map((v) => c * v),
        6,
      );
    }
    const perm = [3, 0, 4, 1, 2];
    const permuted = await run(
      perm.map((t) => grads[t] ?? []),
      1,
    );
    expectRow(permuted.direction[0], base.direction[0] ?? [], 6);
    expectRow(
      permuted.weights[0],
      perm.map((t) => base.weights[0]?.[t] ?? NaN),
      6,
    );
  });
});
