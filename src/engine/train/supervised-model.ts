/** A data suite trained through a sharing architecture, as a `Model` (see model.ts). */
import * as tf from '@tensorflow/tfjs-core';
import { unpackShared } from '../architectures/layout';
import type { ArchitectureEntry } from '../architectures/types';
import type { AnyParams } from '../params/spec';
import type { Rng } from '../random/rng';
import { kpiOf, perSampleLosses, taskLosses, taskMetric } from './losses';
import type { DataSuiteInstance, TaskSplit } from '../tasks/types';
import type { Selection } from '../config/types';
import { findSampler } from '../sampling/registry';
import type { SamplerFeedback } from '../sampling/types';
import { DeviceDataset, splitCounts, type Batch } from './batches';
import { sharedLayers, type Model } from './model';
import { chainCoversParameters, chainTaskGradients } from './dense-chain-gradients';

/** Training-split samples used for the train metric at report time: enough for a stable estimate, cheap. */
const TRAIN_EVAL_SAMPLES = 2048;

interface EvalSet {
  /** Per task (separate inputs) or one shared entry: inputs [1, N, D], targets [T or 1, N, O]. */
  parts: { x: tf.Tensor3D; y: tf.Tensor3D }[];
}

function evalSet(
  split: TaskSplit,
  numTasks: number,
  inputDim: number,
  outputDim: number,
  limit: number,
): EvalSet {
  if (split.mode === 'shared') {
    const n = Math.min(split.count, limit);
    const x = tf.tensor3d(split.x.subarray(0, n * inputDim), [1, n, inputDim]);
    const y = tf.tidy<tf.Tensor3D>(() =>
      tf
        .tensor3d(split.y.subarray(0, n * numTasks * outputDim), [n, numTasks, outputDim])
        .transpose([1, 0, 2]),
    );
    return { parts: [{ x, y }] };
  }
  return {
    parts: split.counts.map((count, t) => {
      const n = Math.min(count, limit);
      return {
        x: tf.tensor3d((split.x[t] as Float32Array).subarray(0, n * inputDim), [1, n, inputDim]),
        y: tf.tensor3d((split.y[t] as Float32Array).subarray(0, n * outputDim), [1, n, outputDim]),
      };
    }),
  };
}

export function createSupervisedModel(
  suite: DataSuiteInstance,
  arch: ArchitectureEntry,
  archParams: AnyParams,
  opts: { batchSize: number; rng: Rng; sampling: Selection },
): Model {
  const numTasks = suite.tasks.length;
  const { inputDim, outputDim } = suite;
  const built = arch.build(archParams, { numTasks, inputDim, outputDim, rng: opts.rng.fork('init') });
  const numShared = built.shared.reduce((n, s) => n + s.init.length, 0);
  const initialShared = new Float32Array(numShared);
  built.shared.reduce((at, s) => (initialShared.set(s.init, at), at + s.init.length), 0);

  const train = new DeviceDataset(suite.train, numTasks, inputDim, outputDim);
  const trainCounts = splitCounts(suite.train, numTasks);
  const samplerEntry = findSampler(opts.sampling.id);
  if (!samplerEntry) throw new Error(`unknown sampling strategy '${opts.sampling.id}'`);
  const sampler = samplerEntry.create({
    numTasks,
    counts: trainCounts,
    batchSize: opts.batchSize,
    sharedInputs: suite.train.mode === 'shared',
    params: opts.sampling.params,
    rng: opts.rng.fork('batches'),
  });
  // Every slot counts under 'mixed' with equal quotas: no weights tensor, the step stays as cheap as before.
  const allSlotsCount =
    !samplerEntry.partial && opts.sampling.id === 'mixed' && opts.sampling.params.quota !== 'proportional';
  // The whole training pool as evaluation inputs, only for strategies that score every sample.
  const trainSet = samplerEntry.sampleLossesEvery
    ? evalSet(suite.train, numTasks, inputDim, outputDim, Number.POSITIVE_INFINITY)
    : { parts: [] };
  const evalSets = {
    train: evalSet(suite.train, numTasks, inputDim, outputDim, TRAIN_EVAL_SAMPLES),
    test: evalSet(suite.test, numTasks, inputDim, outputDim, Number.POSITIVE_INFINITY),
  };
  const lossKinds = suite.tasks.map((t) => t.loss);

  const chain = built.chain;
  const net = chain && chainCoversParameters({ ...built, chain }) ? { ...built, chain, lossKinds } : null;

  const forward = (shared: tf.Tensor2D, taskParams: tf.Tensor[], x: tf.Tensor3D, probe?: tf.Tensor3D) =>
    built.forward({ shared: unpackShared(shared, built.shared), taskParams, x, ...(probe ? { probe } : {}) });

  return {
    kind: 'data',
    tasks: suite.tasks,
    replicas: 1,
    numShared,
    layers: sharedLayers(built.shared),
    initialShared,
    taskParams: built.taskParams,
    representationSize: built.representationSize,
    stackedCost: arch.stackedCost,
    ...(net
      ? {
          chainGradients: (theta, taskParams, batch, withRepresentation) =>
            chainTaskGradients(net, theta, taskParams, batch, withRepresentation),
          network: net,
        }
      : {}),
    trainCounts,
    training: { split: suite.train, weighted: !allSlotsCount, inputDim, outputDim },
    losses(shared, taskParams, batch, probe) {
      if (!batch) throw new Error('a data model needs a batch');
      return tf.tidy(() => {
        const copies = shared.shape[1];
        const out = forward(shared.reshape<tf.Tensor2D>([copies, numShared]), taskParams, batch.x, probe);
        return taskLosses(lossKinds, out, batch.y, batch.weights).reshape<tf.Tensor2D>([1, numTasks]);
      });
    },
    evaluate(shared, taskParams, which) {
      return tf.tidy(() => {
        const parts = evalSets[which].parts;
        const losses: tf.Tensor[] = [];
        const metrics: tf.Tensor[] = [];
        // Shared inputs: one forward pass serves every task; separate: task t's own samples.
        const sharedOut = parts.length === 1 && parts[0] ? forward(shared, taskParams, parts[0].x) : null;
        for (let t = 0; t < numTasks; t++) {
          const part = parts.length === 1 ? parts[0] : parts[t];
          if (!part) throw new Error(`no evaluation data for task ${t}`);
          const row = parts.length === 1 ? t : 0;
          const out = sharedOut ?? forward(shared, taskParams, part.x);
          const pred = out.slice([t, 0, 0], [1, -1, -1]).squeeze<tf.Tensor2D>([0]);
          const target = part.y.slice([row, 0, 0], [1, -1, -1]).squeeze<tf.Tensor2D>([0]);
          const task = suite.tasks[t];
          if (!task) throw new Error(`no task ${t}`);
          losses.push(
            taskLosses([task.loss], pred.expandDims<tf.Tensor3D>(0), target.expandDims<tf.Tensor3D>(0)),
          );
          metrics.push(taskMetric(task.metric, task.loss, pred, target));
        }
        return {
          loss: tf.concat(losses).reshape<tf.Tensor2D>([1, numTasks]),
          metric: tf.stack(metrics) as tf.Tensor1D,
        };
      });
    },
    kpis(shared, taskParams, batch) {
      return tf.tidy(() => {
        const out = forward(shared, taskParams, batch.x);
        const values = suite.tasks.map((task, t) => {
          const pred = out.slice([t, 0, 0], [1, -1, -1]).squeeze<tf.Tensor2D>([0]);
          const target = batch.y.slice([t, 0, 0], [1, -1, -1]).squeeze<tf.Tensor2D>([0]);
          return kpiOf(task.metric, taskMetric(task.metric, task.loss, pred, target));
        });
        return tf.stack(values).reshape<tf.Tensor2D>([1, numTasks]);
      });
    },
    predict: (shared, taskParams, x) => tf.tidy(() => forward(shared, taskParams, x)),
    nextBatch(feedback: SamplerFeedback): Batch {
      const plan = sampler.next(feedback);
      const batch = { ...train.gather(plan.indices), rows: plan.indices };
      if (allSlotsCount) return batch;
      const weights = new Float32Array(numTasks * opts.batchSize);
      plan.sampleWeights.forEach((w, t) => weights.set(w, t * opts.batchSize));
      return { ...batch, weights: tf.tensor2d(weights, [numTasks, opts.batchSize]), active: plan.active };
    },
    sampling: {
      entry: samplerEntry,
      instance: sampler,
      async sampleLosses(shared, taskParams) {
        // Per task, the loss of every training sample: one forward pass over the pool (shared inputs) or
        // one per task (separate), for strategies that rank samples by difficulty (curriculum).
        const rows = tf.tidy(() =>
          trainSet.parts.map((part, i) => {
            const out = forward(shared, taskParams, part.x);
            const losses = perSampleLosses(
              lossKinds,
              out,
              part.y.shape[0] === numTasks ? part.y : tf.tile(part.y, [numTasks, 1, 1]),
            );
            return trainSet.parts.length === 1 ? losses : losses.slice([i, 0], [1, -1]);
          }),
        );
        try {
          if (rows.length === 1) {
            const values = await (rows[0] as tf.Tensor2D).data();
            const n = (rows[0] as tf.Tensor2D).shape[1];
            return Array.from({ length: numTasks }, (_, t) =>
              Float32Array.from(values.subarray(t * n, (t + 1) * n)),
            );
          }
          return Promise.all(rows.map(async (r) => Float32Array.from(await r.data())));
        } finally {
          tf.dispose(rows);
        }
      },
    },
    dispose() {
      train.dispose();
      trainSet.parts.forEach((p) => (p.x.dispose(), p.y.dispose()));
      for (const set of Object.values(evalSets)) set.parts.forEach((p) => (p.x.dispose(), p.y.dispose()));
    },
  };
}
