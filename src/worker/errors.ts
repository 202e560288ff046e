/** Engine errors as protocol messages: the UI shows each kind differently (a field, a stopped run, a bug). */
import { ConfigError } from '../engine/config/types';
import { TrainingDivergedError } from '../engine/train/errors';
import type { FromWorker } from './protocol';

export const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function errorMessage(error: unknown): Extract<FromWorker, { type: 'error' }> {
  if (error instanceof TrainingDivergedError) {
    const { step, task, message } = error;
    return { type: 'error', kind: 'diverged', message, step, task };
  }
  if (error instanceof ConfigError)
    return { type: 'error', kind: 'config', message: error.message, issues: error.issues };
  return { type: 'error', kind: 'internal', message: describe(error) };
}
