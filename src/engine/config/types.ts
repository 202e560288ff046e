import { oneLine } from '../params/describe';
import type { AnyParams, ConfigIssue } from '../params/spec';
import type { IsolationValues } from './isolation';
import type { TrainingSettings } from './settings';

/**
 * A registry choice: which entry, with its validated parameters. They stay untyped here because the entry
 * is chosen at run time; each entry types its own (its define helper narrows them with `narrowParams`).
 */
export interface Selection {
  id: string;
  params: AnyParams;
}

/**
 * A complete, validated experiment. Build one with `parseConfig` (or `defaultConfig`). The training
 * settings (learningRate, batchSize, steps, reportEvery, seed, gradients) and the isolation settings are
 * typed from their specs (settings.ts, isolation.ts), the one source of their names, kinds and ranges.
 */
export interface ExperimentConfig extends TrainingSettings {
  task: Selection;
  architecture: Selection;
  method: Selection;
  optimizer: Selection;
  /** How each step's batch is drawn across tasks (sampling/registry.ts). */
  sampling: Selection;
  /** Clipping, gradient masks, regularizers, affinity monitoring (config/isolation.ts). */
  isolation: IsolationValues;
  /** Simulated workers whose task gradients travel compressed (communication/); absent: off. */
  communication?: Selection;
  /** Reuse of the shared bottom's outputs across tasks and steps (embedding-cache/); absent: off. */
  embeddingCache?: Selection;
  /** Meta-training an initialisation over a family of tasks (meta/); absent: off. */
  meta?: Selection;
  /** One model per task from a shared start, then merged (merging/); absent: off. */
  merging?: Selection;
}

/** How many issues the one-line message lists; `issues` keeps them all. */
export const MAX_LISTED_ISSUES = 5;

/**
 * A user error in a config: every issue names its field and what is accepted there (`issues`, which the
 * worker protocol carries to the app as they are, so nothing parses the message back). The message lists
 * them as "path: message; path: message" on one line, for the CLI and logs: at most MAX_LISTED_ISSUES of
 * them, then how many more, so ten thousand unknown keys do not give a megabyte.
 */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    // Issues come from many checks (registries' own among them): escape any line break here, once.
    const clean = issues.map((i) => ({
      ...i,
      path: oneLine(i.path, Infinity),
      message: oneLine(i.message, Infinity),
    }));
    const lines = clean
      .slice(0, MAX_LISTED_ISSUES)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = clean.length - lines.length;
    if (more > 0) lines.push(`and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'}`);
    super(lines.join('; '));
    this.name = 'ConfigError';
    this.issues = clean;
  }
}
