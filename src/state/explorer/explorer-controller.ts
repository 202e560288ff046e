/**
 * Everything that changes the explorer's state, callable without hooks: move a gradient, switch between 2
 * and 3 tasks, pick methods and the construction to draw, and fold the worker's answers in. Requests are
 * throttled the simple way a drag needs: at most one is with the worker; changes made meanwhile are
 * merged, and when the answer comes the latest position (only) is sent. So a fast drag never queues stale
 * work, and the arrows follow the pointer as fast as the worker answers.
 */
import type { FromExplorerWorker, ToExplorerWorker } from '../../worker/explorer/explorer-protocol';
import { EXPLORER_METHODS, explorerMethod } from './explorer-methods';
import {
  activeGrads,
  createExplorerStore,
  EXPLORER_SEED,
  GRADIENT_LIMIT,
  type ExplorerStore,
} from './explorer-store';
import type { Vec2 } from './geometry';
import type { Situation } from './situations';

/** What the controller needs of the explorer worker's client. */
export interface ExplorerClientLike {
  send(message: ToExplorerWorker): void;
  subscribe(listener: (message: FromExplorerWorker) => void): () => void;
}

export interface ExplorerController {
  readonly store: ExplorerStore;
  /** Move task `task`'s gradient; coordinates are clamped to ±GRADIENT_LIMIT and rounded to 0.01. */
  setGradient(task: number, value: Vec2): void;
  setTaskCount(count: 2 | 3): void;
  /** Place every gradient as a ready-made situation does (situations.ts). */
  setSituation(situation: Situation): void;
  setSelected(method: string, on: boolean): void;
  setFocus(method: string): void;
  setAllConstructions(on: boolean): void;
  /** Ask for the current gradients now (the first render does). */
  refresh(): void;
  dispose(): void;
}

/** Rounded to 0.01 so the numbers shown, sent and typed into `cli aggregate` are the same. */
export const tidyCoordinate = (x: number): number =>
  Number.isFinite(x) ? Math.round(Math.max(-GRADIENT_LIMIT, Math.min(GRADIENT_LIMIT, x)) * 100) / 100 : 0;

export function createExplorerController(client: ExplorerClientLike): ExplorerController {
  const store = createExplorerStore();
  let nextId = 1;
  /** The id of the request with the worker, or null. */
  let inFlight: number | null = null;
  /** Something changed while a request was out: send the latest state when it returns. */
  let stale = false;

  function send(): void {
    const state = store.getState();
    const grads = activeGrads(state);
    const methods = state.selected.filter((id) => (explorerMethod(id)?.minTasks ?? 2) <= grads.length);
    inFlight = nextId++;
    stale = false;
    store.setState({ pending: true });
    client.send({
      type: 'aggregate',
      id: inFlight,
      grads: grads.map((g) => [g[0], g[1]]),
      methods,
      seed: EXPLORER_SEED,
    });
  }

  function request(): void {
    if (inFlight !== null) stale = true;
    else send();
  }

  /** The request in flight is over (answered or failed): send what changed meanwhile. */
  function settle(): void {
    inFlight = null;
    if (stale) send();
    else store.setState({ pending: false });
  }

  const unsubscribe = client.subscribe((message) => {
    if (message.type === 'ready') {
      store.setState({ backend: message.label });
    } else if (message.type === 'answer') {
      if (message.id !== inFlight) return;
      const byMethod = Object.fromEntries(message.answers.map((a) => [a.method, a]));
      const grads = message.grads.map((g): Vec2 => [g[0] ?? 0, g[1] ?? 0]);
      store.setState({ answers: { id: message.id, grads, byMethod }, error: null });
      settle();
    } else if (message.id === null || message.id === inFlight) {
      store.setState({ error: message.message });
      settle();
    }
  });

  return {
    store,
    setGradient(task, value) {
      const grads: [Vec2, Vec2, Vec2] = [...store.getState().grads];
      if (task < 0 || task > 2) return;
      const next: Vec2 = [tidyCoordinate(value[0]), tidyCoordinate(value[1])];
      const current = grads[task] as Vec2;
      if (next[0] === current[0] && next[1] === current[1]) return;
      grads[task] = next;
      store.setState({ grads });
      request();
    },
    setTaskCount(count) {
      if (store.getState().taskCount === count) return;
      store.setState({ taskCount: count });
      request();
    },
    setSituation(situation) {
      const grads = situation.grads.map((g): Vec2 => [tidyCoordinate(g[0]), tidyCoordinate(g[1])]);
      store.setState({ grads: grads as [Vec2, Vec2, Vec2], taskCount: situation.taskCount });
      request();
    },
    setSelected(method, on) {
      const selected = new Set(store.getState().selected);
      if (on) selected.add(method);
      else selected.delete(method);
      const ordered = EXPLORER_METHODS.map((m) => m.id).filter((id) => selected.has(id));
      store.setState({ selected: ordered });
      if (on) request();
    },
    setFocus: (method) => store.setState({ focus: method }),
    setAllConstructions: (on) => store.setState({ allConstructions: on }),
    refresh: request,
    dispose: unsubscribe,
  };
}
