/**
 * A stochastic method for a batch of seeds (seed-batch.ts): one instance per seed, each with the random
 * stream its one-by-one run would give it (`Rng(seed).fork('method:<id>')`, as MethodSlot forks it from
 * the run's root stream), each aggregating its own seed's slice of the batch. A method batched over
 * replicas draws once per step for all of them (pcgrad.ts: "shared by all replicas"), which suits the toy's
 * start points of one run but would give every seed of a study the same draws; per-seed instances keep
 * each seed's run exactly what it is alone, at the price of R method calls per step instead of one.
 */
import * as tf from '@tensorflow/tfjs-core';
import type {
  AggregateInput,
  Aggregation,
  MethodContext,
  MethodEntry,
  MethodInstance,
} from '../methods/types';
import type { AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import { MethodState } from '../stateful/state';

/** Replica r of a batched input, as a batch of one. */
function sliceInput(input: AggregateInput, r: number): AggregateInput {
  const one = <T extends tf.Tensor>(t: T): T => tf.slice(t, r, 1);
  return {
    grads: one(input.grads),
    losses: one(input.losses),
    step: input.step,
    ...(input.repGrads ? { repGrads: one(input.repGrads) } : {}),
    ...(input.kpis ? { kpis: one(input.kpis) } : {}),
    ...(input.active ? { active: input.active } : {}),
  };
}

export function perSeedMethod(
  entry: MethodEntry,
  ctx: Omit<MethodContext<AnyParams>, 'rng' | 'numReplicas'>,
  seeds: readonly number[],
): MethodInstance {
  const instances = seeds.map((seed) =>
    entry.create({ ...ctx, numReplicas: 1, rng: new Rng(seed).fork(`method:${entry.id}`) }),
  );
  return {
    async aggregate(input) {
      const parts: Aggregation[] = [];
      try {
        for (const [r, instance] of instances.entries()) {
          const own = sliceInput(input, r);
          try {
            parts.push(await instance.aggregate(own));
          } finally {
            tf.dispose([
              own.grads,
              own.losses,
              ...(own.repGrads ? [own.repGrads] : []),
              ...(own.kpis ? [own.kpis] : []),
            ]);
          }
        }
        const trainableGrads = parts.flatMap((p) => p.trainableGrads ?? []);
        return {
          direction: tf.concat(parts.map((p) => p.direction)),
          weights: tf.concat(parts.map((p) => p.weights)),
          ...(trainableGrads.length ? { trainableGrads } : {}),
        };
      } finally {
        // The concatenations are new tensors; the per-seed trainable gradients are handed on as they are.
        tf.dispose(parts.flatMap((p) => [p.direction, p.weights]));
      }
    },
    // In seed order, each seed's own: the slot's optimizer then steps them as R separate optimizers would.
    trainables: instances.flatMap((i) => i.trainables),
    // A batch of seeds is never checkpointed (train/checkpoint.ts checkpoints one run).
    state: new MethodState(),
    dispose: () => instances.forEach((i) => i.dispose()),
  };
}
