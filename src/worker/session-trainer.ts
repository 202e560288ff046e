/**
 * The trainer a session builds for 'configure' and 'reset': a fresh one, or, with a checkpoint to resume,
 * the run as it was. A checkpoint that does not fit the config (another experiment, an older format)
 * builds a fresh trainer instead and says why, so the page keeps working and the user knows the run
 * restarted.
 */
import type { ExperimentConfig } from '../engine/config/types';
import { CheckpointError, type TrainerCheckpoint } from '../engine/train/checkpoint';
import { createTrainer, type Trainer } from '../engine/train/trainer';
import type { ResumeFrom } from './protocol';

export interface SessionTrainer {
  trainer: Trainer;
  /** Why the checkpoint was not used (the run started afresh), or null. */
  refused: string | null;
}

export function createSessionTrainer(config: ExperimentConfig, resume?: ResumeFrom): SessionTrainer {
  if (!resume) return { trainer: createTrainer(config), refused: null };
  try {
    return {
      trainer: createTrainer(config, { resume: resume.checkpoint as TrainerCheckpoint }),
      refused: null,
    };
  } catch (error) {
    if (!(error instanceof CheckpointError)) throw error;
    return {
      trainer: createTrainer(config),
      refused: `Could not resume the run: ${error.message}. Started it afresh instead.`,
    };
  }
}
