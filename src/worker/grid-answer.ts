/**
 * The answer to a 'predict-grid' request (the decision-boundary picture): the model's outputs on the grid,
 * or null without a model and from a diverged trainer, which refuses to predict (the run already said so,
 * once). Every request gets its answer: the page waits for it before asking again.
 */
import { GridInputsCache } from '../engine/decision-grid';
import { TrainingDivergedError } from '../engine/train/errors';
import type { Trainer } from '../engine/train/trainer';
import type { FromWorker, ToWorker } from './protocol';

type GridRequest = Extract<ToWorker, { type: 'predict-grid' }>;
type GridAnswer = Extract<FromWorker, { type: 'grid' }>;

/** The decision boundary's grid inputs, kept between its requests (one grid per worker at a time). */
const gridCache = new GridInputsCache();

export async function answerGrid(
  trainer: Trainer | null,
  request: GridRequest,
): Promise<{ message: GridAnswer; transfer: ArrayBuffer[] }> {
  const { requestId, count } = request;
  const inputs = request.inputs instanceof Float32Array ? request.inputs : gridCache.get(request.inputs);
  const values = trainer
    ? await trainer.predict(inputs, count).catch((error: unknown) => {
        if (error instanceof TrainingDivergedError) return null;
        throw error;
      })
    : null;
  const tasks = trainer?.info.tasks.length ?? 0;
  return {
    message: { type: 'grid', requestId, values, tasks, count },
    transfer: values ? [values.buffer as ArrayBuffer] : [],
  };
}
