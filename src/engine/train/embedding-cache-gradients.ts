/**
 * The dense-chain pass (dense-chain-gradients.ts) with the shared bottom's output read from an embedding
 * cache for some rows (embedding-cache/, issue 15 §2). The trunk is the leading run of shared layers; the
 * batch is flattened to rows (one per example of shared inputs, one per task and example of separate ones):
 *
 *   misses  h = trunk(x[misses])                     the trunk runs on these rows only
 *   hits    h = cache[rows of the hits]              no trunk forward, and no trunk gradient
 *   rep     = [h_misses; h_hits] put back in batch order, then the top layers and the losses as usual
 *   trunk   ∂W from the misses' cotangents alone     (zero when the bottom is frozen)
 *
 * With every row a miss this is the fused pass's arithmetic op for op on shared inputs (same products on the
 * same shapes: `refreshEvery: 1` gives the uncached run's numbers exactly). The top layers' gradients and
 * the representation's cotangent (MGDA-UB's probe) use every row, cached or not.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sizeOf, unpackShared } from '../architectures/layout';
import type { DenseRef, ParamRef } from '../architectures/types';
import { activationGrad } from '../kernels/activation-grad';
import { taskLossAndGrad } from '../kernels/task-loss';
import type { Batch } from './batches';
import { cotangentBelow, denseForward } from './dense-chain-gradients';
import type { ChainNetwork, TaskGradients } from './model';

/** One step's rows, as the schedule split them (positions in the flattened batch). */
export interface CachedRows {
  misses: number[];
  hits: number[];
  /** The cache row of every position of the flattened batch. */
  cacheRows: ArrayLike<number>;
  trainTrunk: boolean;
}

const int32 = (values: readonly number[]) => tf.tensor1d(Int32Array.from(values), 'int32');

/** Every task's gradient with cached rows, and the misses' fresh embeddings [m, Z] for the cache (if any). */
export function cachedChainGradients(
  net: ChainNetwork,
  theta: tf.Tensor2D,
  taskVars: readonly tf.Tensor[],
  batch: Batch,
  withRepresentation: boolean,
  rows: CachedRows,
  cache: tf.Tensor2D,
): { grads: TaskGradients; fresh?: tf.Tensor2D } {
  const out = tf.tidy(() => {
    const T = net.lossKinds.length;
    const depth = net.chain.representationDepth;
    const layers = net.chain.layers;
    const segments = unpackShared(theta, net.shared);
    const tensorOf = (ref: ParamRef): tf.Tensor =>
      (ref.role === 'shared' ? segments[ref.index] : taskVars[ref.index]) as tf.Tensor;
    const kernelOf = (layer: DenseRef) => tensorOf(layer.kernel) as tf.Tensor3D;
    const [Sx = 1, B = 1, D = 1] = batch.x.shape;
    const Z = cache.shape[1];
    const { misses, hits } = rows;
    const allMiss = hits.length === 0;

    // The trunk on the misses only, as [1, m, ·] (every trunk layer is shared: one kernel serves all rows).
    const trunk: tf.Tensor3D[] = [];
    if (misses.length) {
      trunk.push(
        allMiss && Sx === 1 ? batch.x : tf.gather(batch.x.reshape([Sx * B, D]), int32(misses)).expandDims(0),
      );
      for (const layer of layers.slice(0, depth)) {
        const h = trunk[trunk.length - 1] as tf.Tensor3D;
        trunk.push(denseForward(h, kernelOf(layer), tensorOf(layer.bias), layer.activation));
      }
    }
    const fresh = misses.length
      ? (trunk[depth] as tf.Tensor3D).reshape<tf.Tensor2D>([misses.length, Z])
      : null;
    let rep: tf.Tensor3D;
    if (allMiss) rep = (trunk[depth] as tf.Tensor3D).reshape([Sx, B, Z]);
    else {
      const cached = tf.gather(cache, int32(hits.map((p) => rows.cacheRows[p] as number)));
      const stacked = fresh ? tf.concat([fresh, cached]) : cached;
      // Position p of the batch reads row `order[p]` of [fresh misses; cached hits].
      const order = new Array<number>(Sx * B);
      misses.forEach((p, i) => (order[p] = i));
      hits.forEach((p, i) => (order[p] = misses.length + i));
      rep = tf.gather(stacked, int32(order)).reshape([Sx, B, Z]);
    }

    const outputs: tf.Tensor3D[] = [rep];
    for (const layer of layers.slice(depth)) {
      const h = outputs[outputs.length - 1] as tf.Tensor3D;
      outputs.push(denseForward(h, kernelOf(layer), tensorOf(layer.bias), layer.activation));
    }
    const pred = outputs[outputs.length - 1] as tf.Tensor3D;
    const { losses, grad } = taskLossAndGrad(pred, batch.y, net.lossKinds, batch.weights);

    const grads = new Map<ParamRef, tf.Tensor>();
    // The representation's cotangent is needed by the probe and by a trunk that trains on this step's misses.
    const needRep = withRepresentation || (rows.trainTrunk && misses.length > 0);
    let cotangent: tf.Tensor = grad;
    for (let l = layers.length - 1; l >= depth; l--) {
      const layer = layers[l] as DenseRef;
      const dz = activationGrad(cotangent, outputs[l - depth + 1] as tf.Tensor, layer.activation);
      grads.set(layer.kernel, tf.matMul(outputs[l - depth] as tf.Tensor3D, dz, true, false));
      grads.set(layer.bias, tf.sum(dz, 1));
      if (l > depth || needRep) cotangent = cotangentBelow(dz, kernelOf(layer));
    }
    const representation = cotangent; // ∂L_t/∂rep for every task: [T, B, Z]

    // The trunk learns from the misses alone: their cotangents, task t's from L_t (separate inputs: a row
    // belongs to one task, so the other tasks' rows of the cotangent are zero for it).
    if (rows.trainTrunk && misses.length) {
      let c: tf.Tensor;
      if (allMiss && Sx === 1) c = representation;
      else if (Sx === 1) c = tf.gather(representation, int32(misses), 1);
      else {
        const picked = tf.gather(representation.reshape([T * B, Z]), int32(misses));
        const owner = new Float32Array(T * misses.length);
        misses.forEach((p, i) => (owner[Math.floor(p / B) * misses.length + i] = 1));
        c = tf.mul(picked.expandDims(0), tf.tensor3d(owner, [T, misses.length, 1]));
      }
      for (let l = depth - 1; l >= 0; l--) {
        const layer = layers[l] as DenseRef;
        const dz = activationGrad(c, trunk[l + 1] as tf.Tensor, layer.activation);
        grads.set(layer.kernel, tf.matMul(trunk[l] as tf.Tensor3D, dz, true, false));
        grads.set(layer.bias, tf.sum(dz, 1));
        if (l > 0) c = cotangentBelow(dz, kernelOf(layer));
      }
    } else
      for (const layer of layers.slice(0, depth)) {
        const [, inner = 1, out = 1] = kernelOf(layer).shape;
        grads.set(layer.kernel, tf.zeros([T, inner, out]));
        grads.set(layer.bias, tf.zeros([T, out]));
      }

    const gradOf = (role: ParamRef['role'], index: number): tf.Tensor => {
      for (const [ref, g] of grads) if (ref.role === role && ref.index === index) return g;
      throw new Error(`the dense chain does not reach ${role} parameter ${index}`);
    };
    const sharedRows = net.shared.map((s, i) => gradOf('shared', i).reshape([T, sizeOf(s.shape)]));
    const shared = (
      sharedRows.length === 1 ? (sharedRows[0] as tf.Tensor) : tf.concat(sharedRows, 1)
    ).reshape<tf.Tensor3D>([1, T, -1]);
    return {
      losses: losses.reshape<tf.Tensor2D>([1, T]),
      shared,
      taskParams: net.taskParams.map((p, i) => gradOf('task', i).reshape(p.shape)),
      ...(withRepresentation ? { representation: representation.reshape<tf.Tensor3D>([1, T, -1]) } : {}),
      ...(fresh ? { fresh } : {}),
    };
  });
  const { fresh, ...grads } = out;
  return { grads, ...(fresh ? { fresh } : {}) };
}
