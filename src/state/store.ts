/**
 * The app's state, kept apart from React (zustand/vanilla): the experiment config, the run's status and
 * the run's history (bounded columns, not a list of reports). Components read it with
 * `useStore(store, selector)`; everything that changes it is a module-level action in actions.ts.
 */
import { createStore } from 'zustand/vanilla';
import type { ExperimentConfig } from '../engine/config/types';
import type { ConfigIssue } from '../engine/params/spec';
import type { RunChange } from '../engine/study/types';
import type { ErrorKind } from '../worker/protocol';
import type { TrainerInfo } from '../engine/train/trainer-info';
import type { DecisionGrid } from './grid';
import { backendFromSearch } from './backend-param';
import { EMPTY_HISTORY, type HistoryView } from './history';
import { decodeHash } from './url-codec';

export type RunStatus = 'starting' | 'ready' | 'running' | 'paused' | 'diverged' | 'error';

export interface BackendState {
  /** WebGPU, WebGL, WASM or CPU. */
  label: string;
  /** Why a preferred backend was not used, when one was skipped. */
  fallbackReason?: string;
  /** Why `auto` chose it, or where a move to a faster backend stands (shown beside the label). */
  note?: string;
}

export interface RunError {
  kind: ErrorKind;
  message: string;
  /** A config error's problems, each naming its field (the controls show them beside the fields). */
  issues?: ConfigIssue[];
}

/** A change that needs a reset, waiting for the user's confirmation (or kept for undo). */
export interface PendingChange {
  config: ExperimentConfig;
  /** What the change is, in words ("Change the task suite to toy"). */
  summary: string;
}

export interface PlaygroundState {
  config: ExperimentConfig;
  /** A notice for the banner (a rejected URL, a fallback, ...). */
  notice: string | null;
  status: RunStatus;
  step: number;
  stepsPerSecond: number;
  backend: BackendState | null;
  /** Backend the user asked for ('auto' by default). */
  backendPreference: 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';
  info: TrainerInfo | null;
  error: RunError | null;
  /** Every report's numbers as decimated columns, plus the latest report whole (history.ts). */
  history: HistoryView;
  pendingChange: PendingChange | null;
  /** The config before the last confirmed reset, for undo. */
  undo: ExperimentConfig | null;
  grid: DecisionGrid | null;
  /** Live changes (learning rate, method) made since the run started: marks on every time chart. */
  changes: RunChange[];
}

/** `hash` holds the experiment; `search` may force a backend (`?backend=wasm`, backend-param.ts). */
export function initialState(hash: string, search = ''): PlaygroundState {
  const decoded = decodeHash(hash);
  const backend = backendFromSearch(search);
  const notices = [decoded.notice, backend.notice].filter(Boolean);
  return {
    config: decoded.config,
    notice: notices.length ? notices.join(' ') : null,
    status: 'starting',
    step: 0,
    stepsPerSecond: 0,
    backend: null,
    backendPreference: backend.preference,
    info: null,
    error: null,
    history: EMPTY_HISTORY,
    pendingChange: null,
    undo: null,
    grid: null,
    changes: [],
  };
}

/** The page's query string; none outside a page (Node tests). */
const pageSearch = () => (globalThis as { location?: { search?: string } }).location?.search ?? '';

export const createPlaygroundStore = (hash: string, search = pageSearch()) =>
  createStore<PlaygroundState>()(() => initialState(hash, search));

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;
