/**
 * Typed messages between the page and the gradient-geometry explorer's worker. The explorer runs the
 * catalogue's methods on a few hand-placed task gradients through the same engine function as
 * `cli aggregate` (engine/methods/aggregate-once.ts), in a worker of its own: the page never loads tfjs,
 * and the Training tab's worker is never interrupted. The state layer imports this file: types only.
 */
import type { BackendChoice } from '../../backend/names';

/** One request: every listed method on the same gradients (one row per task) and seed. */
export interface ExplorerRequest {
  /** Increases with every request; the answer carries it back so a late answer is never mistaken. */
  id: number;
  /** [T][P] task gradients (T 2 or 3, P 2 in the plane). */
  grads: number[][];
  /** Method ids of the catalogue, each run with its default parameters. */
  methods: string[];
  /** The run seed for stochastic methods (PCGrad's random order): fixed, so an answer is reproducible. */
  seed: number;
}

export type ToExplorerWorker = { type: 'aggregate' } & ExplorerRequest;

/** What one method made of the gradients, or why it could not run on them (e.g. Krum with 2 tasks). */
export type MethodAnswer =
  | { method: string; ok: true; direction: number[]; weights: number[] }
  | { method: string; ok: false; message: string };

export type FromExplorerWorker =
  /** The backend is up (sent once, before the first answer). */
  | ({ type: 'ready' } & BackendChoice)
  /** The answer to request `id`: one entry per requested method, in the requested order. */
  | { type: 'answer'; id: number; grads: number[][]; seed: number; answers: MethodAnswer[] }
  /** The request (or the worker) failed as a whole: no backend, a malformed request. */
  | { type: 'error'; id: number | null; message: string };

export type ExplorerPost = (message: FromExplorerWorker) => void;
