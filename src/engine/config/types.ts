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

/** A user error in a config: every issue names its field and what is accepted there. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'ConfigError';
  }
}
