/** From a validated config to the `Model` the trainer trains, with the checks that need the built data. */
import { findArchitecture } from '../architectures/registry';
import { ConfigError, type ExperimentConfig } from '../config/types';
import type { Rng } from '../random/rng';
import { findTaskSuite } from '../tasks/registry';
import { splitCounts } from './batches';
import type { Model } from './model';
import { createObjectiveModel } from './objective-model';
import { createSupervisedModel } from './supervised-model';

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
  if (suite.kind === 'objective')
    return createObjectiveModel(suite, arch, config.architecture.params, rng.fork('init'));
  const smallest = Math.min(...splitCounts(suite.train, suite.tasks.length));
  if (config.batchSize > smallest) {
    throw new ConfigError([
      {
        path: 'batchSize',
        message: `expected at most the training samples per task (${smallest}), got ${config.batchSize}`,
      },
    ]);
  }
  return createSupervisedModel(suite, arch, config.architecture.params, {
    batchSize: config.batchSize,
    rng,
    sampling: config.sampling,
  });
}
