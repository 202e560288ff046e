/**
 * The gradient-geometry explorer's state, kept apart from React (zustand/vanilla) and from the other
 * tabs' stores: the task gradients the student placed, which methods are shown and whose construction is
 * drawn, and the engine's latest answers. Everything that changes it is in explorer-controller.ts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MethodAnswer } from '../../worker/explorer/explorer-protocol';
import { DEFAULT_FOCUS, DEFAULT_SELECTED } from './explorer-methods';
import type { Vec2 } from './geometry';

/** The seed stochastic methods use (PCGrad's random order): `cli aggregate`'s default, so both agree. */
export const EXPLORER_SEED = 1;

/** Largest |coordinate| a gradient may take (the drawing's largest extent keeps it in view). */
export const GRADIENT_LIMIT = 10;

/** The engine's answer for one set of gradients: what was asked and what every method returned. */
export interface ExplorerAnswers {
  id: number;
  grads: Vec2[];
  byMethod: Record<string, MethodAnswer>;
}

export interface ExplorerState {
  /** Three gradients are kept, so switching to 2 tasks and back restores the third where it was. */
  grads: [Vec2, Vec2, Vec2];
  taskCount: 2 | 3;
  /** Method ids shown, in the order of EXPLORER_METHODS. */
  selected: string[];
  /** The method whose construction is drawn (and highlighted in the list). */
  focus: string;
  /** Draw every selected method's construction at once, not only the focused one's. */
  allConstructions: boolean;
  /** The latest answer (it may lag the gradients by one request while dragging). */
  answers: ExplorerAnswers | null;
  /** A request is with the worker. */
  pending: boolean;
  /** The backend the worker computes on (e.g. "CPU"), once it has started. */
  backend: string | null;
  /** The last request failed as a whole (no worker, no backend): the message. */
  error: string | null;
}

export type ExplorerStore = StoreApi<ExplorerState>;

/** Two partly conflicting tasks (cos ≈ −0.34) and a third that agrees with both: conflict at first sight. */
export const INITIAL_GRADS: [Vec2, Vec2, Vec2] = [
  [2, 0.5],
  [-1, 1.5],
  [1, 2],
];

export function createExplorerStore(): ExplorerStore {
  return createStore<ExplorerState>(() => ({
    grads: INITIAL_GRADS,
    taskCount: 2,
    selected: [...DEFAULT_SELECTED],
    focus: DEFAULT_FOCUS,
    allConstructions: false,
    answers: null,
    pending: false,
    backend: null,
    error: null,
  }));
}

/** The gradients in use (the first 2 or 3). */
export const activeGrads = (s: ExplorerState): Vec2[] => s.grads.slice(0, s.taskCount);
