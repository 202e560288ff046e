/**
 * Trainers that replace joint training for a config section with `procedure: true` (config/sections.ts):
 * meta-learning (meta/) and model merging (merging/) train their own way but keep the Trainer contract, so
 * the app's session, the CLI, studies and checkpoints drive them unchanged. createTrainer asks here first.
 * Adding one: its trainer file plus one line in PROCEDURE_TRAINERS.
 */
import type { SectionKey } from '../config/sections';
import type { ExperimentConfig } from '../config/types';
import { createMergeTrainer } from '../merging/trainer';
import { createMetaTrainer } from '../meta/trainer';
import type { Trainer, TrainerOptions } from './trainer-types';

/**
 * Builds the usual joint trainer (trainer.ts createTrainer), handed in rather than imported: a procedure
 * that trains several ordinary models (merging's specialists) would otherwise close an import cycle.
 */
export type JointTrainerFactory = (config: ExperimentConfig, options?: TrainerOptions) => Trainer;

type TrainerFactory = (
  config: ExperimentConfig,
  options: TrainerOptions,
  joint: JointTrainerFactory,
) => Trainer;

const PROCEDURE_TRAINERS: Partial<Record<SectionKey, TrainerFactory>> = {
  meta: createMetaTrainer,
  merging: createMergeTrainer,
};

/** The trainer of the procedure this config turns on, or null for joint training. */
export function procedureTrainer(
  config: ExperimentConfig,
  options: TrainerOptions,
  joint: JointTrainerFactory,
): Trainer | null {
  for (const [key, create] of Object.entries(PROCEDURE_TRAINERS) as [SectionKey, TrainerFactory][])
    if (config[key] !== undefined) return create(config, options, joint);
  return null;
}
