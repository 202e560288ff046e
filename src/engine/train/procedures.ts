/**
 * Trainers that replace joint training for a config section with `procedure: true` (config/sections.ts):
 * meta-learning (meta/) and model merging (merging/) train their own way but keep the Trainer contract, so
 * the app's session, the CLI, studies and checkpoints drive them unchanged. createTrainer asks here first.
 * Adding one: its trainer file plus one line in PROCEDURE_TRAINERS.
 */
import type { SectionKey } from '../config/sections';
import type { ExperimentConfig } from '../config/types';
import type { Trainer, TrainerOptions } from './trainer-types';

type TrainerFactory = (config: ExperimentConfig, options: TrainerOptions) => Trainer;

const PROCEDURE_TRAINERS: Partial<Record<SectionKey, TrainerFactory>> = {};

/** The trainer of the procedure this config turns on, or null for joint training. */
export function procedureTrainer(config: ExperimentConfig, options: TrainerOptions): Trainer | null {
  for (const [key, create] of Object.entries(PROCEDURE_TRAINERS) as [SectionKey, TrainerFactory][])
    if (config[key] !== undefined) return create(config, options);
  return null;
}
