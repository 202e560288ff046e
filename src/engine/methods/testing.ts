/**
 * Helpers for the method tests and benchmarks (no test-framework imports, so it type-checks with the
 * engine): build an AggregateInput from plain arrays, run one step and read every output back.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defaultParams, type AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import type { AggregateInput, MethodEntry, MethodInstance } from './types';

export interface PlainInput {
  /** [R][T][P] */
  grads: number[][][];
  /** [R][T] */
  losses: number[][];
  /** [R][T][Z] */
  repGrads?: number[][][];
  /** [R][T] batch KPIs in [0, 1]; when absent, toInput derives exp(−loss) from the losses. */
  kpis?: number[][];
}

export interface PlainOutput {
  direction: number[][];
  weights: number[][];
  trainableGrads: number[][][];
}

/**
 * Every input carries KPIs (methods without needsKpis ignore them). Deriving the default from the losses,
 * κ = exp(−L) in (0, 1), keeps it consistent with copies the registry tests build from grads and losses
 * alone (permuted tasks, one replica at a time), and leaves randomPlainInput's draws unchanged.
 */
export function toInput(plain: PlainInput, step: number): AggregateInput {
  return {
    grads: tf.tensor3d(plain.grads),
    losses: tf.tensor2d(plain.losses),
    ...(plain.repGrads ? { repGrads: tf.tensor3d(plain.repGrads) } : {}),
    kpis: tf.tensor2d(plain.kpis ?? plain.losses.map((row) => row.map((l) => Math.exp(-l)))),
    step,
  };
}

export function disposeInput(input: AggregateInput): void {
  tf.dispose([
    input.grads,
    input.losses,
    ...(input.repGrads ? [input.repGrads] : []),
    ...(input.kpis ? [input.kpis] : []),
  ]);
}

/** One aggregate call on plain arrays; disposes the inputs and the outputs. */
export async function aggregatePlain(
  method: MethodInstance,
  plain: PlainInput,
  step = 0,
): Promise<PlainOutput> {
  const input = toInput(plain, step);
  try {
    const out = await method.aggregate(input);
    try {
      return {
        direction: await out.direction.array(),
        weights: await out.weights.array(),
        trainableGrads: (await Promise.all((out.trainableGrads ?? []).map((g) => g.array()))) as number[][][],
      };
    } finally {
      tf.dispose([out.direction, out.weights, ...(out.trainableGrads ?? [])]);
    }
  } finally {
    disposeInput(input);
  }
}

/** A case's full parameter set: the method's defaults with the case's overrides. */
export const mergedParams = (entry: MethodEntry, params: AnyParams): AnyParams => ({
  ...defaultParams(entry.params),
  ...params,
});

/** An instance of a registry entry for R replicas and T tasks, with its default parameters overridden. */
export function instantiate(
  entry: MethodEntry,
  shape: { replicas: number; tasks: number; shared: number },
  overrides: AnyParams = {},
  seed = 7,
): MethodInstance {
  return instantiateWithRng(entry, shape, overrides, seed).method;
}

/** As `instantiate`, also handing out the method's random stream (for state snapshots). */
export function instantiateWithRng(
  entry: MethodEntry,
  shape: { replicas: number; tasks: number; shared: number },
  overrides: AnyParams = {},
  seed = 7,
): { method: MethodInstance; rng: Rng } {
  const rng = new Rng(seed);
  const method = entry.create({
    numTasks: shape.tasks,
    numReplicas: shape.replicas,
    numShared: shape.shared,
    params: mergedParams(entry, overrides),
    rng,
  });
  return { method, rng };
}

/** Deterministic pseudo-random task gradients [R][T][P] and positive losses [R][T]. */
export function randomPlainInput(seed: number, R: number, T: number, P: number, Z = 0): PlainInput {
  const rng = new Rng(seed);
  const block = (n: number) =>
    Array.from({ length: R }, () =>
      Array.from({ length: T }, () => Array.from({ length: n }, () => rng.normal())),
    );
  return {
    grads: block(P),
    losses: Array.from({ length: R }, () => Array.from({ length: T }, () => rng.uniform(0.2, 2))),
    ...(Z > 0 ? { repGrads: block(Z) } : {}),
  };
}

/** The same gradients (one replica, unit losses) for `n` steps. */
export const repeatInput = (grads: number[][], n: number): PlainInput[] =>
  Array.from({ length: n }, () => ({ grads: [grads], losses: [grads.map(() => 1)] }));

/** Euclidean projection onto the simplex by bisection on the shift: a reference independent of solvers/simplex.ts. */
export function bisectProject(y: number[]): number[] {
  let lo = Math.min(...y) - 1;
  let hi = Math.max(...y);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (y.reduce((s, v) => s + Math.max(v - mid, 0), 0) > 1) lo = mid;
    else hi = mid;
  }
  return y.map((v) => Math.max(v - (lo + hi) / 2, 0));
}

/** Run a sequence of steps; learnable parameters take a plain SGD step so stateful methods evolve. */
export async function runSequence(
  method: MethodInstance,
  inputs: PlainInput[],
  lr = 0.3,
  firstStep = 0,
): Promise<PlainOutput[]> {
  const outs: PlainOutput[] = [];
  for (const [i, plain] of inputs.entries()) {
    const input = toInput(plain, firstStep + i);
    const out = await method.aggregate(input);
    tf.tidy(() =>
      method.trainables.forEach((v, i) => v.assign(tf.sub(v, tf.mul(lr, out.trainableGrads?.[i] ?? 0)))),
    );
    outs.push({
      direction: await out.direction.array(),
      weights: await out.weights.array(),
      trainableGrads: (await Promise.all((out.trainableGrads ?? []).map((g) => g.array()))) as number[][][],
    });
    tf.dispose([out.direction, out.weights, ...(out.trainableGrads ?? [])]);
    disposeInput(input);
  }
  return outs;
}

/** Random inputs whose losses drift over the steps (so DWA and GradNorm see changing ratios). */
export function driftingSequence(
  seed: number,
  steps: number,
  R: number,
  T: number,
  P: number,
  Z: number,
): PlainInput[] {
  return Array.from({ length: steps }, (_, s) => {
    const plain = randomPlainInput(seed * 100 + s, R, T, P, Z);
    return { ...plain, losses: plain.losses.map((row) => row.map((l, t) => l * (1 + 0.3 * t * s))) };
  });
}

/**
 * Every (method, parameter set) pair the registry-wide tests run: the defaults and the variants each
 * method's card declares (`properties.variants`), merged into the defaults by `instantiate`.
 */
export function methodCases(
  entries: readonly MethodEntry[],
): { entry: MethodEntry; params: AnyParams; name: string }[] {
  return entries.flatMap((entry) => [
    { entry, params: {}, name: `${entry.id} (defaults)` },
    ...entry.properties.variants.map((params) => ({
      entry,
      params,
      name: `${entry.id} ${JSON.stringify(params)}`,
    })),
  ]);
}
