import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/train/report';
import type { TrainerInfo } from '../engine/train/trainer-info';
import { viewsOf } from '../engine/config/views';
import { viewsOfKind } from '../engine/views';
import type { BackendName, FromWorker, ToWorker } from '../worker/protocol';
import { changeConfig, connect, reset, switchBackend, type ClientLike } from './actions';
import { createPlaygroundStore } from './store';

const report = (step: number): Report => ({
  step,
  tasks: [],
  weights: [],
  gradients: { norms: [], cosine: [], conflictShare: 0, layers: [] },
});

/** A worker client that records what it is sent; `missing` says which backends this "browser" lacks. */
function fakeClient(missing: Partial<Record<BackendName, string>> = {}) {
  const sent: ToWorker[] = [];
  let listener: (message: FromWorker) => void = () => {};
  const client: ClientLike = {
    send: (message) => void sent.push(message),
    subscribe: (l) => ((listener = l), () => {}),
    backendUnavailable: (backend) => Promise.resolve(missing[backend] ?? null),
  };
  return { client, sent, emit: (message: FromWorker) => listener(message) };
}

/** A store with a 1,000-step run, paused, on WebGL (WebGPU was skipped at start). */
function trainedRun(missing: Partial<Record<BackendName, string>> = {}) {
  const store = createPlaygroundStore('');
  const fake = fakeClient(missing);
  connect(store, fake.client);
  fake.emit({ type: 'ready', backend: 'webgl', label: 'WebGL', fallbackReason: 'no WebGPU' });
  fake.emit({ type: 'configured', info: {} as TrainerInfo, config: store.getState().config });
  store.setState({ status: 'running' });
  fake.emit({ type: 'reports', reports: [], step: 1000, stepsPerSecond: 90, running: false });
  fake.sent.length = 0;
  return { store, ...fake };
}

describe('switchBackend', () => {
  it('refuses a backend this browser lacks, keeping the trained run, and says why', async () => {
    const { store, sent } = trainedRun({
      webgpu: 'this browser does not expose it (navigator.gpu is undefined)',
    });
    expect(store.getState()).toMatchObject({ status: 'paused', step: 1000 });
    await switchBackend('webgpu');
    expect(sent).toEqual([]);
    expect(store.getState()).toMatchObject({
      status: 'paused',
      step: 1000,
      backend: { label: 'WebGL' },
      backendPreference: 'auto',
    });
    expect(store.getState().notice).toBe(
      'WebGPU is not available here: this browser does not expose it (navigator.gpu is undefined). Kept the run on WebGL.',
    );
  });

  it('switches to an available backend (a fresh trainer there)', async () => {
    const { store, sent } = trainedRun();
    await switchBackend('wasm');
    expect(sent).toEqual([{ type: 'init', backend: 'wasm' }]);
    expect(store.getState()).toMatchObject({ status: 'starting', backend: null, backendPreference: 'wasm' });
  });

  it('only records the choice when the backend asked for is the one in use', async () => {
    const { store, sent } = trainedRun();
    await switchBackend('webgl');
    expect(sent).toEqual([]);
    expect(store.getState()).toMatchObject({ status: 'paused', step: 1000, backendPreference: 'webgl' });
  });

  it('after a lost device, starts the backend asked for without a run to keep', async () => {
    const { store, sent, emit } = trainedRun({ webgpu: 'no adapter' });
    emit({ type: 'error', kind: 'device-lost', message: 'The GPU device was lost.' });
    await switchBackend('webgpu');
    expect(sent).toEqual([{ type: 'init', backend: 'webgpu' }]);
    expect(store.getState().status).toBe('starting');
  });
});

describe('the decision-boundary grid', () => {
  /** A fresh run of `raw` (a playground-2d default), configured and with no requests sent yet. */
  function configured(raw: object = {}) {
    const store = createPlaygroundStore(`#config=${encodeURIComponent(JSON.stringify(raw))}`);
    const fake = fakeClient();
    connect(store, fake.client);
    fake.emit({ type: 'ready', backend: 'cpu', label: 'CPU' });
    fake.emit({ type: 'configured', info: {} as TrainerInfo, config: store.getState().config });
    fake.sent.length = 0;
    const requests = () => fake.sent.filter((m) => m.type === 'predict-grid');
    const reports = (step: number) =>
      fake.emit({ type: 'reports', reports: [report(step)], step, stepsPerSecond: 1, running: true });
    return { store, ...fake, requests, reports };
  }

  it("asks for the view's grid (its bounds and size), one request at a time", () => {
    const { store, emit, requests, reports } = configured();
    const [view] = viewsOfKind(viewsOf(store.getState().config), 'decision-boundary');
    expect(view).toBeDefined();
    const { bounds, gridSize: n } = view!;
    reports(10);
    reports(20);
    expect(requests()).toHaveLength(1);
    const request = requests()[0]!;
    if (request.type !== 'predict-grid') throw new Error('not a grid request');
    expect(request.count).toBe(n * n);
    // The grid is named by its size and box; the worker builds its inputs (engine/decision-grid.ts).
    expect(request.inputs).toEqual({ n, bounds });
    // The answer clears the request: the next reports ask again, with no timer involved.
    const values = new Float32Array(2 * n * n).fill(0.5);
    emit({ type: 'grid', requestId: request.requestId, values, tasks: 2, count: n * n });
    expect(store.getState().grid).toMatchObject({ size: n, bounds, values, step: 20 });
    reports(30);
    expect(requests()).toHaveLength(2);
  });

  it('ignores a stale answer and takes an empty one as an answer', () => {
    const { store, emit, requests, reports } = configured();
    reports(10);
    const first = requests()[0]!;
    if (first.type !== 'predict-grid') throw new Error('not a grid request');
    emit({ type: 'grid', requestId: first.requestId + 100, values: new Float32Array(4), tasks: 1, count: 4 });
    reports(20);
    expect(requests()).toHaveLength(1);
    expect(store.getState().grid).toBeNull();
    emit({ type: 'grid', requestId: first.requestId, values: null, tasks: 0, count: first.count });
    expect(store.getState().grid).toBeNull();
    reports(30);
    expect(requests()).toHaveLength(2);
  });

  it('stops waiting when the worker fails, and asks nothing of a suite without the view', () => {
    const { emit, requests, reports } = configured();
    reports(10);
    emit({ type: 'error', kind: 'internal', message: 'The training worker failed.' });
    reports(20);
    expect(requests()).toHaveLength(2);
    const toy = configured({ task: { id: 'toy' } });
    toy.reports(10);
    expect(toy.requests()).toEqual([]);
  });
});

describe('the history', () => {
  it('grows with every batch of reports and starts over with a new trainer', () => {
    const store = createPlaygroundStore('');
    const fake = fakeClient();
    connect(store, fake.client);
    fake.emit({ type: 'configured', info: {} as TrainerInfo, config: store.getState().config });
    fake.emit({
      type: 'reports',
      reports: [report(0), report(10)],
      step: 10,
      stepsPerSecond: 1,
      running: true,
    });
    const before = store.getState().history;
    // A heartbeat (no reports) keeps the same history: the charts do not redraw for it.
    fake.emit({ type: 'reports', reports: [], step: 15, stepsPerSecond: 1, running: true });
    expect(store.getState().history).toBe(before);
    fake.emit({ type: 'reports', reports: [report(20)], step: 20, stepsPerSecond: 1, running: true });
    expect(store.getState().history.reports).toBe(3);
    expect(store.getState().history.latest?.step).toBe(20);
    fake.emit({ type: 'configured', info: {} as TrainerInfo, config: store.getState().config });
    expect(store.getState().history.reports).toBe(0);
  });
});

describe('marks of live changes', () => {
  /** A run of the default experiment that has trained to `step` steps. */
  function runAt(step: number) {
    const store = createPlaygroundStore('');
    const fake = fakeClient();
    connect(store, fake.client);
    fake.emit({ type: 'configured', info: {} as TrainerInfo, config: store.getState().config });
    fake.emit({ type: 'reports', reports: [report(step)], step, stepsPerSecond: 1, running: true });
    return { store, ...fake };
  }

  it('records the learning rate and the method changed mid-run, with the step they applied at', () => {
    const { store, sent } = runAt(400);
    const config = store.getState().config;
    const lr = config.learningRate;
    expect(changeConfig({ ...config, learningRate: 0.003 })).toBeNull();
    expect(sent.at(-1)).toEqual({ type: 'set-learning-rate', value: 0.003 });
    store.setState({ step: 900 });
    expect(changeConfig({ ...store.getState().config, method: { id: 'pcgrad' } })).toBeNull();
    expect(store.getState().changes).toEqual([
      { step: 400, what: `learning rate ${lr} → 0.003` },
      { step: 900, what: 'method Equal weights → PCGrad' },
    ]);
  });

  it("names a method's changed parameters when the method stays", () => {
    const { store } = runAt(50);
    changeConfig({ ...store.getState().config, method: { id: 'cagrad', params: { c: 0.5 } } });
    store.setState({ step: 60 });
    changeConfig({ ...store.getState().config, method: { id: 'cagrad', params: { c: 0.2 } } });
    expect(store.getState().changes.map((c) => c.what)).toEqual([
      'method Equal weights → CAGrad',
      'method CAGrad: c 0.5 → 0.2',
    ]);
  });

  it('marks nothing before training, and clears the marks when a new trainer starts (reset)', () => {
    const before = runAt(0);
    changeConfig({ ...before.store.getState().config, learningRate: 0.02 });
    expect(before.store.getState().changes).toEqual([]);
    const { store, emit } = runAt(100);
    changeConfig({ ...store.getState().config, learningRate: 0.02 });
    expect(store.getState().changes).toHaveLength(1);
    reset();
    emit({ type: 'configured', info: {} as TrainerInfo, config: store.getState().config });
    expect(store.getState().changes).toEqual([]);
  });
});
