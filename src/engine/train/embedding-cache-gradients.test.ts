/**
 * The cached dense-chain pass against autodiff: hit rows read a constant embedding (no trunk gradient from
 * them), miss rows run the trunk, and every row feeds the top layers; the misses' fresh embeddings are the
 * trunk's output.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { unpackShared } from '../architectures/layout';
import { activate } from '../architectures/mlp';
import type { ParamRef } from '../architectures/types';
import { parseConfig } from '../config/parse';
import { Rng } from '../random/rng';
import { buildModel } from './build-model';
import { cachedChainGradients } from './embedding-cache-gradients';
import { taskLosses } from './losses';
import type { Batch } from './batches';
import type { ChainNetwork, Model } from './model';

const maxDiff = (a: tf.Tensor, b: tf.Tensor) =>
  tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? NaN);

/** Task t's loss with hit rows' embeddings replaced by constants (mask 1 = hit), differentiated by tfjs. */
function reference(
  net: ChainNetwork,
  theta: tf.Tensor2D,
  taskVars: tf.Tensor[],
  batch: Batch,
  mask: tf.Tensor3D,
  cached: tf.Tensor3D,
) {
  const T = net.lossKinds.length;
  const depth = net.chain.representationDepth;
  const loss =
    (t: number) =>
    (th: tf.Tensor, ...tv: tf.Tensor[]) => {
      const segments = unpackShared(th as tf.Tensor2D, net.shared);
      const param = (ref: ParamRef) =>
        (ref.role === 'shared' ? segments[ref.index] : tv[ref.index]) as tf.Tensor;
      let h: tf.Tensor = batch.x;
      net.chain.layers.forEach((layer, l) => {
        const bias = param(layer.bias);
        const kernel = param(layer.kernel);
        // tfjs's matMul gradient does not reduce a broadcast batch axis: give a per-task kernel T copies of h.
        if (h.shape[0] !== kernel.shape[0]) h = tf.tile(h, [kernel.shape[0] ?? 1, 1, 1]);
        h = activate(
          tf.add(tf.matMul(h, kernel), bias.reshape([bias.shape[0] ?? 1, 1, -1])),
          layer.activation,
        );
        // After the trunk: a hit row's embedding is the cached constant (its trunk gets no gradient).
        if (l === depth - 1) h = tf.add(tf.mul(h, tf.sub(1, mask)), tf.mul(cached, mask));
      });
      return taskLosses(net.lossKinds, h as tf.Tensor3D, batch.y, batch.weights)
        .slice([t], [1])
        .sum<tf.Scalar>();
    };
  const perTask = Array.from({ length: T }, (_, t) => tf.grads(loss(t))([theta, ...taskVars]));
  return {
    shared: tf.concat(perTask.map((g) => (g[0] as tf.Tensor).reshape([1, -1]))),
    taskParams: taskVars.map((_, i) =>
      perTask.map((g) => g[i + 1] as tf.Tensor).reduce((a, b) => tf.add(a, b)),
    ),
  };
}

function setup(architecture: object) {
  const config = parseConfig({
    task: { id: 'playground-2d', params: { trainSamples: 64 } },
    architecture,
    batchSize: 8,
    seed: 5,
  });
  const model: Model = buildModel(config, new Rng(5));
  const net = model.network as ChainNetwork;
  const theta = tf.tensor2d(model.initialShared, [1, model.numShared]);
  const taskVars = model.taskParams.map((p) => tf.tensor(p.init, p.shape));
  const rows = Int32Array.from([3, 9, 14, 0, 22, 7, 41, 5]);
  const batch = { ...model.nextBatch({ step: 0 }), rows: [rows] } as Batch;
  return { model, net, theta, taskVars, batch, rows };
}

describe('cachedChainGradients', () => {
  for (const shared of [
    [true, true],
    [true, false],
  ])
    it(`equals autodiff with hit rows held constant (shared ${JSON.stringify(shared)})`, () => {
      const { model, net, theta, taskVars, batch, rows } = setup({
        id: 'layer-sharing',
        params: { widths: [5, 4], shared },
      });
      const Z = shared[1] ? 4 : 5;
      const cache = tf.randomNormal<tf.Rank.R2>([64, Z], 0, 1, 'float32', 11);
      const hits = [1, 4, 5];
      const misses = [0, 2, 3, 6, 7];
      const before = tf.memory().numTensors;
      const { grads, fresh } = cachedChainGradients(
        net,
        theta,
        taskVars,
        batch,
        true,
        { hits, misses, cacheRows: rows, trainTrunk: true },
        cache,
      );
      const maskValues = new Float32Array(8);
      hits.forEach((p) => (maskValues[p] = 1));
      tf.tidy(() => {
        const mask = tf.tensor3d(maskValues, [1, 8, 1]);
        const cached = tf.gather(cache, tf.tensor1d(rows, 'int32')).reshape<tf.Tensor3D>([1, 8, Z]);
        const want = reference(net, theta, taskVars, batch, mask, cached);
        expect(maxDiff(grads.shared.reshape([2, -1]), want.shared)).toBeLessThan(1e-5);
        grads.taskParams.forEach((g, i) =>
          expect(maxDiff(g, want.taskParams[i] as tf.Tensor)).toBeLessThan(1e-5),
        );
        // A hit changes what the trunk learns: without the mask the trunk's gradient differs.
        const unmasked = reference(net, theta, taskVars, batch, tf.zeros([1, 8, 1]), cached);
        expect(maxDiff(grads.shared.reshape([2, -1]), unmasked.shared)).toBeGreaterThan(1e-4);
      });
      // The fresh embeddings are the trunk's output on the misses, in their order.
      const freshDiff = tf.tidy(() => {
        const segments = unpackShared(theta, net.shared);
        const param = (ref: ParamRef) => segments[ref.index] as tf.Tensor;
        let h: tf.Tensor = batch.x;
        for (const layer of net.chain.layers.slice(0, net.chain.representationDepth))
          h = activate(tf.add(tf.matMul(h, param(layer.kernel)), param(layer.bias)), layer.activation);
        return maxDiff(fresh as tf.Tensor, tf.gather(h.reshape([8, Z]), tf.tensor1d(misses, 'int32')));
      });
      expect(freshDiff).toBeLessThan(1e-6);
      tf.dispose([grads.losses, grads.shared, ...grads.taskParams, grads.representation, fresh]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([cache, theta, ...taskVars, batch.x, batch.y]);
      model.dispose();
    });

  it('a frozen bottom (trainTrunk false) gets exactly zero trunk gradient; every-row hits run no trunk', () => {
    const { model, net, theta, taskVars, batch, rows } = setup({
      id: 'layer-sharing',
      params: { widths: [5, 4], shared: [true, false] },
    });
    const cache = tf.ones<tf.Rank.R2>([64, 5]);
    const all = [0, 1, 2, 3, 4, 5, 6, 7];
    const frozen = cachedChainGradients(
      net,
      theta,
      taskVars,
      batch,
      false,
      { hits: [], misses: all, cacheRows: rows, trainTrunk: false },
      cache,
    );
    // θ is the shared first layer alone (2·5 + 5 entries); the second layer and the heads are per task.
    expect(frozen.grads.shared.shape).toEqual([1, 2, 15]);
    expect(Array.from(frozen.grads.shared.dataSync()).every((v) => v === 0)).toBe(true);
    expect(Array.from((frozen.grads.taskParams[0] as tf.Tensor).dataSync()).some((v) => v !== 0)).toBe(true);
    const hitAll = cachedChainGradients(
      net,
      theta,
      taskVars,
      batch,
      false,
      { hits: all, misses: [], cacheRows: rows, trainTrunk: true },
      cache,
    );
    expect(hitAll.fresh).toBeUndefined();
    expect(Array.from(hitAll.grads.shared.dataSync()).every((v) => v === 0)).toBe(true);
    tf.dispose([frozen.grads.losses, frozen.grads.shared, ...frozen.grads.taskParams, frozen.fresh]);
    tf.dispose([hitAll.grads.losses, hitAll.grads.shared, ...hitAll.grads.taskParams]);
    tf.dispose([cache, theta, ...taskVars, batch.x, batch.y]);
    model.dispose();
  });
});
