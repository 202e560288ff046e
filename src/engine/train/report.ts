/** What a trainer reports every `reportEvery` steps: plain JSON, the same for the CLI, worker and tests. */
import type { CommunicationReport } from '../communication/report-types';
import type { EmbeddingCacheReport } from '../embedding-cache/report';
import type { MergingReport } from '../merging/report';
import type { MetaReport } from '../meta/report-types';

export interface TaskReport {
  name: string;
  /** Mean of the training-batch losses since the previous report. */
  trainLoss: number;
  /** Loss on the whole test split (objective suites: the loss at the current θ). */
  testLoss: number;
  /** Metric on (up to 2,048 samples of) the training split; its name is in the trainer's info. */
  trainMetric: number;
  testMetric: number;
}

export interface GradientReport {
  /** ‖∇θ L_t‖ per task at the last step. */
  norms: number[];
  /** Pairwise cosine similarity of the task gradients on all shared parameters [T][T]. */
  cosine: number[][];
  /** Share of task pairs with cosine < 0 (in conflict). */
  conflictShare: number;
  /**
   * The same cosine matrix restricted to each shared layer, and ‖∇ L_t‖ per task on that layer alone
   * (`norms`: optional only so that hand-made reports in tests need not spell it out).
   */
  layers: { layer: string; cosine: number[][]; norms?: number[] }[];
}

/** One start point of an objective suite (the toy): its trajectory is the sequence of `theta`s. */
export interface PointReport {
  theta: number[];
  losses: number[];
  weights: number[];
  cosine: number[][];
}

export interface Report {
  step: number;
  tasks: TaskReport[];
  /** The task weights the method applied at the last step (mean over replicas). */
  weights: number[];
  /** Statistics of the last step's task gradients (cosines and norms averaged over replicas). */
  gradients: GradientReport;
  /** Data suites: each task's share of the training samples (sampling strategy), recent and overall. */
  sampling?: { recent: number[]; total: number[] };
  /**
   * Lookahead inter-task affinity (Fifty et al., NeurIPS 2021), averaged over the sampled steps so far:
   * matrix[i][j] = 1 − L_i(θ − η g_j) / L_i(θ), how much a step on task j alone lowered task i's loss.
   */
  affinity?: { matrix: number[][]; samples: number };
  /** Simulated workers' gradient compression (communication/): bytes vs fp32, cosines, residuals. */
  communication?: CommunicationReport;
  /** Model merging (merging/): specialists, merged and joint models per task, and their interference. */
  merging?: MergingReport;
  /** The shared bottom's embedding cache (embedding-cache/): hit rate, staleness, trunk FLOPs saved. */
  embeddingCache?: EmbeddingCacheReport;
  /** Objective suites only: every replica (start point). */
  points?: PointReport[];
  /**
   * Signs that training has stopped working although it still runs; empty while healthy. Every trainer
   * report has it (optional only so that hand-made reports in tests need not spell it out).
   */
  health?: HealthIssue[];
  /** Sine-family runs (meta-learning or joint): loss after k adaptation steps on held-out sines, and fits (meta/). */
  meta?: MetaReport;
}

/**
 * A run that goes on but has stopped learning, explained: what was seen, since when, and what to try. The
 * trainer keeps stepping (the user decides); an explosion is not an issue but a TrainingDivergedError.
 */
export interface HealthIssue {
  /**
   * 'collapsed': the shared layers' gradients vanished (exactly zero: units switched off; tiny: units
   * saturated) while the task sits at chance or far above its best loss, so nothing below the heads learns.
   * 'unstable': the loss stays far above its best while the gradients are large: the steps overshoot.
   */
  kind: 'collapsed' | 'unstable';
  /** The affected tasks, by name. */
  tasks: string[];
  /** The step of the first report at which every affected task showed the sign (held at every report since). */
  since: number;
  /** What was seen, with the numbers, in one or two sentences. */
  reason: string;
  /** What to try, most likely first. */
  advice: string[];
}
