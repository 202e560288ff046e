/**
 * Kernel cases (testing.ts runs them) for the kernels that build a step's direction: the loss weighting's
 * sum Σ_t w_t g_t, θ's segments, MGDA's and CAGrad's two-task weights against the host solve, and
 * PCGrad's weights against their composition.
 */
import * as tf from '@tensorflow/tfjs-core';
import { cagradImpliedWeights } from '../methods/solvers/cagrad-weights';
import { composedPcgradWeights, drawRounds } from '../methods/pcgrad';
import { mgdaWeights } from '../methods/solvers/mgda-weights';
import { Rng } from '../random/rng';
import { columnSlice } from './column-slice-kernel';
import type { KernelCase } from './kernel-case';
import { pcgradWeights } from './pcgrad-weights-kernel';
import { twoTaskWeights, type TwoTaskRule } from './two-task-weights-kernel';
import { weightedRowSum } from './weighted-sum-kernel';

const rng = new Rng(20261130);
const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const normal = (shape: number[]) => tf.tensor(rng.normalArray(sizeOf(shape), 1), shape);
const uniform = (shape: number[], low: number, high: number) =>
  tf.tensor(rng.uniformArray(sizeOf(shape), low, high), shape);

/** The loss-weighting direction: R = 3 replicas of T = 4 tasks over P = 37 parameters. */
const weightedSumCase: KernelCase = {
  name: 'weightedRowSum (Σ_t w_t g_t per replica)',
  run() {
    const [w, g] = [uniform([3, 4], -1, 2), normal([3, 4, 37])];
    const composed = tf.matMul(w.expandDims<tf.Tensor3D>(1), g as tf.Tensor3D).reshape([3, 37]);
    return [[weightedRowSum(w as tf.Tensor2D, g as tf.Tensor3D) ?? composed.clone(), composed]];
  },
};

/** θ's segments: columns of [S, N], from the first column, the middle, and up to the last. */
const columnSliceCase: KernelCase = {
  name: 'columnSlice (segments of θ)',
  exact: true,
  run() {
    const flat = normal([3, 20]) as tf.Tensor2D;
    return [
      [0, 5],
      [5, 7],
      [12, 8],
    ].map(([begin = 0, size = 0]) => [
      columnSlice(flat, begin, size) ?? flat.slice([0, begin], [-1, size]),
      flat.slice([0, begin], [-1, size]),
    ]);
  },
};

/**
 * MGDA's and CAGrad's two-task weights on the device against the host solve of the same float32 Gram
 * matrices: replicas with conflicting, aligned, lopsided and vanishing gradients, built in JS (no readback).
 */
function twoTaskCases(): KernelCase[] {
  const G: number[][][] = [
    [
      [1, 0.2, -0.5],
      [-0.8, 0.4, 0.6],
    ], // conflicting
    [
      [1, 1, 0],
      [2, 2.1, 0],
    ], // nearly aligned, one larger
    [
      [10, 0, 0],
      [0, 0.1, 0],
    ], // orthogonal, norms 100x apart
    [
      [0, 0, 0],
      [0.3, -0.2, 0.5],
    ], // a vanishing gradient
    [
      [0.5, -0.5, 0.2],
      [-0.5, 0.5, -0.2],
    ], // opposite
  ];
  const gram = G.map((g) =>
    [0, 1].map((i) => [0, 1].map((j) => Math.fround(g[i]!.reduce((s, v, k) => s + v * g[j]![k]!, 0)))),
  );
  const losses = G.map((_, r) => [Math.fround(0.3 + r), Math.fround(2 - 0.3 * r)]);
  const rules: TwoTaskRule[] = [
    ...(['none', 'l2', 'loss', 'loss+'] as const).map((normalization) => ({
      rule: 'mgda' as const,
      normalization,
      variant: 'params' as const,
    })),
    { rule: 'mgda', normalization: 'none', variant: 'ub' },
    { rule: 'cagrad', c: 0, rescale: 1 },
    { rule: 'cagrad', c: 0.5, rescale: 1 },
    { rule: 'cagrad', c: 0.9, rescale: 2 },
    { rule: 'cagrad', c: 0.4, rescale: 0 },
  ];
  return rules.map((rule) => ({
    name: `twoTaskWeights (${JSON.stringify(rule)})`,
    run(): [tf.Tensor, tf.Tensor][] {
      const host = gram.map((A, r) =>
        rule.rule === 'mgda'
          ? mgdaWeights(A, losses[r]!, rule.normalization, rule.variant)
          : cagradImpliedWeights(A, rule.c, rule.rescale),
      );
      const reference = tf.tensor2d(host.flat(), [G.length, 2]);
      const gramT = tf.tensor3d(gram.flat(2), [G.length, 2, 2]);
      const lossesT = tf.tensor2d(losses.flat(), [G.length, 2]);
      const fused = twoTaskWeights(gramT, lossesT, rule) ?? reference.clone();
      tf.dispose([gramT, lossesT]);
      return [[fused, reference]];
    },
  }));
}

/**
 * PCGrad's weights: Gram matrices of random gradients (R = 3 replicas; one replica with a zero gradient and
 * one with every pair conflicting) and the method's own random orders, for 2, 3 and 5 tasks.
 */
function pcgradCases(): KernelCase[] {
  return [2, 3, 5].map((T) => ({
    name: `pcgradWeights (${T} tasks)`,
    run() {
      const G = normal([3, T, 11]);
      // Replica 1: task 0's gradient is zero; replica 2: every task pulls against the first.
      const mask = tf.tensor3d(
        Array.from({ length: 3 * T }, (_, k) => (k === T ? 0 : 1)),
        [3, T, 1],
      );
      const signs = tf.tensor3d(
        Array.from({ length: 3 * T }, (_, k) => (k > 2 * T ? -1 : 1)),
        [3, T, 1],
      );
      const grads = tf.mul<tf.Tensor3D>(G, tf.mul(mask, signs));
      const A = tf.matMul<tf.Tensor3D>(grads, grads, false, true);
      const rounds = tf.tensor3d(
        drawRounds(T, (n) => rng.permutation(n)),
        [T - 1, T, T],
      );
      const composed = composedPcgradWeights(A, rounds);
      return [[pcgradWeights(A, rounds) ?? composed.clone(), composed]];
    },
  }));
}

export function directionCases(): KernelCase[] {
  return [weightedSumCase, columnSliceCase, ...twoTaskCases(), ...pcgradCases()];
}
