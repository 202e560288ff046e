/**
 * The shared-bottom embedding cache (cache.card.ts; Fey et al., ICML 2021, historical embeddings; a frozen
 * bottom as in Yosinski et al., NeurIPS 2014): a device table [N, Z] of the trunk's output per training
 * example, read for hits and refreshed for misses inside the fused pass (train/embedding-cache-gradients.ts).
 * The schedule (schedule.ts) decides hits in JS from the batch's example indices; nothing is read back.
 * The table and the schedule are one DeviceState, so a checkpoint carries the cache and a resumed run
 * continues with the very embeddings (and ages) it had.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamValues } from '../params/spec';
import type { Optimizer } from '../optim/types';
import { DeviceState } from '../stateful/device-state';
import { sizeOf } from '../architectures/layout';
import type { Batch } from '../train/batches';
import { cachedChainGradients } from '../train/embedding-cache-gradients';
import type { ChainNetwork, Model } from '../train/model';
import type { bottomCacheCard } from './cache.card';
import { CacheSchedule } from './schedule';
import type { TrunkShape } from './flops';
import type { EmbeddingCache } from './types';

type Params = ParamValues<typeof bottomCacheCard.params>;

/** The trunk's layers' sizes and how many leading entries of θ they own (they come first in θ). */
function trunkOf(net: ChainNetwork): { shape: TrunkShape; size: number } {
  const depth = net.chain.representationDepth;
  const layers = net.chain.layers.slice(0, depth);
  const indices = layers.flatMap((l) => [l.kernel, l.bias]).map((r) => (r.role === 'shared' ? r.index : -1));
  if (depth === 0 || indices.some((i, k) => i !== k))
    throw new Error('embedding cache: the shared bottom must be the first layers of θ');
  const shape = layers.map((l) => {
    const [inputs = 0, outputs = 0] = net.shared[l.kernel.index]?.shape ?? [];
    return { in: inputs, out: outputs };
  });
  const size = indices.reduce((n, i) => n + sizeOf(net.shared[i]?.shape ?? []), 0);
  return { shape, size };
}

/**
 * Zero the optimizer's carried momentum on the trunk's entries of θ (Adam's moments, SGD's buffer: the
 * first variable's state), so that with zero gradients from now on the frozen bottom moves by exactly 0.
 */
function stopTrunkMomentum(optimizer: Optimizer, trunkSize: number): void {
  if (!(optimizer.state instanceof DeviceState)) return;
  for (const [name, v] of optimizer.state.tensors) {
    if (!/^(moments|momentum)0$/.test(name) || v.rank !== 2) continue;
    tf.tidy(() => {
      const [rows = 1] = v.shape;
      v.assign(tf.concat([tf.zeros([rows, trunkSize]), v.slice([0, trunkSize], [-1, -1])], 1));
    });
  }
}

export function createBottomCache(params: Params, model: Model, optimizer: Optimizer): EmbeddingCache {
  const net = model.network;
  const training = model.training;
  if (!net || !model.chainGradients || !training)
    throw new Error('embedding cache: the model is not a dense chain over a data suite');
  const T = model.tasks.length;
  const sharedInputs = training.split.mode === 'shared';
  const counts = model.trainCounts;
  const offsets = counts.map((_, t) => (sharedInputs ? 0 : counts.slice(0, t).reduce((a, b) => a + b, 0)));
  const totalRows = sharedInputs ? (counts[0] ?? 0) : counts.reduce((a, b) => a + b, 0);
  const trunk = trunkOf(net);
  const width = trunk.shape[trunk.shape.length - 1]?.out ?? 0;

  const state = new DeviceState();
  const table = state.variable('embeddings', [totalRows, width], 0) as tf.Variable<tf.Rank.R2>;
  const schedule = new CacheSchedule(state, totalRows, params, trunk.shape, {
    numTasks: T,
    tasksPerRow: sharedInputs ? T : 1,
  });

  /** The cache row of every position of the flattened batch. */
  function cacheRows(batch: Batch): Int32Array {
    const rows = batch.rows;
    if (!rows) throw new Error('embedding cache: the batch does not say which examples it holds');
    const parts = sharedInputs ? rows.slice(0, 1) : rows;
    const out = new Int32Array(parts.reduce((n, r) => n + r.length, 0));
    let at = 0;
    parts.forEach((r, t) => r.forEach((i) => (out[at++] = i + (offsets[t] ?? 0))));
    return out;
  }

  const chainGradients: Model['chainGradients'] = (theta, taskVars, batch, withRepresentation) => {
    // Gradients for a report before the first step come without rows: the plain pass, cache untouched.
    if (!batch.rows)
      return (model.chainGradients as NonNullable<Model['chainGradients']>)(
        theta,
        taskVars,
        batch,
        withRepresentation,
      );
    const rows = cacheRows(batch);
    const plan = schedule.next(rows);
    if (plan.freezesNow) stopTrunkMomentum(optimizer, trunk.size);
    const { grads, fresh } = cachedChainGradients(
      net,
      theta,
      taskVars,
      batch,
      withRepresentation,
      { ...plan, cacheRows: rows },
      table,
    );
    if (fresh) {
      tf.tidy(() => {
        const at = tf.tensor2d(
          Int32Array.from(plan.misses, (p) => rows[p] as number),
          [plan.misses.length, 1],
          'int32',
        );
        table.assign(tf.tensorScatterUpdate(table, at, fresh));
      });
      fresh.dispose();
    }
    return grads;
  };

  return {
    model: { ...model, chainGradients },
    state,
    report: () => schedule.report(),
    dispose: () => state.dispose(),
  };
}
