/**
 * What the controls may offer, asked of the config validator itself (engine/config/parse.ts), so the page
 * repeats none of its rules: which registry choices fit the experiment as it stands, and what the
 * experiment becomes on another task suite (every setting that still fits is kept).
 */
import { parseConfig } from '../engine/config/parse';
import type { SectionKey } from '../engine/config/sections';
import { ConfigError, type ExperimentConfig } from '../engine/config/types';
import { configJson, repairConfig } from './url-repair';

export type ChoiceKey = 'architecture' | 'method' | 'sampling';

/**
 * The ids among `ids` that the validator refuses for `key` in this experiment (their own default
 * parameters aside): an issue on `${key}.id`, such as an architecture for another kind of suite.
 */
export function unfitChoices(config: ExperimentConfig, key: ChoiceKey, ids: readonly string[]): Set<string> {
  const unfit = new Set<string>();
  for (const id of ids) {
    if (id === config[key].id) continue;
    try {
      parseConfig({ ...config, [key]: { id } });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      if (error.issues.some((i) => i.path === `${key}.id`)) unfit.add(id);
    }
  }
  return unfit;
}

/**
 * The ids among `ids` that the validator refuses for the optional section `key` in this experiment: an
 * issue on the section itself (it excludes another section that is on) or on its id (the card's check).
 */
export function unfitSectionChoices(
  config: ExperimentConfig,
  key: SectionKey,
  ids: readonly string[],
): Set<string> {
  const unfit = new Set<string>();
  for (const id of ids) {
    if (id === 'none' || id === config[key]?.id) continue;
    try {
      parseConfig({ ...config, [key]: { id } });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      if (error.issues.some((i) => i.path === key || i.path === `${key}.id`)) unfit.add(id);
    }
  }
  return unfit;
}

/**
 * The experiment on task suite `id` with the suite's default parameters, keeping every other setting that
 * still fits; what does not (an architecture for another kind of suite, weights sized for another task
 * count) takes the new suite's default, as a link's unusable fields do (url-repair.ts).
 */
export function withTaskSuite(config: ExperimentConfig, id: string): ExperimentConfig {
  // A plain JSON copy: the repair edits the object it is given.
  return repairConfig({ ...configJson(config), task: { id } }).config;
}
