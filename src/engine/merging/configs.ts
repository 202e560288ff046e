/**
 * The configs of the models a merging run trains, derived from its own: the joint model (the same
 * experiment without merging: the baseline at the same budget) and one specialist per task (the same
 * experiment with static weights one-hot on its task, so the shared parameters follow that task's gradient
 * alone and the other heads never move). All start from the config's seed, hence from one θ0.
 */
import { parseConfig } from '../config/parse';
import type { ExperimentConfig } from '../config/types';

/** The experiment as joint MTL: everything but the merging section. */
export function jointConfig(config: ExperimentConfig): ExperimentConfig {
  const { merging: _merging, ...rest } = config;
  return parseConfig(rest);
}

/** Task t's specialist: trained on task t alone (the affinity monitor, a joint-training probe, off). */
export function specialistConfig(config: ExperimentConfig, task: number, numTasks: number): ExperimentConfig {
  const { merging: _merging, ...rest } = config;
  const weights = Array.from({ length: numTasks }, (_, i) => (i === task ? 1 : 0));
  return parseConfig({
    ...rest,
    method: { id: 'static', params: { weights } },
    isolation: { ...rest.isolation, affinityEvery: 0 },
  });
}
