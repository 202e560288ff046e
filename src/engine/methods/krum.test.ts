import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { krum, krumWeights } from './krum';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

const sqDist = (a: number[], b: number[]) => a.reduce((s, v, i) => s + (v - (b[i] ?? 0)) ** 2, 0);

/** Krum written the direct way on the vectors (float64): scores, stable selection, average. */
function reference(grads: number[][], f: number, m: number): number[] {
  const T = grads.length;
  const scores = grads.map((g, i) =>
    grads
      .filter((_, j) => j !== i)
      .map((h) => sqDist(g, h))
      .sort((a, b) => a - b)
      .slice(0, T - f - 2)
      .reduce((s, d) => s + d, 0),
  );
  const chosen = scores
    .map((s, t) => [s, t] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, m)
    .map(([, t]) => t);
  return (grads[0] ?? []).map((_, k) => chosen.reduce((s, t) => s + (grads[t]?.[k] ?? 0), 0) / m);
}

async function run(grads: number[][], params: { byzantine?: number; selected?: number }) {
  const T = grads.length;
  const P = grads[0]?.length ?? 0;
  return aggregatePlain(instantiate(krum, { replicas: 1, tasks: T, shared: P }, params), {
    grads: [grads],
    losses: [grads.map(() => 1)],
  });
}

const expectRow = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));

describe('krum', () => {
  it("torchjd's example: f = 1, m = 4 ignores the adversarial row, (1.25, 0.75, 1.5)", async () => {
    const J = [
      [1, 1, 1],
      [1, 0, 1],
      [75, -666, 23],
      [1, 2, 3],
      [2, 0, 1],
    ];
    // Squared-distance scores over the 2 nearest: (3, 2, 898885, 13, 3) (numpy).
    const out = await run(J, { byzantine: 1, selected: 4 });
    expectRow(out.direction[0], [1.25, 0.75, 1.5]);
    expectRow(out.weights[0], [0.25, 0.25, 0, 0.25, 0.25]);
    expectRow((await run(J, { byzantine: 1, selected: 1 })).direction[0], [1, 0, 1]); // the best: row 1
  });

  it('3 tasks by hand: (1,1), (3,1), (1,4) have squared distances 4, 9, 13; scores (4, 4, 9)', async () => {
    const G = [
      [1, 1],
      [3, 1],
      [1, 4],
    ];
    expectRow((await run(G, { selected: 1 })).direction[0], [1, 1]); // tie between 0 and 1: the lower index
    expectRow((await run(G, { selected: 2 })).direction[0], [2, 1]);
    const all = await run(G, { selected: 3 }); // m = T with f = 0: the mean
    expectRow(all.direction[0], [5 / 3, 2]);
    expectRow(all.weights[0], [1 / 3, 1 / 3, 1 / 3]);
  });

  it('very different magnitudes: the large gradient is far from both others and never selected', async () => {
    // Squared distances 10001, 10004 and 1: scores (10001, 1, 1).
    const G = [
      [100, 0],
      [0, 1],
      [0, 2],
    ];
    expectRow((await run(G, { selected: 1 })).direction[0], [0, 1]);
    expectRow((await run(G, { selected: 2 })).direction[0], [0, 1.5]);
  });

  it('2 conflicting tasks: check refuses any f (T > 2f + 2 fails), an instance still returns a gradient', async () => {
    const issues = krum.check?.({ byzantine: 0, selected: 1 }, { numTasks: 2 }) ?? [];
    expect(issues.map((i) => i.path)).toEqual(['byzantine']);
    expect(issues[0]?.message).toMatch(/at least 3 tasks/);
    expect(krum.check?.({ byzantine: 0, selected: 1 }, { numTasks: 3 })).toEqual([]);
    expect(krum.check?.({ byzantine: 1, selected: 1 }, { numTasks: 4 })[0]?.message).toMatch(
      /between 0 and 0/,
    );
    expect(krum.check?.({ byzantine: 1, selected: 1 }, { numTasks: 5 })).toEqual([]);
    expect(krum.check?.({ byzantine: 0, selected: 4 }, { numTasks: 3 })[0]?.path).toBe('selected');
    expectRow(
      (
        await run(
          [
            [1, 0],
            [-1, 1],
          ],
          {},
        )
      ).direction[0],
      [1, 0],
    );
  });

  it('3 to 6 tasks, valid f and m, nearly collinear rows included: matches the direct loop on the vectors', async () => {
    for (const T of [3, 4, 5, 6]) {
      for (let seed = 0; seed < 4; seed++) {
        const grads = randomPlainInput(10 * T + seed, 1, T, 4).grads[0] ?? [];
        if (seed === 3) grads[1] = (grads[0] ?? []).map((v, k) => 1.001 * v + 1e-3 * k); // nearly collinear
        for (let f = 0; T > 2 * f + 2; f++) {
          for (const m of [1, 2, T - f]) {
            const out = await run(grads, { byzantine: f, selected: m });
            expectRow(out.direction[0], reference(grads, f, m), 4);
          }
        }
      }
    }
  });

  it('is permutation-equivariant away from ties (5 tasks)', () => {
    const rng = new Rng(4);
    for (let trial = 0; trial < 10; trial++) {
      const G = Array.from({ length: 5 }, () => Array.from({ length: 3 }, () => rng.normal()));
      const gramOf = (rows: number[][]) =>
        rows.map((a) => rows.map((b) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0)));
      const perm = rng.permutation(5);
      const w = krumWeights(gramOf(G), 1, 2);
      const wp = krumWeights(gramOf(perm.map((t) => G[t] ?? [])), 1, 2);
      expect(wp).toEqual(perm.map((t) => w[t]));
    }
  });

  it('robustness: one gradient of norm 1e6 among 5 does not move the output off the honest ones', async () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 8; trial++) {
      const centre = [1, -2, 0.5, 3];
      const honest = Array.from({ length: 4 }, () => centre.map((c) => c + 0.1 * rng.normal()));
      const outlier = centre.map(() => 5e5 * (rng.next() < 0.5 ? -1 : 1));
      const at = trial % 5;
      const G = [...honest.slice(0, at), outlier, ...honest.slice(at)];
      for (const selected of [1, 2, 3]) {
        const out = await run(G, { byzantine: 1, selected });
        expect(out.weights[0]?.[at]).toBe(0);
        // Within the honest cloud: every honest row is within 0.1·√4·4 of the centre in practice.
        expect(Math.sqrt(sqDist(out.direction[0] ?? [], centre))).toBeLessThan(0.5);
      }
      const mean = centre.map((_, k) => G.reduce((s, g) => s + (g[k] ?? 0), 0) / 5);
      expect(Math.sqrt(sqDist(mean, centre))).toBeGreaterThan(1e5); // what the mean would have done
    }
  });

  it('scaling: c·G selects the same tasks and gives c times the direction (c = 1/8, 4: exact in float)', async () => {
    for (const T of [3, 5]) {
      const plain = randomPlainInput(T, 1, T, 4);
      const grads = plain.grads[0] ?? [];
      const base = await run(grads, { selected: 2 });
      for (const c of [0.125, 4]) {
        const scaled = await run(
          grads.map((g) => g.map((v) => c * v)),
          { selected: 2 },
        );
        expect(scaled.weights).toEqual(base.weights);
        expectRow(
          scaled.direction[0],
          (base.direction[0] ?? []).map((v) => c * v),
          6,
        );
      }
    }
  });
});
