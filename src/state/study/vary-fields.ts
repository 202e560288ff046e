/**
 * The fields a study may vary, derived from the SAME specs the controls are drawn from (the registries'
 * cards and their parameter specs, the training and isolation settings): no per-field code, so a new
 * method, architecture or setting is offered here the day it is added. Parameters are those of the
 * entries chosen in the base config (a study varies the experiment the user has open).
 */
import { ARCHITECTURE_CARDS } from '../../engine/architectures/catalogue';
import { ISOLATION_SETTINGS } from '../../engine/config/isolation';
import { findOptimizerCard, OPTIMIZER_CARDS } from '../../engine/config/optimizers';
import { TRAINING_SETTINGS } from '../../engine/config/settings';
import type { ExperimentConfig } from '../../engine/config/types';
import { METHOD_CARDS } from '../../engine/methods/catalogue';
import type { ParamSpec, ParamSpecs } from '../../engine/params/spec';
import { SAMPLERS } from '../../engine/sampling/registry';
import { TASK_SUITES } from '../../engine/tasks/registry';
import { unfitChoices, type ChoiceKey } from '../choices';

/** One registry entry as a choice: its id (the value stored) and what a person reads. */
export interface RegistryChoice {
  id: string;
  label: string;
  summary: string;
}

/** A field of the config a study can vary: a registry choice, or one parameter with its spec. */
export type VaryField =
  | { kind: 'registry'; path: string; label: string; help: string; group: string; choices: RegistryChoice[] }
  | { kind: 'param'; path: string; label: string; help: string; group: string; spec: ParamSpec };

type SelectionKey = 'task' | 'architecture' | 'method' | 'optimizer' | 'sampling';

interface Registry {
  key: SelectionKey;
  /** The section's name, as the controls title it. */
  title: string;
  entries: readonly { id: string; label: string; summary?: string; params: ParamSpecs }[];
}

const REGISTRIES: readonly Registry[] = [
  { key: 'task', title: 'Task suite', entries: TASK_SUITES },
  { key: 'architecture', title: 'Architecture', entries: ARCHITECTURE_CARDS },
  { key: 'method', title: 'Method', entries: METHOD_CARDS },
  { key: 'optimizer', title: 'Optimizer', entries: OPTIMIZER_CARDS },
  { key: 'sampling', title: 'Sampling', entries: SAMPLERS },
];

/** The seed is not a grid field: the study's seeds count repeats every grid point over seeds 1..N. */
const NOT_VARIED = new Set(['seed']);

const paramFields = (prefix: string, group: string, specs: ParamSpecs): VaryField[] =>
  Object.entries(specs)
    .filter(([name]) => !NOT_VARIED.has(name))
    .map(([name, spec]) => ({
      kind: 'param',
      path: `${prefix}${name}`,
      label: prefix ? `${group}: ${spec.label}` : spec.label,
      help: spec.help,
      group,
      spec,
    }));

/** Every field of `config` a study may vary, in the order of the controls. */
export function varyFields(config: ExperimentConfig): VaryField[] {
  const fields: VaryField[] = [];
  for (const { key, title, entries } of REGISTRIES) {
    const chosen = key === 'optimizer' ? findOptimizerCard(config.optimizer.id) : null;
    const entry = chosen ?? entries.find((e) => e.id === config[key].id);
    fields.push({
      kind: 'registry',
      path: `${key}.id`,
      label: title,
      help: `Which ${title.toLowerCase()} each run uses (one grid point per checked entry; its parameters take their defaults).`,
      group: title,
      choices: entries.map((e) => ({ id: e.id, label: e.label, summary: e.summary ?? e.label })),
    });
    if (entry) fields.push(...paramFields(`${key}.params.`, `${title} (${entry.label})`, entry.params));
  }
  fields.push(...paramFields('', 'Training', TRAINING_SETTINGS));
  fields.push(...paramFields('isolation.', 'Isolation', ISOLATION_SETTINGS));
  return fields;
}

export const findVaryField = (fields: readonly VaryField[], path: string): VaryField | undefined =>
  fields.find((f) => f.path === path);

/** The value a field has in `config` (what the study's other grid points keep). */
export function currentValue(config: ExperimentConfig, path: string): unknown {
  let node: unknown = config;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const FITTED: readonly string[] = ['architecture', 'method', 'sampling'] satisfies ChoiceKey[];

/**
 * The entries of a registry field that the validator refuses in this experiment (an architecture for
 * another kind of suite): the builder shows them disabled, as the controls do.
 */
export function unfitValues(config: ExperimentConfig, field: VaryField): Set<string> {
  const key = field.path.slice(0, -'.id'.length);
  if (field.kind !== 'registry' || !FITTED.includes(key)) return new Set();
  return unfitChoices(
    config,
    key as ChoiceKey,
    field.choices.map((c) => c.id),
  );
}
