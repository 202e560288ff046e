/**
 * What the PyTorch export reproduces, and the one-line refusal for the rest. The script is a faithful port
 * (same data, same initial weights, same batches, same method arithmetic), so it only claims what it ports:
 * every other choice is refused with the field, the value and the accepted values named, rather than
 * silently approximated. The app shows the message as it is.
 */
import type { ExperimentConfig } from '../../config/types';

export const PY_TASK_SUITES = [
  'toy',
  'playground-2d',
  'sinusoids',
  'mmoe-synthetic',
  'linear-tasks',
] as const;
/** 'point' is the toy's θ itself (the only architecture of an objective suite). */
export const PY_ARCHITECTURES = ['layer-sharing', 'mmoe', 'point'] as const;
export const PY_METHODS = ['ew', 'static', 'pcgrad', 'mgda', 'cagrad', 'upgrad', 'imtl', 'nash-mtl'] as const;
export const PY_OPTIMIZERS = ['adam', 'sgd'] as const;
export const PY_SAMPLING = ['mixed'] as const;

/** Methods that weigh losses: the task heads get their gradient times the task's weight (as the trainer does). */
export const PY_WEIGHTINGS: readonly string[] = ['ew', 'static', 'imtl'];

export class PythonExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PythonExportError';
  }
}

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

function refuse(field: string, value: unknown, accepted: string): never {
  throw new PythonExportError(
    `Python export: ${field} ${JSON.stringify(value)} is not supported; supported: ${accepted}`,
  );
}

function oneOf(field: string, value: string, supported: readonly string[]): void {
  if (!supported.includes(value)) refuse(field, value, list(supported));
}

/** Throws PythonExportError naming the first setting the script cannot reproduce. */
export function checkExportable(config: ExperimentConfig): void {
  oneOf('task.id', config.task.id, PY_TASK_SUITES);
  oneOf('architecture.id', config.architecture.id, PY_ARCHITECTURES);
  oneOf('method.id', config.method.id, PY_METHODS);
  oneOf('optimizer.id', config.optimizer.id, PY_OPTIMIZERS);
  oneOf('sampling.id', config.sampling.id, PY_SAMPLING);
  if (config.sampling.params.quota !== undefined && config.sampling.params.quota !== 'equal')
    refuse('sampling.params.quota', config.sampling.params.quota, "'equal'");
  if (config.method.id === 'mgda' && config.method.params.variant !== 'params')
    refuse('method.params.variant', config.method.params.variant, "'params' (MGDA-UB is not exported)");
  const iso = config.isolation;
  for (const key of ['l2', 'orthogonality', 'traceNorm', 'clipNorm'] as const)
    if (iso[key] !== 0) refuse(`isolation.${key}`, iso[key], '0 (isolation settings are not exported)');
  if (iso.clipPerTask.length) refuse('isolation.clipPerTask', iso.clipPerTask, '[] (not exported)');
  if (iso.gradientMask.length) refuse('isolation.gradientMask', iso.gradientMask, '[] (not exported)');
}
