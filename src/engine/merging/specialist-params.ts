/**
 * The parameters of a trained model and the merged model's task heads (plain arrays). A trainer keeps its
 * parameters on the device and shows them only in its checkpoint (train/trainer.ts names them: part
 * 'trainer', tensors 'theta' [1, P] and 'task<i>' [T, ...] per task-specific tensor), so that is where a
 * specialist's are read: one readback, the same numbers a resumed run starts from.
 */
import type { TaskParam } from '../architectures/types';
import type { TrainerCheckpoint } from '../train/checkpoint';
import type { Trainer } from '../train/trainer-types';

export interface ModelParams {
  /** Shared parameters θ, length P. */
  theta: Float32Array;
  /** Every task-specific tensor, stacked over tasks [T, ...] as the model lays them out. */
  heads: Float32Array[];
}

export function paramsOfCheckpoint(
  checkpoint: TrainerCheckpoint,
  taskParams: readonly TaskParam[],
): ModelParams {
  const tensors = checkpoint.parts.trainer?.tensors;
  const theta = tensors?.theta;
  if (!tensors || !theta) throw new Error('merging: a specialist checkpoint has no trainer parameters');
  return {
    theta: Float32Array.from(theta.values),
    heads: taskParams.map((_, i) => {
      const head = tensors[`task${i}`];
      if (!head) throw new Error(`merging: a specialist checkpoint lacks task tensor ${i}`);
      return Float32Array.from(head.values);
    }),
  };
}

export async function readParams(trainer: Trainer, taskParams: readonly TaskParam[]): Promise<ModelParams> {
  return paramsOfCheckpoint(await trainer.checkpoint(), taskParams);
}

/** Each task keeps its own specialist's head: slice t of every task-specific tensor from specialist t. */
export function specialistHeads(
  specialists: readonly ModelParams[],
  taskParams: readonly TaskParam[],
): Float32Array[] {
  const T = specialists.length;
  return taskParams.map((param, i) => {
    const out = new Float32Array(param.init.length);
    const per = out.length / T;
    specialists.forEach((s, t) =>
      out.set((s.heads[i] as Float32Array).subarray(t * per, (t + 1) * per), t * per),
    );
    return out;
  });
}
