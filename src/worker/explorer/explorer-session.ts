/**
 * The explorer's session: starts the backend once, then answers each request by running every listed
 * method on the same gradients through aggregateOnce (the engine function `cli aggregate` calls), with
 * each method's default parameters and the losses `cli aggregate` assumes when none are given (1 each).
 * It knows nothing of the transport, so Node tests drive the very code the worker runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { aggregateOnce } from '../../engine/methods/aggregate-once';
import { findMethod } from '../../engine/methods/registry';
import { validateParams } from '../../engine/params/validate';
import { asBackendName, BACKEND_LABELS, type BackendChoice } from '../../backend/names';
import type { ExplorerPost, ExplorerRequest, MethodAnswer, ToExplorerWorker } from './explorer-protocol';

export interface ExplorerSessionOptions {
  /** Picks and initialises the backend; without it the current tfjs backend is used (Node tests). */
  initBackend?: () => Promise<BackendChoice>;
}

/** The explorer's limits: a plane (or a few more coordinates) and a handful of tasks. */
export const MAX_EXPLORER_TASKS = 8;
export const MAX_EXPLORER_COORDS = 16;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why the gradients cannot be used, or null: a rectangular, small matrix of finite numbers. */
export function gradsProblem(grads: unknown): string | null {
  const accepted = `2 to ${MAX_EXPLORER_TASKS} rows of 1 to ${MAX_EXPLORER_COORDS} finite numbers, all rows the same length`;
  if (!Array.isArray(grads) || grads.length < 2 || grads.length > MAX_EXPLORER_TASKS)
    return `grads: expected ${accepted}`;
  const cols = Array.isArray(grads[0]) ? (grads[0] as unknown[]).length : 0;
  const rowOk = (row: unknown) =>
    Array.isArray(row) &&
    row.length === cols &&
    row.every((x) => typeof x === 'number' && Number.isFinite(x));
  return cols >= 1 && cols <= MAX_EXPLORER_COORDS && grads.every(rowOk)
    ? null
    : `grads: expected ${accepted}`;
}

export class ExplorerSession {
  private ready: Promise<BackendChoice> | null = null;

  constructor(
    private readonly post: ExplorerPost,
    private readonly options: ExplorerSessionOptions = {},
  ) {}

  /** Handle one message; resolves when its answer has been posted (tests await it). */
  async handle(message: ToExplorerWorker): Promise<void> {
    try {
      const problem = gradsProblem(message.grads);
      if (problem) throw new Error(problem);
      await this.start();
      const answers: MethodAnswer[] = [];
      // One method after another: each is a few tiny ops, and a failing one must not hide the others.
      for (const id of message.methods) answers.push(await answerOne(id, message));
      this.post({ type: 'answer', id: message.id, grads: message.grads, seed: message.seed, answers });
    } catch (error) {
      this.post({ type: 'error', id: message.id, message: describe(error) });
    }
  }

  private start(): Promise<BackendChoice> {
    this.ready ??= (async () => {
      const choice = this.options.initBackend ? await this.options.initBackend() : currentBackend();
      this.post({ type: 'ready', ...choice });
      return choice;
    })();
    return this.ready;
  }
}

/** The tfjs backend already current (Node tests pick it before the session starts). */
function currentBackend(): BackendChoice {
  const backend = asBackendName(tf.getBackend()) ?? 'cpu';
  return { backend, label: BACKEND_LABELS[backend] };
}

/** One method on the request's gradients, with its defaults; its own failure becomes its answer. */
async function answerOne(id: string, request: ExplorerRequest): Promise<MethodAnswer> {
  const method = findMethod(id);
  if (!method) return { method: id, ok: false, message: `unknown method '${id}'` };
  const T = request.grads.length;
  const params = validateParams(method.params, {}, 'params');
  if (!params.ok) return { method: id, ok: false, message: params.issues.map((i) => i.message).join('; ') };
  const issues = method.check?.(params.value, { numTasks: T }) ?? [];
  if (issues.length) return { method: id, ok: false, message: issues.map((i) => i.message).join('; ') };
  if (method.needsKpis || method.needsRepGrads?.(params.value))
    return {
      method: id,
      ok: false,
      message: 'needs more than the task gradients (KPIs or representation gradients)',
    };
  const cols = request.grads[0]?.length ?? 0;
  try {
    const { direction, weights } = await aggregateOnce({
      method,
      params: params.value,
      grads: { rows: T, cols, data: Float32Array.from(request.grads.flat()) },
      losses: new Array<number>(T).fill(1),
      seed: request.seed,
    });
    return { method: id, ok: true, direction: Array.from(direction), weights: Array.from(weights) };
  } catch (error) {
    return { method: id, ok: false, message: describe(error) };
  }
}
