/**
 * R seeds' training data uploaded once, and each step's batches of all of them gathered at once. Every seed
 * has its own data set (the suite draws it from the seed) and its own sampler (its own `batches` stream),
 * so seed r's rows are exactly what its one-by-one run would gather (train/batches.ts), only side by side.
 *
 * Layout: one block of rows per (seed, task), seed-major: block (r, t) holds seed r's inputs (shared
 * inputs: its one pool, repeated per task) and task t's targets [N, O]. A step uploads one index vector
 * [R·T·B] and gathers inputs and targets with it: [R·T, B, D] and [R·T, B, O], the shape ReplicaChain
 * reads. Repeating the pool per task costs T copies of small inputs and saves a broadcast in every kernel.
 *
 * The rows are copied on the host and uploaded, not gathered on the device as one run does (batches.ts):
 * R·T·B rows of a few numbers upload in microseconds, where tfjs-wasm's GatherV2 took ~0.15 ms a step for
 * 5 seeds (a tenth of the step). The values are the same floats either way.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { StepPlan } from '../sampling/types';
import { taskTargets } from '../tasks/data';
import type { TaskSplit } from '../tasks/types';
import type { ReplicaBatch } from './seed-batch-chain';

export class SeedBatchData {
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  /** First row of block (r, t), at index r·T + t. */
  private readonly offsets: number[];
  private readonly shared: boolean;

  constructor(
    splits: readonly TaskSplit[],
    private readonly numTasks: number,
    private readonly inputDim: number,
    private readonly outputDim: number,
    /** Whether batches carry slot weights (the sampler pads slots), as one run's model decides. */
    private readonly weighted: boolean,
  ) {
    const xs: Float32Array[] = [];
    const ys: Float32Array[] = [];
    this.offsets = [];
    this.shared = splits[0]?.mode === 'shared';
    let rows = 0;
    for (const split of splits) {
      for (let t = 0; t < numTasks; t++) {
        this.offsets.push(rows);
        const x = split.mode === 'shared' ? split.x : (split.x[t] as Float32Array);
        xs.push(x);
        ys.push(taskTargets(split, t, numTasks, outputDim));
        rows += x.length / inputDim;
      }
    }
    this.x = concat(xs);
    this.y = concat(ys);
  }

  /** The batches of every seed's plan (plans[r] from seed r's sampler), side by side. */
  gather(plans: readonly StepPlan[]): ReplicaBatch {
    const { numTasks: T, inputDim: D, outputDim: O } = this;
    const R = plans.length;
    const B = plans[0]?.indices[0]?.length ?? 0;
    const x = new Float32Array(R * T * B * D);
    const y = new Float32Array(R * T * B * O);
    const weights = this.weighted ? new Float32Array(R * T * B) : null;
    plans.forEach((plan, r) => {
      for (let t = 0; t < T; t++) {
        // Shared inputs: one run gathers indices[0] for every task (batches.ts); so does this.
        const rows = plan.indices[this.shared ? 0 : t] as Int32Array;
        const block = r * T + t;
        const offset = this.offsets[block] as number;
        for (let i = 0; i < B; i++) {
          const row = offset + (rows[i] as number);
          const at = block * B + i;
          for (let d = 0; d < D; d++) x[at * D + d] = this.x[row * D + d] as number;
          for (let o = 0; o < O; o++) y[at * O + o] = this.y[row * O + o] as number;
        }
        weights?.set(plan.sampleWeights[t] as Float32Array, block * B);
      }
    });
    return {
      x: tf.tensor3d(x, [R * T, B, D]),
      y: tf.tensor3d(y, [R * T, B, O]),
      ...(weights ? { weights: tf.tensor2d(weights, [R * T, B]) } : {}),
    };
  }

  /** Nothing on the device: the rows live on the host until a step uploads its batch. */
  dispose(): void {}
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}
