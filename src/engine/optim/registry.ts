/**
 * Optimizers over a FIXED, ordered list of variables (tfjs's own optimizers key their slots by position in
 * the gradient list, not by name: tfjs issues 4290 and 8379). Each update is a fused kernel (src/engine/kernels)
 * whose constants, the learning rate and Adam's bias corrections travel as uniforms: on cpu, wasm and WebGPU a
 * step uploads no tensor (docs/architecture.md, measured facts), and the learning rate can change mid-run.
 * One implementation per card of config/optimizers.ts, in the same order.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { adamCard, sgdCard } from '../config/optimizers';
import type { Selection } from '../config/types';
import { createAdam } from './adam';
import { createSgd } from './sgd';
import { implementOptimizer, type Optimizer, type OptimizerEntry } from './types';

export const OPTIMIZERS: readonly OptimizerEntry[] = [
  implementOptimizer(adamCard, { create: createAdam }),
  implementOptimizer(sgdCard, { create: createSgd }),
];

export const findOptimizer = (id: string): OptimizerEntry | undefined => OPTIMIZERS.find((o) => o.id === id);

/** The optimizer a validated config selects, over `variables` in this order. */
export function createOptimizer(
  selection: Selection,
  learningRate: number,
  variables: readonly tf.Variable[],
): Optimizer {
  const entry = findOptimizer(selection.id);
  if (!entry) throw new Error(`unknown optimizer '${selection.id}'`);
  return entry.create(variables, learningRate, selection.params);
}
