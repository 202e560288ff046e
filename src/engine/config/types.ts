import { oneLine } from '../params/describe';
import type { AnyParams, ConfigIssue } from '../params/spec';

/** A registry choice: which entry, with its validated parameters. */
export interface Selection {
  id: string;
  params: AnyParams;
}

/** A complete, validated experiment. Build one with `parseConfig` (or `defaultConfig`). */
export interface ExperimentConfig {
  task: Selection;
  architecture: Selection;
  method: Selection;
  optimizer: Selection;
  /** How each step's batch is drawn across tasks (sampling/registry.ts). */
  sampling: Selection;
  /** Clipping, gradient masks, regularizers, affinity monitoring (config/isolation.ts). */
  isolation: AnyParams;
  learningRate: number;
  batchSize: number;
  steps: number;
  reportEvery: number;
  seed: number;
  gradients: 'auto' | 'stacked' | 'loop';
}

/** How many issues the one-line message lists; `issues` keeps them all. */
export const MAX_LISTED_ISSUES = 5;

/**
 * A user error in a config: every issue names its field and what is accepted there. The message is the
 * issues as "path: message; path: message" (the app splits it back per field) on one line: at most
 * MAX_LISTED_ISSUES of them, then how many more, so ten thousand unknown keys do not give a megabyte.
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
