/**
 * Everything that changes the app's state, callable without hooks (zustand's "actions outside the store").
 * The actions talk to the training worker through its client and fold its messages into the store.
 */
import { parseConfig } from '../engine/config/parse';
import { ConfigError, type ExperimentConfig } from '../engine/config/types';
import {
  BACKEND_LABELS,
  type BackendName,
  type BackendPreference,
  type FromWorker,
  type ToWorker,
} from '../worker/protocol';
import { planChange } from './config-change';
import type { PlaygroundStore } from './store';

/** What the actions need of the worker client. */
export interface ClientLike {
  send(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
  /** Why a backend cannot start in this browser, or null: asked before a switch drops the trained model. */
  backendUnavailable(backend: BackendName): Promise<string | null>;
}

/** Grid resolution of the decision-boundary heatmaps (n x n points). */
export const GRID_SIZE = 48;

let store: PlaygroundStore;
let client: ClientLike;

export function connect(s: PlaygroundStore, c: ClientLike): () => void {
  store = s;
  client = c;
  const unsubscribe = client.subscribe(receive);
  client.send({ type: 'init', backend: store.getState().backendPreference });
  return unsubscribe;
}

function receive(message: FromWorker): void {
  const set = store.setState;
  switch (message.type) {
    case 'ready':
      set({
        backend: {
          label: message.label,
          ...(message.fallbackReason ? { fallbackReason: message.fallbackReason } : {}),
        },
      });
      client.send({ type: 'configure', config: store.getState().config });
      return;
    case 'configured':
      set({ info: message.info, status: 'ready', step: 0, reports: [], error: null, grid: null });
      return;
    case 'reports': {
      const reports = store.getState().reports.concat(message.reports);
      set({
        reports,
        step: message.step,
        stepsPerSecond: message.stepsPerSecond,
        status: message.running
          ? 'running'
          : store.getState().status === 'running'
            ? 'paused'
            : store.getState().status,
      });
      // Empty heartbeat messages only move the step counter: no new boundary to draw.
      if (message.reports.length) requestGrid();
      return;
    }
    case 'grid':
      set({ grid: { size: GRID_SIZE, values: message.values, step: store.getState().step } });
      return;
    case 'error':
      set({
        error: { kind: message.kind, message: message.message },
        status:
          message.kind === 'diverged'
            ? 'diverged'
            : message.kind === 'config'
              ? store.getState().status
              : 'error',
      });
      return;
  }
}

/** Ask for decision-boundary values (playground-2d only), at most one request in flight. */
let gridPending = false;
function requestGrid(): void {
  const { config } = store.getState();
  if (config.task.id !== 'playground-2d' || gridPending) return;
  gridPending = true;
  const n = GRID_SIZE;
  const inputs = new Float32Array(n * n * 2);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const i = row * n + col;
      inputs[2 * i] = -6 + (12 * (col + 0.5)) / n;
      inputs[2 * i + 1] = 6 - (12 * (row + 0.5)) / n;
    }
  }
  client.send({ type: 'predict-grid', requestId: Date.now(), inputs, count: n * n });
  setTimeout(() => (gridPending = false), 250);
}

export const train = () => (client.send({ type: 'play' }), store.setState({ status: 'running' }));
/** The status turns 'paused' when the worker confirms (its last chunk may still add steps). */
export const pause = () => client.send({ type: 'pause' });
export const stepOnce = () => client.send({ type: 'step', count: 1 });
export const reset = () => client.send({ type: 'reset' });

/** Apply a new raw config (from a form, a preset or the diagram): live when possible, else after confirmation. */
export function changeConfig(raw: unknown): string | null {
  let next: ExperimentConfig;
  try {
    next = parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  const state = store.getState();
  const plan = planChange(state.config, next);
  if (plan.kind === 'none') return null;
  if (plan.kind === 'live') {
    if (plan.learningRate !== undefined) client.send({ type: 'set-learning-rate', value: plan.learningRate });
    if (plan.method) client.send({ type: 'set-method', method: plan.method });
    store.setState({ config: next });
    return null;
  }
  // Before any training there is nothing to lose: apply at once. Afterwards, ask first.
  if (state.step === 0) applyReset(next, false);
  else store.setState({ pendingChange: { config: next, summary: plan.summary } });
  return null;
}

function applyReset(next: ExperimentConfig, keepUndo: boolean): void {
  const previous = store.getState().config;
  store.setState({ config: next, pendingChange: null, undo: keepUndo ? previous : null, status: 'starting' });
  client.send({ type: 'configure', config: next });
}

export const confirmChange = () => {
  const pending = store.getState().pendingChange;
  if (pending) applyReset(pending.config, true);
};
export const cancelChange = () => store.setState({ pendingChange: null });
export const undoChange = () => {
  const previous = store.getState().undo;
  if (previous) applyReset(previous, false);
};
export const dismissNotice = () => store.setState({ notice: null });
export const dismissError = () => store.setState({ error: null });

/**
 * Train on another backend (the form's choice, or a way on after a failure). A switch drops the trained
 * model, whose tensors live on the old backend, so a backend that cannot start here is refused before
 * anything is dropped: the run stays as it was and a notice says why. Choosing the backend already in use
 * only records the choice.
 */
export async function switchBackend(preference: BackendPreference): Promise<void> {
  const state = store.getState();
  // A run to keep: a working backend with a trainer on it (after a lost device or a crash there is none).
  const current = state.status === 'error' || state.status === 'starting' ? null : state.backend?.label;
  if (current && preference !== 'auto') {
    const wanted = BACKEND_LABELS[preference];
    if (wanted === current) return void store.setState({ backendPreference: preference });
    const why = await client.backendUnavailable(preference);
    if (why) {
      store.setState({ notice: `${wanted} is not available here: ${why}. Kept the run on ${current}.` });
      return;
    }
  }
  store.setState({ backendPreference: preference, status: 'starting', error: null, backend: null });
  client.send({ type: 'init', backend: preference });
}
