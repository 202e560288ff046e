/**
 * From a validated config to the `Model` the trainer trains, with the checks that need the built data or
 * model. Every refusal leaves nothing allocated: the checks on the data come before the model allocates its
 * tensors, those on the model (does it serve the method, do the gradient masks name its layers) dispose it
 * before throwing, and they run before the trainer allocates anything else (the app builds a trainer on
 * every configure, so a refused one used to leak 17-44 tensors each time).
 */
import { findArchitecture } from '../architectures/registry';
import type { ArchitectureEntry } from '../architectures/types';
import { ConfigError, type ExperimentConfig } from '../config/types';
import type { Rng } from '../random/rng';
import { findTaskSuite } from '../tasks/registry';
import type { DataSuiteInstance } from '../tasks/types';
import { splitCounts } from './batches';
import { checkGradientMask } from './isolation';
import { checkMethodFits } from './method-slot';
import type { Model } from './model';
import { createObjectiveModel } from './objective-model';
import { createSupervisedModel } from './supervised-model';
import { chooseStrategy } from './task-grads';

export function buildModel(config: ExperimentConfig, rng: Rng): Model {
  const suiteEntry = findTaskSuite(config.task.id);
  const arch = findArchitecture(config.architecture.id);
  if (!suiteEntry)
    throw new ConfigError([{ path: 'task.id', message: `unknown task suite '${config.task.id}'` }]);
  if (!arch)
    throw new ConfigError([
      { path: 'architecture.id', message: `unknown architecture '${config.architecture.id}'` },
    ]);
  const suite = suiteEntry.build(config.task.params, rng.fork('data'));
  const model =
    suite.kind === 'objective'
      ? createObjectiveModel(suite, arch, config.architecture.params, rng.fork('init'))
      : createDataModel(config, suite, arch, rng);
  try {
    checkMethodFits(model, config);
    checkGradientMask(config.isolation.gradientMask, model.layers);
    chooseStrategy(config, model); // refuses 'fused' for a network that is not a dense chain
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}

function createDataModel(
  config: ExperimentConfig,
  suite: DataSuiteInstance,
  arch: ArchitectureEntry,
  rng: Rng,
): Model {
  const smallest = Math.min(...splitCounts(suite.train, suite.tasks.length));
  if (config.batchSize > smallest) {
    throw new ConfigError([
      {
        path: 'batchSize',
        message: `expected at most the training samples per task (${smallest}), got ${config.batchSize}`,
        accepted: `a whole number from 1 to ${smallest}`,
      },
    ]);
  }
  return createSupervisedModel(suite, arch, config.architecture.params, {
    batchSize: config.batchSize,
    rng,
    sampling: config.sampling,
  });
}
