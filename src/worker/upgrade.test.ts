/**
 * auto's background move to a faster backend, driven through a real session (CPU trainer) with a stand-in
 * standby whose device and compile finish when the test says so: the move happens before the first step
 * or at a reset, never during a run, and the status says where it stands.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../engine/config/parse';
import type { ExperimentConfig } from '../engine/config/types';
import type { FromWorker } from './protocol';
import { TrainingSession } from './session';
import type { Standby } from './upgrade';

const config = parseConfig({
  task: { id: 'sinusoids', params: { trainSamples: 200 } },
  architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true] } },
  batchSize: 16,
  reportEvery: 5,
});

const until = async (condition: () => boolean, ms = 20_000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** A standby whose device appears, and whose compiles end, when the test calls ready() / finish(). */
function standIn(fails?: Error) {
  let ready = () => {};
  const prepared = new Promise<void>((resolve, reject) => {
    ready = () => (fails ? reject(fails) : resolve());
  });
  const compiled = new Set<string>();
  const finishers: (() => void)[] = [];
  const counts = { compiles: 0, activations: 0 };
  /** While held, issuing a compile does not return (the standby is current all that time). */
  let issued = Promise.resolve();
  let release = () => {};
  const hold = () => {
    issued = new Promise<void>((resolve) => (release = resolve));
  };
  const key = (c: ExperimentConfig) => JSON.stringify(c);
  const standby: Standby = {
    choice: { backend: 'webgpu', label: 'WebGPU' },
    prepare: () => prepared,
    async compile(c) {
      counts.compiles++;
      const done = new Promise<void>((resolve) => finishers.push(() => (compiled.add(key(c)), resolve())));
      await issued;
      return { compiled: done };
    },
    isCompiled: (c) => compiled.has(key(c)),
    activate: () => void counts.activations++,
  };
  const finish = () => finishers.splice(0).forEach((f) => f());
  return { standby, ready, finish, counts, hold, release: () => release() };
}

function session(standby: Standby) {
  const messages: FromWorker[] = [];
  const s = new TrainingSession((m) => messages.push(m), {
    initBackend: (preference) =>
      Promise.resolve(
        preference === 'auto'
          ? { choice: { backend: 'wasm' as const, label: 'WASM' as const }, standby }
          : { choice: { backend: 'cpu' as const, label: 'CPU' as const } },
      ),
  });
  const of = <K extends FromWorker['type']>(type: K) =>
    messages.filter((m): m is Extract<FromWorker, { type: K }> => m.type === type);
  const lastStep = () => of('reports').at(-1)?.step ?? -1;
  return { s, messages, of, lastStep };
}

describe('BackendUpgrade through a session', () => {
  it('trains on the start backend at once and moves before the first step once compiled', async () => {
    const { standby, ready, finish, counts } = standIn();
    const { s, messages, of } = session(standby);
    await s.handle({ type: 'init', backend: 'auto' });
    expect(of('ready')[0]?.label).toBe('WASM');
    expect(of('ready')[0]?.note).toMatch(/^WebGPU is compiling its shaders in the background/);
    await s.handle({ type: 'configure', config });
    expect(of('configured')).toHaveLength(1); // trainable now, without waiting for the standby
    ready();
    await until(() => counts.compiles === 1);
    expect(counts.activations).toBe(0);
    finish();
    await until(() => of('configured').length === 2);
    expect(counts.activations).toBe(1);
    const moved = messages.findIndex((m) => m.type === 'backend');
    expect(messages[moved]).toMatchObject({
      label: 'WebGPU',
      note: 'moved from WASM once its shaders were compiled',
    });
    expect(moved).toBeLessThan(messages.lastIndexOf(of('configured')[1]!)); // status first, then the new trainer
    expect(
      of('reports')
        .at(-1)
        ?.reports.map((r) => r.step),
    ).toEqual([0]);
    await s.dispose();
  });

  it('never moves a running run: it says so, and moves at the next reset', async () => {
    const { standby, ready, finish, counts } = standIn();
    const { s, of, lastStep } = session(standby);
    await s.handle({ type: 'init', backend: 'auto' });
    await s.handle({ type: 'configure', config });
    await s.handle({ type: 'play' });
    await until(() => lastStep() >= 5);
    ready();
    await until(() => counts.compiles === 1); // issued between two chunks of the run
    finish();
    await until(() => of('backend').length === 1);
    expect(of('backend')[0]).toMatchObject({
      label: 'WASM',
      note: 'WebGPU is ready; training moves there at the next reset',
    });
    const step = lastStep();
    await until(() => lastStep() > step + 10); // the run goes on where it was
    expect(counts.activations).toBe(0);
    expect(of('configured')).toHaveLength(1);
    await s.handle({ type: 'pause' });
    await s.handle({ type: 'reset' });
    expect(counts.activations).toBe(1);
    expect(of('backend').at(-1)).toMatchObject({ label: 'WebGPU' });
    expect(lastStep()).toBe(0);
    await s.dispose();
  });

  it('lets no message touch the trainer while a compile is issued between two chunks', async () => {
    const { standby, ready, counts, hold, release } = standIn();
    const { s, of, lastStep } = session(standby);
    await s.handle({ type: 'init', backend: 'auto' });
    await s.handle({ type: 'configure', config: parseConfig({}) }); // a suite with a decision boundary
    await s.handle({ type: 'play' });
    await until(() => lastStep() >= 5);
    hold();
    ready();
    await until(() => counts.compiles === 1);
    // The standby is current now: a grid request would run the model on it, so it waits.
    const answered = s.handle({ type: 'predict-grid', requestId: 1, inputs: new Float32Array(2), count: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(of('grid')).toHaveLength(0);
    const stepWhileHeld = lastStep();
    release();
    await answered;
    expect(of('grid')[0]).toMatchObject({ requestId: 1, tasks: 2 });
    await until(() => lastStep() > stepWhileHeld); // and the run goes on
    await s.dispose();
  });

  it('compiles a new experiment before moving to it', async () => {
    const { standby, ready, finish, counts } = standIn();
    const { s, of } = session(standby);
    await s.handle({ type: 'init', backend: 'auto' });
    await s.handle({ type: 'configure', config });
    ready();
    await until(() => counts.compiles === 1);
    // A new experiment while the first one's shaders compile: those no longer fit the trainer.
    await s.handle({ type: 'configure', config: { ...config, batchSize: 32 } });
    finish();
    await until(() => counts.compiles === 2);
    expect(counts.activations).toBe(0);
    finish();
    await until(() => counts.activations === 1);
    await until(() => of('configured').length === 3);
    expect(of('configured').at(-1)?.config.batchSize).toBe(32);
    await s.dispose();
  });

  it('says why it stays when the standby cannot start, and forgets it after another init', async () => {
    const failing = standIn(new Error('no device'));
    const one = session(failing.standby);
    await one.s.handle({ type: 'init', backend: 'auto' });
    await one.s.handle({ type: 'configure', config });
    failing.ready();
    await until(() => one.of('backend').length === 1);
    expect(one.of('backend')[0]).toMatchObject({
      label: 'WASM',
      note: 'WebGPU could not start (no device); staying on WASM',
    });
    await one.s.dispose();

    const later = standIn();
    const two = session(later.standby);
    await two.s.handle({ type: 'init', backend: 'auto' });
    await two.s.handle({ type: 'init', backend: 'cpu' });
    await two.s.handle({ type: 'configure', config });
    later.ready();
    await new Promise((r) => setTimeout(r, 50));
    expect(later.counts.compiles).toBe(0);
    expect(two.of('backend')).toHaveLength(0);
    await two.s.dispose();
  });
});
