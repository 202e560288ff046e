/**
 * Validation of an experiment config from any source (file, `--set`, URL, form). Unknown keys and
 * out-of-range values are rejected with messages naming the field and what it accepts; missing fields get
 * their defaults. Two phases: each registry choice and its own parameters, then the checks across fields
 * (list lengths that depend on the number of tasks, suite/architecture compatibility).
 */
import { findArchitectureCard, ARCHITECTURE_CARDS } from '../architectures/catalogue';
import { findMethodCard, METHOD_CARDS } from '../methods/catalogue';
import { describeValue, pathSegment, quoteKeys } from '../params/describe';
import { narrowParams } from '../params/narrow';
import type { ConfigIssue, ParamSpecs } from '../params/spec';
import { validateParams } from '../params/validate';
import { findSampler, SAMPLERS } from '../sampling/registry';
import { findTaskSuite, TASK_SUITES } from '../tasks/registry';
import { partialTaskPolicy } from '../methods/card';
import { checkIsolation, ISOLATION_SETTINGS } from './isolation';
import { findOptimizerCard, OPTIMIZER_CARDS } from './optimizers';
import { TRAINING_SETTINGS } from './settings';
import { findSectionCard, SECTION_KEYS, SECTIONS, sectionChecks, type SectionKey } from './sections';
import { ConfigError, type ExperimentConfig, type Selection } from './types';

/** The experiment the app opens on: two partly conflicting 2-D tasks, a shared-bottom MLP, equal weights. */
export const DEFAULT_SELECTIONS = {
  task: 'playground-2d',
  architecture: 'layer-sharing',
  method: 'ew',
  optimizer: 'adam',
  sampling: 'mixed',
} as const;

/** The architecture used when a config names none: objective suites train the point θ itself. */
const defaultArchitectureFor = (suiteKind: 'data' | 'objective'): string =>
  suiteKind === 'objective' ? 'point' : DEFAULT_SELECTIONS.architecture;

type SelectionKey = keyof typeof DEFAULT_SELECTIONS;

interface RegistryView {
  noun: string;
  ids: () => string[];
  specs: (id: string) => ParamSpecs | undefined;
}

const REGISTRIES: Record<SelectionKey, RegistryView> = {
  task: {
    noun: 'task suite',
    ids: () => TASK_SUITES.map((s) => s.id),
    specs: (id) => findTaskSuite(id)?.params,
  },
  architecture: {
    noun: 'architecture',
    ids: () => ARCHITECTURE_CARDS.map((a) => a.id),
    specs: (id) => findArchitectureCard(id)?.params,
  },
  method: {
    noun: 'method',
    ids: () => METHOD_CARDS.map((m) => m.id),
    specs: (id) => findMethodCard(id)?.params,
  },
  optimizer: {
    noun: 'optimizer',
    ids: () => OPTIMIZER_CARDS.map((o) => o.id),
    specs: (id) => findOptimizerCard(id)?.params,
  },
  sampling: {
    noun: 'sampling strategy',
    ids: () => SAMPLERS.map((s) => s.id),
    specs: (id) => findSampler(id)?.params,
  },
};

/** Every field a config may have, in the order messages list them. */
export const TOP_LEVEL_KEYS = [
  ...(Object.keys(DEFAULT_SELECTIONS) as SelectionKey[]),
  ...Object.keys(TRAINING_SETTINGS),
  'isolation',
  ...SECTION_KEYS,
];

const isSection = (key: string): key is SectionKey => (SECTION_KEYS as readonly string[]).includes(key);

function registryOf(key: SelectionKey | SectionKey): RegistryView {
  if (!isSection(key)) return REGISTRIES[key];
  const section = SECTIONS[key];
  return {
    noun: section.noun,
    ids: () => section.cards().map((c) => c.id),
    specs: (id) => findSectionCard(key, id)?.params,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A field of a raw config, only if the config itself has it: `raw.toString` must not find
 * Object.prototype's, and a key named '__proto__' is data like any other.
 */
const own = (raw: Record<string, unknown> | undefined, key: string): unknown =>
  raw !== undefined && Object.hasOwn(raw, key) ? raw[key] : undefined;

function parseSelection(
  key: SelectionKey | SectionKey,
  raw: unknown,
  fallbackId: string,
  issues: ConfigIssue[],
): Selection | null {
  const registry = registryOf(key);
  if (raw !== undefined && !isRecord(raw)) {
    const accepted = 'an object { "id": ..., "params": { ... } }';
    issues.push({ path: key, message: `expected ${accepted}, got ${describeValue(raw)}`, accepted });
    return null;
  }
  const extra = Object.keys(raw ?? {}).filter((k) => k !== 'id' && k !== 'params');
  if (extra.length)
    issues.push({
      path: key,
      message: `unknown field ${quoteKeys(extra)}; accepted: id, params`,
      accepted: 'id, params',
    });
  const id = own(raw, 'id') ?? fallbackId;
  const specs = typeof id === 'string' ? registry.specs(id) : undefined;
  if (typeof id !== 'string' || !specs) {
    const accepted = registry.ids().join(', ');
    issues.push({
      path: `${key}.id`,
      message: `unknown ${registry.noun} ${describeValue(id)}; accepted: ${accepted}`,
      accepted,
    });
    return null;
  }
  const params = validateParams(specs, own(raw, 'params'), `${key}.params`);
  if (!params.ok) {
    issues.push(...params.issues);
    return null;
  }
  return { id, params: params.value };
}

function crossChecks(config: ExperimentConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const prefixed = (prefix: string, list: ConfigIssue[] | undefined) =>
    (list ?? []).map((i) => ({ ...i, path: `${prefix}.${i.path}` }));
  const suite = findTaskSuite(config.task.id);
  const arch = findArchitectureCard(config.architecture.id);
  const method = findMethodCard(config.method.id);
  if (!suite || !arch || !method) return issues;
  const suiteIssues = prefixed('task.params', suite.check?.(config.task.params));
  issues.push(...suiteIssues);
  if (suiteIssues.length) return issues; // the task count below may be meaningless
  const numTasks = suite.numTasks(config.task.params);
  issues.push(...prefixed('architecture.params', arch.check?.(config.architecture.params, { numTasks })));
  issues.push(...prefixed('method.params', method.check?.(config.method.params, { numTasks })));
  const wantsPoint = suite.kind === 'objective';
  if (wantsPoint !== (arch.group === 'point')) {
    const accepted = ARCHITECTURE_CARDS.filter((a) => (a.group === 'point') === wantsPoint).map((a) => a.id);
    const why = wantsPoint
      ? `the '${suite.id}' suite trains the point θ itself`
      : `'${arch.id}' is only for suites whose losses are functions of θ itself`;
    issues.push({
      path: 'architecture.id',
      message: `${why}; accepted here: ${accepted.join(', ')}`,
      accepted: accepted.join(', '),
    });
  }
  issues.push(...prefixed('isolation', checkIsolation(config.isolation, numTasks)));
  issues.push(...sectionChecks(config, numTasks));
  if (suite.kind === 'objective' && config.sampling.id !== DEFAULT_SELECTIONS.sampling)
    issues.push({
      path: 'sampling.id',
      message: `the '${suite.id}' suite has no samples to draw (its losses are functions of θ); accepted: ${DEFAULT_SELECTIONS.sampling}`,
      accepted: DEFAULT_SELECTIONS.sampling,
    });
  const sampler = findSampler(config.sampling.id);
  if (sampler?.partial && partialTaskPolicy(method) === 'disabled') {
    const accepted = SAMPLERS.filter((s) => !s.partial)
      .map((s) => s.id)
      .join(', ');
    issues.push({
      path: 'sampling.id',
      message: `'${method.id}' needs every task's gradient at every step, and '${sampler.id}' leaves tasks out of some steps; accepted with this method: ${accepted}`,
      accepted,
    });
  }
  if (config.reportEvery > config.steps) {
    issues.push({
      path: 'reportEvery',
      message: `expected at most steps (${config.steps}), got ${config.reportEvery}`,
      accepted: `a whole number from 1 to ${config.steps}`,
    });
  }
  return issues;
}

/** Validate a raw config. Throws ConfigError listing every problem found. */
export function parseConfig(raw: unknown): ExperimentConfig {
  if (!isRecord(raw)) {
    const accepted = 'a JSON object of fields';
    throw new ConfigError([
      { path: '', message: `the whole config: expected ${accepted}, got ${describeValue(raw)}`, accepted },
    ]);
  }
  const issues: ConfigIssue[] = [];
  const unknown = Object.keys(raw).filter((k) => !TOP_LEVEL_KEYS.includes(k));
  const accepted = TOP_LEVEL_KEYS.join(', ');
  for (const key of unknown)
    issues.push({ path: pathSegment(key), message: `unknown field; accepted: ${accepted}`, accepted });
  const task = parseSelection('task', own(raw, 'task'), DEFAULT_SELECTIONS.task, issues);
  const suiteKind = task ? (findTaskSuite(task.id)?.kind ?? 'data') : 'data';
  const architecture = parseSelection(
    'architecture',
    own(raw, 'architecture'),
    defaultArchitectureFor(suiteKind),
    issues,
  );
  const method = parseSelection('method', own(raw, 'method'), DEFAULT_SELECTIONS.method, issues);
  const optimizer = parseSelection('optimizer', own(raw, 'optimizer'), DEFAULT_SELECTIONS.optimizer, issues);
  const settingsRaw = Object.fromEntries(
    Object.entries(raw).filter(([k]) => Object.hasOwn(TRAINING_SETTINGS, k)),
  );
  const settings = validateParams(TRAINING_SETTINGS, settingsRaw, '');
  if (!settings.ok) issues.push(...settings.issues);
  const sampling = parseSelection('sampling', own(raw, 'sampling'), DEFAULT_SELECTIONS.sampling, issues);
  const isolation = validateParams(ISOLATION_SETTINGS, own(raw, 'isolation'), 'isolation');
  // Optional sections: absent or 'none' leaves the config as it was before they existed.
  const sections: Partial<Record<SectionKey, Selection>> = {};
  let sectionsOk = true;
  for (const key of SECTION_KEYS) {
    const rawSection = own(raw, key);
    if (rawSection === undefined) continue;
    const selection = parseSelection(key, rawSection, 'none', issues);
    if (!selection) sectionsOk = false;
    else if (selection.id !== 'none') sections[key] = selection;
  }
  if (!isolation.ok) issues.push(...isolation.issues);
  if (
    issues.length ||
    !task ||
    !architecture ||
    !method ||
    !optimizer ||
    !sampling ||
    !settings.ok ||
    !isolation.ok ||
    !sectionsOk
  )
    throw new ConfigError(issues);
  const config: ExperimentConfig = {
    task,
    architecture,
    method,
    optimizer,
    sampling,
    isolation: narrowParams(ISOLATION_SETTINGS, isolation.value),
    ...narrowParams(TRAINING_SETTINGS, settings.value),
    ...sections,
  };
  const cross = crossChecks(config);
  if (cross.length) throw new ConfigError(cross);
  return config;
}

/** The default experiment, or the defaults of a given task suite (with its default architecture). */
export function defaultConfig(taskId: string = DEFAULT_SELECTIONS.task): ExperimentConfig {
  return parseConfig({ task: { id: taskId } });
}
