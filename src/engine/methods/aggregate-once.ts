/**
 * What a method makes of given task gradients on a first step (step 0, fresh state, its random stream
 * seeded from `seed`): the one place that runs a method outside training, so `cli aggregate` and the
 * gradient-geometry explorer (src/worker/explorer/) answer with the same code and the same numbers.
 * Inputs are already checked by the caller (the CLI names the offending field, the explorer builds them).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import type { MethodEntry } from './types';

/** A [rows, cols] matrix as one flat, row-major Float32Array. */
export interface FlatMatrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

export interface AggregateOnceInput {
  method: MethodEntry;
  /** Validated parameters (validateParams), defaults filled in. */
  params: AnyParams;
  /** [T, P]: row t is task t's gradient. */
  grads: FlatMatrix;
  /** T losses (the CLI's default is 1 for every task). */
  losses: readonly number[];
  /** [T, Z] gradients of the shared representation, for methods that need them. */
  repGrads?: FlatMatrix;
  /** T KPIs in [0, 1], for methods that weigh by them. */
  kpis?: readonly number[];
  /** The run seed: the method's stream is `new Rng(seed).fork('method:<id>')`, as in training. */
  seed: number;
}

export interface AggregateOnceResult {
  /** [P] the update direction. */
  direction: Float32Array;
  /** [T] the task weights the method applied (or implies). */
  weights: Float32Array;
}

/** Runs `method` once on the given gradients; every tensor it makes is freed before it returns. */
export async function aggregateOnce(input: AggregateOnceInput): Promise<AggregateOnceResult> {
  const { method, grads, seed } = input;
  const T = grads.rows;
  const instance = method.create({
    numTasks: T,
    numReplicas: 1,
    numShared: grads.cols,
    params: input.params,
    rng: new Rng(seed).fork(`method:${method.id}`),
  });
  const G = tf.tensor3d(grads.data, [1, T, grads.cols]);
  const L = tf.tensor2d(Array.from(input.losses), [1, T]);
  const R = input.repGrads ? tf.tensor3d(input.repGrads.data, [1, T, input.repGrads.cols]) : undefined;
  const K = input.kpis ? tf.tensor2d(Array.from(input.kpis), [1, T]) : undefined;
  try {
    const agg = await instance.aggregate({
      grads: G,
      losses: L,
      step: 0,
      ...(R ? { repGrads: R } : {}),
      ...(K ? { kpis: K } : {}),
    });
    try {
      // `await data()`, never dataSync: this also runs on WebGPU.
      const [direction, weights] = await Promise.all([agg.direction.data(), agg.weights.data()]);
      return { direction: Float32Array.from(direction), weights: Float32Array.from(weights) };
    } finally {
      tf.dispose([agg.direction, agg.weights, ...(agg.trainableGrads ?? [])]);
    }
  } finally {
    instance.dispose();
    tf.dispose([G, L, ...(R ? [R] : []), ...(K ? [K] : [])]);
  }
}
