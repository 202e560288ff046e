import * as tf from '@tensorflow/tfjs-core';
import { gridInputs } from '../engine/decision-grid';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../engine/config/parse';
import type { ExperimentConfig } from '../engine/config/types';
import type { FromWorker } from './protocol';
import { TrainingSession } from './session';

/** A session whose posts are recorded, with typed views of what it said. */
function recorder() {
  const messages: FromWorker[] = [];
  const times: number[] = [];
  const session = new TrainingSession((m) => {
    messages.push(m);
    times.push(performance.now());
  });
  /** Milliseconds between consecutive 'reports' messages sent while running. */
  const runningGaps = () => {
    const at = times.filter((_, i) => messages[i]?.type === 'reports');
    const running = messages
      .filter((m) => m.type === 'reports')
      .map((m) => m.type === 'reports' && m.running);
    return at.slice(1).flatMap((t, i) => (running[i + 1] && running[i] ? [t - at[i]!] : []));
  };
  const of = <K extends FromWorker['type']>(type: K) =>
    messages.filter((m): m is Extract<FromWorker, { type: K }> => m.type === type);
  const reports = () => of('reports').flatMap((m) => m.reports);
  const lastStep = () => of('reports').at(-1)?.step ?? -1;
  return { messages, session, of, reports, lastStep, runningGaps };
}

const until = async (condition: () => boolean, ms = 20_000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const config = parseConfig({
  task: { id: 'sinusoids', params: { trainSamples: 200 } },
  architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true] } },
  batchSize: 16,
  reportEvery: 5,
});

describe('TrainingSession', () => {
  it('configures, plays with batched reports, pauses, steps exactly, resets', async () => {
    const { session, of, reports, lastStep, runningGaps } = recorder();
    await session.handle({ type: 'configure', config });
    expect(of('configured')[0]?.info.tasks).toHaveLength(2);
    expect(of('reports')[0]?.reports[0]?.step).toBe(0);
    await session.handle({ type: 'play' });
    // Enough running time for several chart-rate posts, however fast the machine steps.
    await until(() => lastStep() >= 100 && of('reports').filter((m) => m.running).length >= 4, 5_000);
    const counted = of('reports').map((m) => m.step);
    expect(counted).toEqual([...counted].sort((a, b) => a - b)); // rising
    expect(of('reports').some((m) => m.running && m.stepsPerSecond > 0)).toBe(true);
    const pauseSent = Date.now();
    await session.handle({ type: 'pause' });
    expect(Date.now() - pauseSent).toBeLessThan(1_000); // handled between chunks, not after the run
    const paused = lastStep();
    // Batched at chart rate: at most one message per 100 ms while running, so fewer messages than reports
    // (one every 5 steps), never one message per step.
    expect(runningGaps().length).toBeGreaterThan(2);
    expect(Math.min(...runningGaps())).toBeGreaterThanOrEqual(99);
    expect(of('reports').length).toBeLessThan(reports().length);
    // Step 0 from configure, the first chunk's report (one step: a run starts with a chunk of one), then
    // every 5 steps.
    const steps = reports().map((r) => r.step);
    expect(steps.slice(0, 2)).toEqual([0, 1]);
    expect(steps.slice(2)).toEqual(steps.slice(2).map((_, i) => 5 * (i + 1)));
    expect(of('reports').at(-1)?.running).toBe(false);
    await sleep(150);
    expect(lastStep()).toBe(paused);
    await session.handle({ type: 'step', count: 5 });
    expect(lastStep()).toBe(paused + 5);
    await session.handle({ type: 'step', count: 3 });
    expect(lastStep()).toBe(paused + 8);
    expect(reports().at(-1)?.step).toBe(paused + 8); // a manual step always ends with a report
    await session.handle({ type: 'reset' });
    expect(lastStep()).toBe(0);
    expect(of('configured')).toHaveLength(2);
    await session.dispose();
  });

  it('posts a report right after the first chunk of a run, before reportEvery steps', async () => {
    const { session, of, reports } = recorder();
    await session.handle({ type: 'configure', config: { ...config, reportEvery: 1000 } });
    await session.handle({ type: 'play' });
    await until(() => reports().length >= 2);
    // The first message of the run carries it: the chart moves after one step, not after 1000.
    const firstRunning = of('reports').find((m) => m.running);
    expect(firstRunning?.reports.map((r) => r.step)).toEqual([1]);
    await session.handle({ type: 'pause' });
    // Each new run starts with one: pressing Train again moves the chart at once too.
    const before = reports().length;
    const paused = reports().at(-1)!.step;
    await session.handle({ type: 'play' });
    await until(() => reports().length > before);
    await session.handle({ type: 'pause' });
    expect(reports()[before]!.step).toBeGreaterThan(paused);
    expect(reports()[before]!.step).toBeLessThan(1000);
    await session.dispose();
  });

  it('plays until a step and pauses there by itself, with a report at that very step', async () => {
    const { session, of, reports, lastStep } = recorder();
    await session.handle({ type: 'configure', config });
    await session.handle({ type: 'play', until: 37 });
    await until(() => of('reports').at(-1)?.running === false && lastStep() === 37);
    expect(reports().at(-1)?.step).toBe(37); // 37 is no multiple of reportEvery (5): the stop reports
    await sleep(100);
    expect(lastStep()).toBe(37); // and nothing trains after it
    expect(of('checkpoint').at(-1)?.step).toBe(37);
    // Already there: nothing trains, and the page hears the run is not running.
    const posts = of('reports').length;
    await session.handle({ type: 'play', until: 20 });
    await until(() => of('reports').length > posts);
    expect(of('reports').at(-1)).toMatchObject({ step: 37, running: false });
    // A plain play trains on past it.
    await session.handle({ type: 'play' });
    await until(() => lastStep() > 60);
    await session.handle({ type: 'pause' });
    await session.dispose();
  });

  it('reports at least every 250 ms of training between rare reports, and the step counter moves', async () => {
    const { session, of, lastStep } = recorder();
    // Rare: the fused step runs thousands of steps per second here, so 1000 would report every chunk.
    await session.handle({
      type: 'configure',
      config: { ...config, steps: 1_000_000, reportEvery: 100_000 },
    });
    await session.handle({ type: 'play' });
    const running = () => of('reports').filter((m) => m.running);
    await until(() => lastStep() >= 20 && running().filter((m) => m.reports.length > 0).length >= 3);
    await session.handle({ type: 'pause' });
    // After the first chunk's report (the test above), reports on time (pacing.ts ReportClock): none of
    // them at a multiple of reportEvery, each at a later step, and every running message moves the counter.
    const [first, ...later] = running();
    expect(first?.reports.map((r) => r.step)).toEqual([1]);
    const steps = later.flatMap((m) => m.reports.map((r) => r.step));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps.every((s) => s % 100_000 !== 0)).toBe(true);
    expect(steps).toEqual([...new Set(steps)].sort((a, b) => a - b));
    expect(later.every((m) => m.stepsPerSecond > 0)).toBe(true);
    await session.dispose();
  });

  it('applies the method and learning rate live, without a reset', async () => {
    const { session, of, reports, lastStep } = recorder();
    await session.handle({ type: 'configure', config });
    await session.handle({ type: 'play' });
    await until(() => lastStep() >= 10);
    await session.handle({ type: 'set-method', method: { id: 'static', params: { weights: [3, 1] } } });
    await until(() => reports().some((r) => r.weights[0] === 3));
    const switched = reports().length;
    await session.handle({ type: 'set-method', method: { id: 'pcgrad', params: {} } });
    await session.handle({ type: 'set-learning-rate', value: 0.002 });
    // PCGrad's implied weights are at most 1 per task: the static weight 3 must be gone.
    await until(() => reports().length > switched + 3 && reports().at(-1)!.weights[0]! <= 1 + 1e-6);
    await session.handle({ type: 'pause' });
    expect(of('configured')).toHaveLength(1); // no reset happened
    expect(of('error')).toHaveLength(0);
    // The changes live in the trainer's config, so a reset keeps them.
    await session.handle({ type: 'reset' });
    expect(of('configured')[1]?.config.method.id).toBe('pcgrad');
    expect(of('configured')[1]?.config.learningRate).toBe(0.002);
    await session.dispose();
  });

  it('reports a rejected live change as a config error and keeps running', async () => {
    const { session, of, lastStep } = recorder();
    await session.handle({ type: 'configure', config });
    await session.handle({ type: 'play' });
    await session.handle({ type: 'set-method', method: { id: 'static', params: { weights: [1] } } });
    await session.handle({ type: 'set-learning-rate', value: -1 });
    await until(() => of('error').length >= 2);
    expect(of('error').map((e) => e.kind)).toEqual(['config', 'config']);
    expect(of('error')[0]?.message).toMatch(/method\.params\.weights/);
    expect(of('error')[1]?.message).toMatch(/learningRate/);
    const after = lastStep();
    await until(() => lastStep() > after + 10);
    await session.dispose();
  });

  it('rejects a bad config by naming the field, and keeps the current trainer', async () => {
    const { session, of, lastStep } = recorder();
    await session.handle({ type: 'configure', config });
    const bad = { ...config, batchSize: -3 } as ExperimentConfig;
    await session.handle({ type: 'configure', config: bad });
    expect(of('error')).toHaveLength(1);
    expect(of('error')[0]).toMatchObject({ kind: 'config' });
    expect(of('error')[0]?.message).toMatch(/batchSize/);
    await session.handle({ type: 'step', count: 2 });
    expect(lastStep()).toBe(2);
    await session.dispose();
  });

  it('stops a diverging run and says where', async () => {
    const { session, of, lastStep } = recorder();
    const diverging = parseConfig({
      task: { id: 'sinusoids', params: { amplitudeRatio: 50 } },
      optimizer: { id: 'sgd' },
      learningRate: 10,
    });
    await session.handle({ type: 'configure', config: diverging });
    await session.handle({ type: 'play' });
    await until(() => of('error').length > 0);
    const error = of('error')[0];
    expect(error).toMatchObject({ kind: 'diverged' });
    expect(error?.step).toEqual(expect.any(Number));
    expect(of('configured')[0]?.info.tasks.map((t) => t.name)).toContain(error?.task);
    expect(error?.message).toMatch(/diverged at step \d+/);
    // Asking the stopped run for a heatmap does not repeat the error, and still gets its (empty) answer.
    await session.handle({ type: 'predict-grid', requestId: 1, inputs: new Float32Array(2), count: 1 });
    expect(of('error')).toHaveLength(1);
    expect(of('grid')).toEqual([expect.objectContaining({ requestId: 1, values: null })]);
    await sleep(100);
    const stopped = lastStep();
    expect(of('reports').at(-1)?.running).toBe(false);
    await sleep(150);
    expect(lastStep()).toBe(stopped);
    await session.dispose();
  });

  it('shows the step a diverged run stopped at in the step counter, the one the error names', async () => {
    const { session, of, lastStep } = recorder();
    // Non-finite at step 2 or so; the first report (step 50) notices, after chunks that ran past it.
    const diverging = parseConfig({
      task: { id: 'sinusoids', params: { amplitudeRatio: 50 } },
      optimizer: { id: 'sgd' },
      learningRate: 10,
      reportEvery: 50,
    });
    await session.handle({ type: 'configure', config: diverging });
    await session.handle({ type: 'play' });
    await until(() => of('error').length > 0);
    const error = of('error')[0];
    expect(error?.step).toBeLessThan(50);
    expect(error?.message).toMatch(new RegExp(`diverged at step ${error?.step}:`));
    expect(lastStep()).toBe(error?.step);
    // A pause after the stop (the UI's button may still say Pause) keeps saying the same step.
    await session.handle({ type: 'pause' });
    expect(lastStep()).toBe(error?.step);
    // A fresh run counts from 0 again.
    await session.handle({ type: 'reset' });
    expect(lastStep()).toBe(0);
    await session.dispose();
  });

  it('answers a grid request without a model with no values (the page waits for every answer)', async () => {
    const { session, of } = recorder();
    await session.handle({ type: 'predict-grid', requestId: 3, inputs: new Float32Array(2), count: 1 });
    expect(of('grid')).toEqual([{ type: 'grid', requestId: 3, values: null, tasks: 0, count: 1 }]);
    await session.dispose();
  });

  it('predicts on a grid (T x count values) and leaks no tensors', async () => {
    const baseline = tf.memory().numTensors;
    const { session, of } = recorder();
    await session.handle({ type: 'configure', config: parseConfig({}) });
    const inputs = new Float32Array([0, 0, 1, 1, -2, 3]);
    await session.handle({ type: 'predict-grid', requestId: 7, inputs, count: 3 });
    expect(of('grid')[0]).toMatchObject({ requestId: 7, count: 3, tasks: 2 });
    expect(of('grid')[0]?.values).toHaveLength(2 * 3);
    expect(Array.from(of('grid')[0]!.values!).every(Number.isFinite)).toBe(true);
    // A decision-boundary grid named by size and box answers as its inputs sent one by one would.
    const bounds = [
      [-3, 3],
      [-1, 2],
    ] as const;
    await session.handle({ type: 'predict-grid', requestId: 8, inputs: { n: 4, bounds }, count: 16 });
    await session.handle({ type: 'predict-grid', requestId: 9, inputs: gridInputs(4, bounds), count: 16 });
    await session.handle({ type: 'predict-grid', requestId: 10, inputs: { n: 4, bounds }, count: 16 });
    const [bySpec, byInputs, again] = of('grid').slice(1);
    expect(bySpec?.values).toHaveLength(2 * 16);
    expect(Array.from(bySpec!.values!)).toEqual(Array.from(byInputs!.values!));
    expect(Array.from(again!.values!)).toEqual(Array.from(byInputs!.values!));
    const configured = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await session.handle({ type: 'reset' });
      await session.handle({ type: 'configure', config });
      await session.handle({ type: 'set-method', method: { id: 'pcgrad', params: {} } });
      await session.handle({ type: 'step', count: 7 });
      await session.handle({ type: 'configure', config: parseConfig({}) });
    }
    expect(tf.memory().numTensors).toBe(configured);
    await session.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('answers init with the current backend, or a backend error', async () => {
    const { session, of } = recorder();
    await session.handle({ type: 'init', backend: 'auto' });
    expect(of('ready')[0]).toMatchObject({ backend: 'cpu', label: 'CPU' });
    const messages: FromWorker[] = [];
    const failing = new TrainingSession((m) => messages.push(m), {
      initBackend: () => Promise.reject(new Error('No tfjs backend could start: nope')),
    });
    await failing.handle({ type: 'init', backend: 'webgpu' });
    expect(messages).toEqual([
      { type: 'error', kind: 'backend', message: 'No tfjs backend could start: nope' },
    ]);
  });

  it('stops on device loss and says so', async () => {
    const { session, of, lastStep } = recorder();
    await session.handle({ type: 'configure', config });
    await session.handle({ type: 'play' });
    await until(() => lastStep() >= 5);
    session.deviceLost('The GPU device was lost.');
    expect(of('error').at(-1)).toMatchObject({ kind: 'device-lost' });
    await sleep(100);
    const stopped = lastStep();
    await sleep(150);
    expect(lastStep()).toBe(stopped);
    await session.dispose();
  });

  it('posts checkpoints while training and on pause, after the reports up to their step', async () => {
    const messages: FromWorker[] = [];
    const session = new TrainingSession((m) => messages.push(m), { checkpointEveryMs: 30 });
    await session.handle({ type: 'configure', config });
    await session.handle({ type: 'step', count: 3 });
    // Manual steps do not checkpoint; training time and pause do.
    expect(messages.some((m) => m.type === 'checkpoint')).toBe(false);
    await session.handle({ type: 'play' });
    await until(() => messages.filter((m) => m.type === 'checkpoint').length >= 2);
    await session.handle({ type: 'pause' });
    // The newest checkpoint holds the step training paused at (taken on pause, or by the last chunk).
    const reportsSent = messages.filter((m) => m.type === 'reports');
    const saved = messages.filter((m) => m.type === 'checkpoint');
    expect(saved.at(-1)?.step).toBe(reportsSent.at(-1)?.step);
    // A second pause has nothing new to save.
    const count = messages.length;
    await session.handle({ type: 'pause' });
    expect(messages.slice(count).some((m) => m.type === 'checkpoint')).toBe(false);
    messages.forEach((m, i) => {
      if (m.type !== 'checkpoint') return;
      // The step counter already shows the checkpoint's step: the page stores it with the history so far.
      const before = messages.slice(0, i).filter((x) => x.type === 'reports');
      expect(before.at(-1)?.type === 'reports' && before.at(-1)?.step).toBe(m.step);
      expect((m.checkpoint as { step: number }).step).toBe(m.step);
    });
    await session.dispose();
  });

  it('resumes a checkpoint with the same numbers as the uninterrupted run, and echoes the history', async () => {
    const a = recorder();
    await a.session.handle({ type: 'configure', config });
    await a.session.handle({ type: 'play' });
    await until(() => a.lastStep() >= 12);
    await a.session.handle({ type: 'pause' });
    const saved = a.of('checkpoint').at(-1)!;
    const history = a.reports().filter((r) => r.step <= saved.step);
    const b = recorder();
    await b.session.handle({ type: 'configure', config, resume: { checkpoint: saved.checkpoint, history } });
    expect(b.of('configured')[0]?.resumed).toBe(true);
    // The history so far, then the trainer's own report at the checkpoint's step.
    expect(b.reports().map((r) => r.step)).toEqual([
      ...history.map((r) => r.step).filter((s) => s < saved.step),
      saved.step,
    ]);
    expect(b.lastStep()).toBe(saved.step);
    await a.session.handle({ type: 'step', count: 7 });
    await b.session.handle({ type: 'step', count: 7 });
    expect(b.reports().at(-1)?.step).toBe(saved.step + 7);
    expect(b.reports().at(-1)?.tasks).toEqual(a.reports().at(-1)?.tasks);
    await Promise.all([a.session.dispose(), b.session.dispose()]);
  });

  it('starts afresh, saying why, when a checkpoint does not fit the config', async () => {
    const a = recorder();
    await a.session.handle({ type: 'configure', config });
    await a.session.handle({ type: 'step', count: 2 });
    await a.session.handle({ type: 'play' });
    await until(() => a.lastStep() >= 4);
    await a.session.handle({ type: 'pause' });
    const saved = a.of('checkpoint').at(-1)!;
    const b = recorder();
    const other: ExperimentConfig = { ...config, seed: config.seed + 1 };
    await b.session.handle({
      type: 'configure',
      config: other,
      resume: { checkpoint: saved.checkpoint, history: [] },
    });
    expect(b.of('configured')[0]?.resumed).toBeUndefined();
    expect(b.lastStep()).toBe(0);
    expect(b.of('error')[0]).toMatchObject({ kind: 'config' });
    expect(b.of('error')[0]?.message).toMatch(
      /^Could not resume the run: .*different config.*Started it afresh/,
    );
    await Promise.all([a.session.dispose(), b.session.dispose()]);
  });
});
