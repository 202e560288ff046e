/**
 * Everything that changes the app's state, callable without hooks (zustand's "actions outside the store").
 * The actions talk to the training worker through its client and fold its messages into the store.
 */
import { parseConfig } from '../engine/config/parse';
import { ConfigError, type ExperimentConfig } from '../engine/config/types';
import { viewsOf } from '../engine/config/views';
import { viewsOfKind, type DecisionBoundaryView } from '../engine/views';
import {
  BACKEND_LABELS,
  type BackendChoice,
  type BackendName,
  type BackendPreference,
  type FromWorker,
  type ToWorker,
} from '../worker/protocol';
import { keepUnchanged, planChange } from './config-change';
import { ReportHistory } from './history';
import { liveChanges } from './run-changes';
import type { BackendState, PlaygroundStore } from './store';

/** What the actions need of the worker client. */
export interface ClientLike {
  send(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
  /** Why a backend cannot start in this browser, or null: asked before a switch drops the trained model. */
  backendUnavailable(backend: BackendName): Promise<string | null>;
}

let store: PlaygroundStore;
let client: ClientLike;
/** The run's columns, appended to in place; the store holds a fresh view of it after every batch. */
let history = new ReportHistory();

export function connect(s: PlaygroundStore, c: ClientLike): () => void {
  store = s;
  client = c;
  const unsubscribe = client.subscribe(receive);
  history = new ReportHistory();
  gridRequest = null;
  client.send({ type: 'init', backend: store.getState().backendPreference });
  return unsubscribe;
}

function receive(message: FromWorker): void {
  const set = store.setState;
  switch (message.type) {
    case 'ready':
      // A new backend answers every request sent before it, in order; none is waited for any more.
      gridRequest = null;
      set({ backend: backendState(message) });
      client.send({ type: 'configure', config: store.getState().config });
      return;
    case 'backend':
      // The session moved on its own (auto, to a backend made ready in the background) and keeps the experiment.
      set({ backend: backendState(message) });
      return;
    case 'configured':
      history = new ReportHistory();
      gridRequest = null;
      set({
        info: message.info,
        status: 'ready',
        step: 0,
        history: history.view(),
        error: null,
        grid: null,
        changes: [],
      });
      return;
    case 'reports': {
      // Empty heartbeat messages only move the step counter: the history and the boundary stay.
      const fresh = message.reports.length > 0;
      if (fresh) history.append(message.reports);
      const { status } = store.getState();
      set({
        ...(fresh ? { history: history.view() } : {}),
        step: message.step,
        stepsPerSecond: message.stepsPerSecond,
        status: message.running ? 'running' : status === 'running' ? 'paused' : status,
      });
      if (fresh) requestGrid();
      return;
    }
    case 'grid': {
      // Only the answer to the request in flight counts (an older trainer's is stale).
      if (message.requestId !== gridRequest?.requestId) return;
      const { view } = gridRequest;
      gridRequest = null;
      if (message.values)
        set({
          grid: {
            size: view.gridSize,
            bounds: view.bounds,
            values: message.values,
            step: store.getState().step,
          },
        });
      return;
    }
    case 'error':
      // The worker may not answer a request any more (a lost device, a crash); a config error leaves it be.
      if (message.kind !== 'config') gridRequest = null;
      set({
        error: {
          kind: message.kind,
          message: message.message,
          ...(message.issues ? { issues: message.issues } : {}),
        },
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

/** What the status line shows of a backend choice. */
function backendState(choice: BackendChoice): BackendState {
  return {
    label: choice.label,
    ...(choice.fallbackReason ? { fallbackReason: choice.fallbackReason } : {}),
    ...(choice.note ? { note: choice.note } : {}),
  };
}

/** The decision-boundary request in flight (one at most), with the view it draws. */
let gridRequest: { requestId: number; view: DecisionBoundaryView } | null = null;
let lastRequestId = 0;

/** Ask for the model's outputs on the grid of the experiment's decision-boundary view, if it has one. */
function requestGrid(): void {
  const [view] = viewsOfKind(viewsOf(store.getState().config), 'decision-boundary');
  if (!view || gridRequest) return;
  const n = view.gridSize;
  gridRequest = { requestId: ++lastRequestId, view };
  client.send({
    type: 'predict-grid',
    requestId: lastRequestId,
    // The worker builds (and keeps) the grid's inputs from its size and box (engine/decision-grid.ts).
    inputs: { n, bounds: view.bounds },
    count: n * n,
  });
}

/** Train on; with `until`, the session pauses by itself at that step (a lesson's budget). */
export const train = (until?: number) => (
  client.send(until === undefined ? { type: 'play' } : { type: 'play', until }),
  store.setState({ status: 'running' })
);
/** The status turns 'paused' when the worker confirms (its last chunk may still add steps). */
export const pause = () => client.send({ type: 'pause' });
export const stepOnce = () => client.send({ type: 'step', count: 1 });
export const reset = () => client.send({ type: 'reset' });

/**
 * Apply a new raw config (from a form, a preset or the diagram): live when possible, else after
 * confirmation. Returns the validator's error (every issue names its field) or null.
 */
export function changeConfig(raw: unknown): ConfigError | null {
  let next: ExperimentConfig;
  try {
    next = keepUnchanged(store.getState().config, parseConfig(raw));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  const state = store.getState();
  const plan = planChange(state.config, next);
  if (plan.kind === 'none') return null;
  if (plan.kind === 'live') {
    if (plan.learningRate !== undefined) client.send({ type: 'set-learning-rate', value: plan.learningRate });
    if (plan.method) client.send({ type: 'set-method', method: plan.method });
    // The worker applies it at the end of its current chunk: the last step it reported is the mark's step.
    const marks = liveChanges(state.config, next, state.step);
    store.setState({ config: next, ...(marks.length ? { changes: [...state.changes, ...marks] } : {}) });
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
