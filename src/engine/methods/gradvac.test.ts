import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { GRADVAC_MAX_TARGET, gradvac } from './gradvac';
import { pcgrad } from './pcgrad';
import { aggregatePlain, instantiate, randomPlainInput, runSequence, type PlainInput } from './testing';

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));

/**
 * GradVac written the direct way (the paper's Algorithm 1 on vectors, float64), with the same draws from
 * the rng as the method: for each task i in turn, a permutation of the other tasks. `targets` is updated
 * in place.
 */
function reference(grads: number[][], targets: number[][], beta: number, rng: Rng): number[] {
  const T = grads.length;
  const orders = grads.map((_, i) => {
    const others = grads.map((_, j) => j).filter((j) => j !== i);
    return rng.permutation(T - 1).map((k) => others[k] ?? 0);
  });
  const vaccinated = grads.map((g, i) => {
    const gv = [...g];
    for (const j of orders[i] ?? []) {
      const gj = grads[j] ?? [];
      const ni = norm(gv);
      const nj = norm(gj);
      const phi = ni > 0 && nj > 0 ? dot(gv, gj) / (ni * nj) : 0;
      const row = targets[i] ?? [];
      const target = row[j] ?? 0;
      if (phi < target && nj > 0) {
        const t = Math.max(-GRADVAC_MAX_TARGET, Math.min(GRADVAC_MAX_TARGET, target));
        const sqrtT = Math.sqrt(1 - t * t);
        const w = (ni * (t * Math.sqrt(Math.max(1 - phi * phi, 0)) - phi * sqrtT)) / (nj * sqrtT);
        gj.forEach((v, k) => (gv[k] = (gv[k] ?? 0) + w * v));
      }
      row[j] = (1 - beta) * target + beta * phi;
    }
    return gv;
  });
  return (grads[0] ?? []).map((_, k) => vaccinated.reduce((s, gv) => s + (gv[k] ?? 0), 0));
}

const zeros = (T: number) => Array.from({ length: T }, () => new Array<number>(T).fill(0));

describe('gradvac', () => {
  it('2 conflicting tasks by hand: step 1 is PCGrad, step 2 lifts each cosine to the EMA target', async () => {
    const m = instantiate(gradvac, { replicas: 1, tasks: 2, shared: 2 });
    const plain = {
      grads: [
        [
          [1, 0],
          [-1, 1],
        ],
      ],
      losses: [[1, 1]],
    };
    const [first, second] = await runSequence(m, [plain, plain]);
    // cos = −1/√2 < 0 = target: g1 + g2/2 = (0.5, 0.5) and g2 + g1 = (0, 1), as PCGrad.
    [0.5, 1.5].forEach((v, i) => expect(first?.direction[0]?.[i]).toBeCloseTo(v, 6));
    [2, 1.5].forEach((v, t) => expect(first?.weights[0]?.[t]).toBeCloseTo(v, 6));
    // Targets now β·φ = −0.353553. With t = −0.353553, φ = −0.707107, √(1−t²) = 0.935414:
    // w1 = 1·(t·0.707107 − φ·0.935414)/(√2·0.935414) = 0.311018, w2 = √2·(same numerator)/0.935414 = 0.622036;
    // g1' = (0.688982, 0.311018) has cosine −0.353553 with g2 (numpy). Direction g1' + g2' = (0.311018, 1.311018).
    [0.3110177634953863, 1.3110177634953863].forEach((v, i) =>
      expect(second?.direction[0]?.[i]).toBeCloseTo(v, 5),
    );
    [1.6220355269907727, 1.3110177634953863].forEach((v, t) =>
      expect(second?.weights[0]?.[t]).toBeCloseTo(v, 5),
    );
    const targets = (await m.state.readTensors()).targets?.values ?? []; // [R, T, T] row-major
    expect(targets[1]).toBeCloseTo(-0.5303300858899106, 5); // [0][0][1]: 0.5·(−0.353553) + 0.5·(−0.707107)
    expect(targets[0]).toBe(0);
    m.dispose();
  });

  it('aligned gradients (3 tasks) are summed unchanged while their cosines stay above the targets', async () => {
    const m = instantiate(gradvac, { replicas: 1, tasks: 3, shared: 3 });
    const plain = {
      grads: [
        [
          [1, 0.2, 0],
          [0.5, 1, 0.1],
          [0.3, 0.1, 2],
        ],
      ],
      losses: [[1, 1, 1]],
    };
    const outs = await runSequence(m, [plain, plain, plain]);
    for (const out of outs) {
      [1.8, 1.3, 2.1].forEach((v, i) => expect(out.direction[0]?.[i]).toBeCloseTo(v, 5));
      out.weights[0]?.forEach((w) => expect(w).toBeCloseTo(1, 6));
    }
    m.dispose();
  });

  it('β = 0 keeps the targets at 0: the same as PCGrad (2 tasks, random draws)', async () => {
    for (let seed = 0; seed < 10; seed++) {
      const plain = randomPlainInput(seed, 2, 2, 4);
      const a = await aggregatePlain(
        instantiate(gradvac, { replicas: 2, tasks: 2, shared: 4 }, { beta: 0 }, seed),
        plain,
      );
      const b = await aggregatePlain(
        instantiate(pcgrad, { replicas: 2, tasks: 2, shared: 4 }, {}, seed),
        plain,
      );
      a.direction.forEach((row, r) =>
        row.forEach((v, k) => expect(v).toBeCloseTo(b.direction[r]?.[k] ?? NaN, 5)),
      );
    }
  });

  it('2, 3 and 4 tasks over 6 steps (very different magnitudes included): matches the direct loop', async () => {
    for (const T of [2, 3, 4]) {
      for (let seed = 1; seed <= 4; seed++) {
        const beta = seed === 4 ? 0.1 : 0.5;
        const inputs: PlainInput[] = Array.from({ length: 6 }, (_, s) => {
          const p = randomPlainInput(1000 * T + 10 * seed + s, 1, T, 5);
          // Task 0 a hundred times larger than the others on even seeds.
          return seed % 2
            ? p
            : { ...p, grads: p.grads.map((G) => G.map((g, t) => g.map((v) => (t ? v : 100 * v)))) };
        });
        const outs = await runSequence(
          instantiate(gradvac, { replicas: 1, tasks: T, shared: 5 }, { beta }, seed),
          inputs,
        );
        const rng = new Rng(seed);
        const targets = zeros(T);
        outs.forEach((out, s) => {
          const expected = reference(inputs[s]?.grads[0] ?? [], targets, beta, rng);
          const scale = Math.max(...expected.map(Math.abs));
          expected.forEach((v, k) =>
            expect(Math.abs((out.direction[0]?.[k] ?? NaN) - v)).toBeLessThan(1e-4 * scale),
          );
        });
      }
    }
  });

  it('nearly collinear gradients: targets near 1 stay finite, and a later rotation matches the direct loop', async () => {
    const rotated = (angle: number) => [Math.cos(angle), Math.sin(angle), 0];
    const inputs: PlainInput[] = [
      ...Array.from({ length: 20 }, () => ({
        grads: [[[1, 0, 0], rotated(0.001), [0, 0, 1]]],
        losses: [[1, 1, 1]],
      })),
      { grads: [[[1, 0, 0], rotated(0.3), [0, 0, 1]]], losses: [[1, 1, 1]] },
      {
        grads: [
          [
            [1, 0, 0],
            [1, 0, 0],
            [0, 0, 1],
          ],
        ],
        losses: [[1, 1, 1]],
      }, // exactly collinear
    ];
    const outs = await runSequence(instantiate(gradvac, { replicas: 1, tasks: 3, shared: 3 }, {}, 3), inputs);
    const rng = new Rng(3);
    const targets = zeros(3);
    outs.forEach((out, s) => {
      out.direction.flat().forEach((v) => expect(Number.isFinite(v)).toBe(true));
      const expected = reference(inputs[s]?.grads[0] ?? [], targets, 0.5, rng);
      // Relative 1e-3: near the clip, 1 − t² in float32 carries a relative error of about 3e-4.
      expected.forEach((v, k) =>
        expect(Math.abs((out.direction[0]?.[k] ?? NaN) - v)).toBeLessThan(1e-3 * Math.max(1, Math.abs(v))),
      );
      // After 20 near-collinear steps the pair's target is past the clip at 1 − 1e-4.
      if (s === 19) expect(targets[0]?.[1]).toBeGreaterThan(GRADVAC_MAX_TARGET);
    });
  });

  it('scaling all gradients by c > 0 scales every direction of a run by c (the targets are cosines)', async () => {
    const inputs = Array.from({ length: 5 }, (_, s) => randomPlainInput(70 + s, 1, 3, 4));
    const base = await runSequence(instantiate(gradvac, { replicas: 1, tasks: 3, shared: 4 }, {}, 8), inputs);
    for (const c of [0.125, 4]) {
      const scaledInputs = inputs.map((p) => ({
        ...p,
        grads: p.grads.map((G) => G.map((g) => g.map((v) => c * v))),
      }));
      const scaled = await runSequence(
        instantiate(gradvac, { replicas: 1, tasks: 3, shared: 4 }, {}, 8),
        scaledInputs,
      );
      scaled.forEach((out, s) =>
        out.direction[0]?.forEach((v, k) =>
          expect(v).toBeCloseTo(c * (base[s]?.direction[0]?.[k] ?? NaN), 4),
        ),
      );
    }
  });
});
