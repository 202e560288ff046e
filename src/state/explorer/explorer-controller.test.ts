/**
 * The explorer's controller: one request with the worker at a time, the latest position wins (positions
 * passed over while one was out are never sent), answers land in the store, and with the real session
 * in-process a moved gradient moves the answer.
 */
import { describe, expect, it } from 'vitest';
import type { FromExplorerWorker, ToExplorerWorker } from '../../worker/explorer/explorer-protocol';
import { ExplorerSession } from '../../worker/explorer/explorer-session';
import { createExplorerController, tidyCoordinate, type ExplorerClientLike } from './explorer-controller';

/** A client that holds requests until the test answers them (to see what is in flight when). */
function heldClient() {
  const sent: ToExplorerWorker[] = [];
  const listeners = new Set<(m: FromExplorerWorker) => void>();
  const client: ExplorerClientLike = {
    send: (m) => sent.push(m),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const reply = (m: FromExplorerWorker) => listeners.forEach((l) => l(m));
  const answer = (request: ToExplorerWorker) =>
    reply({ type: 'answer', id: request.id, grads: request.grads, seed: request.seed, answers: [] });
  return { client, sent, reply, answer };
}

/** The real session behind the client, in-process (what the worker runs). */
function sessionClient() {
  const listeners = new Set<(m: FromExplorerWorker) => void>();
  const session = new ExplorerSession((m) => listeners.forEach((l) => l(m)));
  const done: Promise<void>[] = [];
  const client: ExplorerClientLike = {
    send: (m) => void done.push(session.handle(m)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { client, settled: async () => void (await Promise.all(done)) };
}

describe('explorer controller', () => {
  it('keeps one request in flight and sends only the latest position when it returns', () => {
    const { client, sent, answer } = heldClient();
    const c = createExplorerController(client);
    c.refresh();
    expect(sent).toHaveLength(1);
    c.setGradient(0, [1, 1]);
    c.setGradient(0, [1.5, 1]);
    c.setGradient(0, [2.25, -0.5]);
    expect(sent).toHaveLength(1);
    expect(c.store.getState().pending).toBe(true);
    answer(sent[0] as ToExplorerWorker);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.grads[0]).toEqual([2.25, -0.5]);
    answer(sent[1] as ToExplorerWorker);
    expect(sent).toHaveLength(2);
    expect(c.store.getState()).toMatchObject({ pending: false, answers: { id: sent[1]?.id } });
  });

  it('ignores a late answer to an older request and recovers from an error', () => {
    const { client, sent, reply, answer } = heldClient();
    const c = createExplorerController(client);
    c.refresh();
    reply({ type: 'answer', id: 999, grads: [], seed: 1, answers: [] });
    expect(c.store.getState().answers).toBeNull();
    reply({ type: 'error', id: sent[0]?.id ?? 0, message: 'no backend' });
    expect(c.store.getState()).toMatchObject({ error: 'no backend', pending: false });
    c.setGradient(1, [0, 2]);
    answer(sent[1] as ToExplorerWorker);
    expect(c.store.getState().error).toBeNull();
  });

  it('asks for 3 tasks with the third gradient, leaving out no method that accepts them', () => {
    const { client, sent } = heldClient();
    const c = createExplorerController(client);
    c.setSelected('krum', true);
    expect(sent[0]?.methods).not.toContain('krum');
    expect(sent[0]?.grads).toHaveLength(2);
    const { client: client3, sent: sent3 } = heldClient();
    const c3 = createExplorerController(client3);
    c3.setTaskCount(3);
    c3.setSelected('krum', true);
    expect(sent3[0]?.grads).toHaveLength(3);
    expect(c3.store.getState().selected).toContain('krum');
  });

  it('clamps and rounds coordinates, and does nothing when a gradient does not move', () => {
    expect(tidyCoordinate(1.23456)).toBe(1.23);
    expect(tidyCoordinate(-99)).toBe(-10);
    expect(tidyCoordinate(NaN)).toBe(0);
    const { client, sent } = heldClient();
    const c = createExplorerController(client);
    const [x, y] = c.store.getState().grads[0];
    c.setGradient(0, [x + 0.001, y]);
    expect(sent).toHaveLength(0);
  });

  it('with the real session, moving a gradient moves the answer', async () => {
    const { client, settled } = sessionClient();
    const c = createExplorerController(client);
    c.setGradient(0, [1, 0]);
    c.setGradient(1, [-0.5, 1]);
    await settled();
    await settled();
    const { answers, backend } = c.store.getState();
    expect(backend).toBeTruthy();
    expect(answers?.grads).toEqual([
      [1, 0],
      [-0.5, 1],
    ]);
    const pcgrad = answers?.byMethod.pcgrad;
    expect(pcgrad?.ok && pcgrad.direction.map((v) => Number(v.toFixed(5)))).toEqual([0.8, 1.4]);
  });
});

describe('explorer situations', () => {
  it('places every gradient and the task count at once, in one request', async () => {
    const { SITUATIONS } = await import('./situations');
    const { client, sent } = heldClient();
    const c = createExplorerController(client);
    const three = SITUATIONS.find((s) => s.taskCount === 3);
    if (!three) throw new Error('no 3-task situation');
    c.setSituation(three);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.grads).toEqual(three.grads.map((g) => [...g]));
    expect(c.store.getState().taskCount).toBe(3);
  });
});
