import { describe, expect, it } from 'vitest';
import type { TrainerInfo } from '../engine/train/trainer-info';
import type { BackendName, FromWorker, ToWorker } from '../worker/protocol';
import { connect, switchBackend, type ClientLike } from './actions';
import { createPlaygroundStore } from './store';

/** A worker client that records what it is sent; `missing` says which backends this "browser" lacks. */
function fakeClient(missing: Partial<Record<BackendName, string>> = {}) {
  const sent: ToWorker[] = [];
  let listener: (message: FromWorker) => void = () => {};
  const client: ClientLike = {
    send: (message) => void sent.push(message),
    subscribe: (l) => ((listener = l), () => {}),
    backendUnavailable: async (backend) => missing[backend] ?? null,
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
