/**
 * The contract every registered method meets (after torchjd's tests/unit/aggregation/_asserts.py): shapes,
 * finite outputs, direction = Σ weights·g, determinism under a seed, no tensor leak, independent replicas,
 * for every registered method with its defaults and the variants its card declares. Per-method properties
 * are in properties.test.ts; catalogue.test.ts checks that the card and implementation registries agree.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { AnyParams } from '../params/spec';
import { validateParams } from '../params/validate';
import { restoreMethod, snapshotMethod, type MethodSnapshot } from '../stateful/state';
import { METHOD_CARDS, findMethodCard } from './catalogue';
import { METHODS } from './registry';
import {
  aggregatePlain,
  driftingSequence,
  instantiate,
  instantiateWithRng,
  methodCases,
  randomPlainInput,
  runSequence,
} from './testing';
import type { MethodEntry } from './types';

const P = 5;
const Z = 6;
const STEPS = 6;

const expectClose = (a: number[][], b: number[][], tol = 1e-4) =>
  b.forEach((row, r) => row.forEach((v, i) => expect(Math.abs((a[r]?.[i] ?? NaN) - v)).toBeLessThan(tol)));

describe('method cards', () => {
  it('lowercase ids, documented parameters, valid declared variants', () => {
    for (const m of METHOD_CARDS) {
      expect(m.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(findMethodCard(m.id)).toBe(m);
      expect(m.summary.length).toBeGreaterThan(20);
      expect(m.citation).toMatch(/\d{4}/);
      for (const spec of Object.values(m.params)) expect(spec.help.length).toBeGreaterThan(10);
      // A variant is a valid config: a typo or an out-of-range value would test nothing real.
      for (const variant of m.properties.variants) {
        expect(Object.keys(variant).length).toBeGreaterThan(0);
        expect(validateParams(m.params, variant, `${m.id}.variant`).ok).toBe(true);
      }
    }
  });
});

describe.each(methodCases(METHODS))(
  '$name',
  ({ entry, params }: { entry: MethodEntry; params: AnyParams }) => {
    it.each([2, 3])('%i tasks: shapes, finite values, direction = Σ weights·g', async (T) => {
      const R = 2;
      const method = instantiate(entry, { replicas: R, tasks: T, shared: P }, params);
      const inputs = driftingSequence(1, STEPS, R, T, P, Z);
      const outs = await runSequence(method, inputs);
      outs.forEach((out, s) => {
        expect(out.direction.length).toBe(R);
        expect(out.weights.length).toBe(R);
        out.direction.forEach((row) => expect(row.length).toBe(P));
        out.weights.forEach((row) => expect(row.length).toBe(T));
        expect(out.trainableGrads.length).toBe(method.trainables.length);
        out.trainableGrads.forEach((g, i) =>
          expect([g.length, g[0]?.length]).toEqual(method.trainables[i]?.shape),
        );
        [out.direction, out.weights, ...out.trainableGrads]
          .flat(2)
          .forEach((v) => expect(Number.isFinite(v)).toBe(true));
        const grads = inputs[s]?.grads ?? [];
        const implied = grads.map((G, r) =>
          Array.from({ length: P }, (_, k) =>
            G.reduce((acc, g, t) => acc + (out.weights[r]?.[t] ?? 0) * (g[k] ?? 0), 0),
          ),
        );
        if (!entry.properties.notWeightedSum) expectClose(out.direction, implied);
      });
      method.dispose();
    });

    it('is deterministic for a fixed seed', async () => {
      const inputs = driftingSequence(2, STEPS, 1, 3, P, Z);
      const a = await runSequence(
        instantiate(entry, { replicas: 1, tasks: 3, shared: P }, params, 42),
        inputs,
      );
      const b = await runSequence(
        instantiate(entry, { replicas: 1, tasks: 3, shared: P }, params, 42),
        inputs,
      );
      expect(b).toEqual(a);
    });

    it('leaks no tensors (20 calls, inputs disposed), and dispose frees its state', async () => {
      const baseline = tf.memory().numTensors;
      const method = instantiate(entry, { replicas: 2, tasks: 3, shared: P }, params);
      const afterCreate = tf.memory().numTensors;
      for (let s = 0; s < 20; s++) await aggregatePlain(method, randomPlainInput(s, 2, 3, P, Z), s);
      expect(tf.memory().numTensors).toBe(afterCreate);
      method.dispose();
      expect(tf.memory().numTensors).toBe(baseline);
    });

    it('state snapshot: a fresh instance restored mid-run continues exactly like the original', async () => {
      const T = 3;
      const shape = { replicas: 2, tasks: T, shared: P };
      const inputs = driftingSequence(8, 2 * STEPS, 2, T, P, Z);
      const original = instantiateWithRng(entry, shape, params, 11);
      await runSequence(original.method, inputs.slice(0, STEPS));
      // JSON round trip: the snapshot must survive being saved to a file or a URL.
      const snap = JSON.parse(
        JSON.stringify(await snapshotMethod(entry.id, original.method.state, original.rng)),
      ) as MethodSnapshot;
      const resumed = instantiateWithRng(entry, shape, params, 999);
      restoreMethod(entry.id, resumed.method.state, resumed.rng, snap);
      const rest = inputs.slice(STEPS).map((p) => p);
      const expected = await runSequence(original.method, rest, 0.3, STEPS);
      const actual = await runSequence(resumed.method, rest, 0.3, STEPS);
      actual.forEach((out, s) => {
        expectClose(out.direction, expected[s]?.direction ?? []);
        expectClose(out.weights, expected[s]?.weights ?? []);
      });
      expect(() => restoreMethod('not-' + entry.id, resumed.method.state, resumed.rng, snap)).toThrow(
        /does not fit/,
      );
      original.method.dispose();
      resumed.method.dispose();
    });

    it('treats replicas independently (R = 2 batched equals each replica alone)', async () => {
      const T = 3;
      const inputs = driftingSequence(3, STEPS, 2, T, P, Z);
      const batched = await runSequence(
        instantiate(entry, { replicas: 2, tasks: T, shared: P }, params, 5),
        inputs,
      );
      for (const r of [0, 1]) {
        const alone = inputs.map((p) => ({
          grads: [p.grads[r] ?? []],
          losses: [p.losses[r] ?? []],
          ...(p.repGrads ? { repGrads: [p.repGrads[r] ?? []] } : {}),
        }));
        const single = await runSequence(
          instantiate(entry, { replicas: 1, tasks: T, shared: P }, params, 5),
          alone,
        );
        single.forEach((out, s) => {
          expectClose(out.direction, [batched[s]?.direction[r] ?? []]);
          expectClose(out.weights, [batched[s]?.weights[r] ?? []]);
        });
      }
    });
  },
);
