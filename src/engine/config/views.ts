/**
 * What an experiment asks the app to draw beyond the standard charts, gathered from the entries it chooses.
 * Here, above the registries, because their types import the view types (views.ts stays a leaf).
 */
import { findSampler } from '../sampling/registry';
import { findTaskSuite } from '../tasks/registry';
import type { ViewSpec } from '../views';
import { activeSections, findSectionCard } from './sections';
import type { ExperimentConfig } from './types';

/**
 * What an experiment asks the app to draw beyond the standard charts: its task suite's views, its sampling
 * strategy's, the affinity matrix when the isolation settings measure it, and those of the optional
 * sections it turns on (sections.ts). Unknown ids declare nothing
 * (the config parser names them).
 */
export function viewsOf(config: ExperimentConfig): ViewSpec[] {
  const suite = findTaskSuite(config.task.id);
  const sampler = findSampler(config.sampling.id);
  const affinity: ViewSpec[] = config.isolation.affinityEvery > 0 ? [{ kind: 'affinity' }] : [];
  const sections = activeSections(config).flatMap((key) => {
    const selection = config[key];
    return (selection && findSectionCard(key, selection.id)?.views?.(selection.params)) ?? [];
  });
  return [...(suite?.views?.(config.task.params) ?? []), ...(sampler?.views ?? []), ...affinity, ...sections];
}
