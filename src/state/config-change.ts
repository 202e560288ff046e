/**
 * How a config change reaches a running experiment: the learning rate and the method apply at once, without
 * a reset (the trainer keeps its parameters); anything that changes the data, the model or the optimizer
 * needs a fresh trainer, which the user confirms (and may undo) once training has started.
 */
import type { ExperimentConfig } from '../engine/config/types';
import { joinList } from './words';

export type ChangePlan =
  | { kind: 'none' }
  | { kind: 'live'; learningRate?: number; method?: ExperimentConfig['method'] }
  | { kind: 'reset'; summary: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const FIELD_NAMES: Record<string, string> = {
  task: 'the task suite',
  architecture: 'the architecture',
  optimizer: 'the optimizer',
  batchSize: 'the batch size',
  seed: 'the seed',
  gradients: 'the gradient strategy',
  reportEvery: 'the report interval',
  steps: 'the number of steps',
  communication: 'the gradient compression',
  embeddingCache: 'the embedding cache',
  meta: 'the meta-learner',
  merging: 'the model merging',
};

/**
 * `next` with every top-level field equal to the current one's replaced by the current object, so that
 * parts of the page that follow one field (the decision boundary's training points follow the task) see
 * no change when another field changed.
 */
export function keepUnchanged(current: ExperimentConfig, next: ExperimentConfig): ExperimentConfig {
  const out = { ...next };
  for (const key of Object.keys(next) as (keyof ExperimentConfig)[])
    if (same(current[key], next[key])) Object.assign(out, { [key]: current[key] });
  return out;
}

export function planChange(current: ExperimentConfig, next: ExperimentConfig): ChangePlan {
  // Both sides' keys: an optional section turned off is a key the next config no longer has.
  const keys = [...new Set([...Object.keys(current), ...Object.keys(next)])] as (keyof ExperimentConfig)[];
  const changed = keys.filter((k) => !same(current[k], next[k]));
  if (!changed.length) return { kind: 'none' };
  const needsReset = changed.filter((k) => k !== 'learningRate' && k !== 'method');
  if (needsReset.length) {
    const names = needsReset.map((k) => FIELD_NAMES[k] ?? k);
    return { kind: 'reset', summary: `Changing ${joinList(names)} starts the experiment over.` };
  }
  return {
    kind: 'live',
    ...(changed.includes('learningRate') ? { learningRate: next.learningRate } : {}),
    ...(changed.includes('method') ? { method: next.method } : {}),
  };
}
