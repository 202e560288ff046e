/**
 * The properties each method declares on its card (`properties`, card.ts), checked over the registry:
 * permutation equivariance of the weights, PCGrad's non-conflicting output for 2 tasks, a direction that
 * conflicts with no task for any number of tasks (UPGrad, DualProj, Nash-MTL, FairGrad, ConFIG), MGDA's
 * min-norm optimality d·ĝ_t ≥ |d|², and invariance of the direction to the scale of a task's loss.
 */
import { describe, expect, it } from 'vitest';
import type { AnyParams } from '../params/spec';
import { METHODS } from './registry';
import {
  aggregatePlain,
  driftingSequence,
  instantiate,
  mergedParams,
  methodCases,
  randomPlainInput,
  runSequence,
} from './testing';
import type { MethodEntry } from './types';

const P = 5;
/** Register a property test only where the method declares the property (no 'skipped' noise). */
const itWhen = (applies: boolean | undefined): typeof it | ((...args: Parameters<typeof it>) => void) =>
  applies ? it : () => {};
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const expectClose = (a: number[][], b: number[][], tol = 1e-4) =>
  b.forEach((row, r) => row.forEach((v, i) => expect(Math.abs((a[r]?.[i] ?? NaN) - v)).toBeLessThan(tol)));

/** Cases with at least one declared property to check (a suite with no test is an error in vitest). */
const withProperties = methodCases(METHODS).filter(({ entry, params }) => {
  const props = entry.properties;
  const merged = mergedParams(entry, params);
  return (
    (props.equivariant && !entry.stochastic) ||
    props.nonConflicting2 ||
    props.nonConflicting(merged) ||
    props.minNorm(merged) ||
    props.lossScaleInvariant
  );
});

describe.each(withProperties)('$name', ({ entry, params }: { entry: MethodEntry; params: AnyParams }) => {
  const props = entry.properties;
  const merged = mergedParams(entry, params);

  itWhen(props.equivariant && !entry.stochastic)('weights are permutation-equivariant', async () => {
    const T = 3;
    const perm = [2, 0, 1];
    const inputs = driftingSequence(4, 6, 1, T, P, 6);
    const permuted = inputs.map((p) => ({
      grads: p.grads.map((G) => perm.map((t) => G[t] ?? [])),
      losses: p.losses.map((L) => perm.map((t) => L[t] ?? 0)),
      ...(p.repGrads ? { repGrads: p.repGrads.map((G) => perm.map((t) => G[t] ?? [])) } : {}),
    }));
    const a = await runSequence(instantiate(entry, { replicas: 1, tasks: T, shared: P }, params), inputs);
    const b = await runSequence(instantiate(entry, { replicas: 1, tasks: T, shared: P }, params), permuted);
    a.forEach((out, s) => {
      expectClose(b[s]?.weights ?? [], [perm.map((t) => out.weights[0]?.[t] ?? NaN)]);
      expectClose(b[s]?.direction ?? [], out.direction);
    });
  });

  itWhen(props.nonConflicting2)('2 tasks: the direction does not conflict with either task', async () => {
    let conflicts = 0;
    for (let seed = 0; seed < 30; seed++) {
      const plain = randomPlainInput(seed, 1, 2, P);
      const [g1 = [], g2 = []] = plain.grads[0] ?? [];
      if (dot(g1, g2) < 0) conflicts++;
      const out = await aggregatePlain(
        instantiate(entry, { replicas: 1, tasks: 2, shared: P }, params, seed),
        plain,
      );
      for (const g of [g1, g2]) expect(dot(out.direction[0] ?? [], g)).toBeGreaterThanOrEqual(-1e-5);
    }
    expect(conflicts).toBeGreaterThan(5); // the draws do exercise the projection
  });

  itWhen(props.nonConflicting(merged))(
    'any T: the direction conflicts with no task (d·g_t ≥ −1e-6·|d||g_t|)',
    async () => {
      const dims = 8;
      let conflicts = 0;
      for (const T of [2, 3, 4, 6]) {
        for (let seed = 0; seed < 8; seed++) {
          const plain = randomPlainInput(100 * T + seed, 1, T, dims);
          const G = plain.grads[0] ?? [];
          G.forEach((a, i) => G.slice(i + 1).forEach((b) => (conflicts += dot(a, b) < 0 ? 1 : 0)));
          const out = await aggregatePlain(
            instantiate(entry, { replicas: 1, tasks: T, shared: dims }, params, seed),
            plain,
          );
          const d = out.direction[0] ?? [];
          for (const g of G)
            expect(dot(d, g)).toBeGreaterThanOrEqual(-1e-6 * Math.sqrt(dot(d, d) * dot(g, g)));
        }
      }
      expect(conflicts).toBeGreaterThan(50); // the draws do conflict, pairwise
    },
  );

  itWhen(props.minNorm(merged))('d·ĝ_t ≥ |d|² for every (normalised) task gradient', async () => {
    for (const T of [2, 3, 4]) {
      for (let seed = 0; seed < 10; seed++) {
        const plain = randomPlainInput(seed, 1, T, P);
        const out = await aggregatePlain(
          instantiate(entry, { replicas: 1, tasks: T, shared: P }, params),
          plain,
        );
        const d = out.direction[0] ?? [];
        plain.grads[0]?.forEach((g, t) => {
          const norm = Math.sqrt(dot(g, g));
          const loss = plain.losses[0]?.[t] ?? 1;
          const kind = merged.normalization;
          const n = kind === 'l2' ? norm : kind === 'loss' ? loss : kind === 'loss+' ? loss * norm : 1;
          expect(dot(d, g) / n).toBeGreaterThanOrEqual(dot(d, d) - 1e-4);
        });
      }
    }
  });

  itWhen(props.lossScaleInvariant)(
    "scaling a task's loss and gradient by c > 0 leaves the direction unchanged",
    async () => {
      const T = 3;
      const c = [20, 1, 0.2]; // product 4, not 1: GLS (scaled by Πc^{1/T}) must fail this
      const scale = (G: number[][][]) => G.map((rows) => rows.map((g, t) => g.map((v) => v * (c[t] ?? 1))));
      const inputs = driftingSequence(6, 6, 1, T, P, 6);
      const scaled = inputs.map((p) => ({
        grads: scale(p.grads),
        losses: p.losses.map((L) => L.map((l, t) => l * (c[t] ?? 1))),
        ...(p.repGrads ? { repGrads: scale(p.repGrads) } : {}),
      }));
      const a = await runSequence(instantiate(entry, { replicas: 1, tasks: T, shared: P }, params), inputs);
      const b = await runSequence(instantiate(entry, { replicas: 1, tasks: T, shared: P }, params), scaled);
      a.forEach((out, s) => {
        const size = Math.max(...(out.direction[0] ?? []).map(Math.abs), 1);
        expectClose(b[s]?.direction ?? [], out.direction, 1e-5 * size);
        // The weights do change (as 1/c): the test compares genuinely different inputs.
        expect(b[s]?.weights[0]?.[0] ?? NaN).not.toBeCloseTo(out.weights[0]?.[0] ?? NaN, 3);
      });
    },
  );
});
