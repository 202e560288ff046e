/**
 * An objective suite (losses are closed-form functions of θ, like the CAGrad toy) as a `Model`: θ is the
 * point itself, one replica per start point, all trained at once as one batch [R, dim].
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ArchitectureEntry } from '../architectures/types';
import type { AnyParams } from '../params/spec';
import type { Rng } from '../random/rng';
import type { ObjectiveSuiteInstance } from '../tasks/types';
import { sharedLayers, type Model } from './model';

export function createObjectiveModel(
  suite: ObjectiveSuiteInstance,
  arch: ArchitectureEntry,
  archParams: AnyParams,
  rng: Rng,
): Model {
  const numTasks = suite.tasks.length;
  // The point architecture describes θ's layout (one segment of length dim); its values are the starts.
  const built = arch.build(archParams, { numTasks, inputDim: suite.dim, outputDim: suite.dim, rng });
  return {
    kind: 'objective',
    tasks: suite.tasks,
    replicas: suite.starts.length,
    numShared: suite.dim,
    layers: sharedLayers(built.shared),
    initialShared: Float32Array.from(suite.starts.flat()),
    taskParams: [],
    representationSize: undefined,
    stackedCost: 'linear',
    trainCounts: [],
    losses: (shared) => suite.losses(tf, shared),
    evaluate(shared) {
      return tf.tidy(() => {
        const loss = suite.losses(tf, shared.expandDims<tf.Tensor3D>(1));
        return { loss, metric: tf.mean<tf.Tensor1D>(loss, 0) };
      });
    },
    nextBatch: () => null,
    dispose() {},
  };
}
