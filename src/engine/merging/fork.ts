/**
 * Specialists that split off a trained model: each starts from the joint model's current parameters (θ0)
 * with a fresh optimizer, as fine-tuning copies of one pre-trained network do. The Trainer contract has no
 * parameter setter, so a specialist is built fresh, its step-0 checkpoint gets the joint parameters
 * written in, and it is built again from that checkpoint: its own data streams, method and sampler state,
 * the joint model's weights.
 */
import type { TaskParam } from '../architectures/types';
import type { ExperimentConfig } from '../config/types';
import type { TrainerCheckpoint } from '../train/checkpoint';
import type { Trainer, TrainerOptions } from '../train/trainer-types';
import { paramsOfCheckpoint, type ModelParams } from './specialist-params';

export type TrainerFactory = (config: ExperimentConfig, options?: TrainerOptions) => Trainer;

/** `checkpoint` with the model parameters replaced by `params` (everything else kept). */
export function withParams(checkpoint: TrainerCheckpoint, params: ModelParams): TrainerCheckpoint {
  const trainerPart = checkpoint.parts.trainer;
  if (!trainerPart) throw new Error('merging: a trainer checkpoint has no trainer part');
  const tensors = { ...trainerPart.tensors };
  const theta = tensors.theta;
  if (!theta) throw new Error('merging: a trainer checkpoint has no theta');
  tensors.theta = { shape: theta.shape, values: Array.from(params.theta) };
  params.heads.forEach((values, i) => {
    const head = tensors[`task${i}`];
    if (!head) throw new Error(`merging: a trainer checkpoint lacks task tensor ${i}`);
    tensors[`task${i}`] = { shape: head.shape, values: Array.from(values) };
  });
  return { ...checkpoint, parts: { ...checkpoint.parts, trainer: { ...trainerPart, tensors } } };
}

/** One trainer per config, each starting from `joint`'s parameters now; returns them and those parameters. */
export async function forkFrom(
  joint: Trainer,
  configs: readonly ExperimentConfig[],
  taskParams: readonly TaskParam[],
  create: TrainerFactory,
): Promise<{ trainers: Trainer[]; start: ModelParams }> {
  const start = paramsOfCheckpoint(await joint.checkpoint(), taskParams);
  const trainers: Trainer[] = [];
  try {
    for (const config of configs) {
      const fresh = create(config);
      let checkpoint: TrainerCheckpoint;
      try {
        checkpoint = await fresh.checkpoint();
      } finally {
        fresh.dispose();
      }
      trainers.push(create(config, { resume: withParams(checkpoint, start) }));
    }
  } catch (error) {
    trainers.forEach((t) => t.dispose());
    throw error;
  }
  return { trainers, start };
}
