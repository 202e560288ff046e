import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../engine/config/parse';
import { Rng } from '../../engine/random/rng';
import { DIGIT_PIXELS, provideMnistDigits } from '../../engine/tasks/mnist-digits';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { connectImagePredictions, REFRESH_MS } from './image-predictions';
import { createImageGridStore, predictedClasses } from './image-store';

const CONFIG = parseConfig({
  task: { id: 'multi-mnist', params: { trainSamples: 100, testSamples: 40 } },
  seed: 3,
});

/** A client that records what the controller sends and lets the test play the worker. */
function recordingClient() {
  const sent: ToWorker[] = [];
  const listeners = new Set<(m: FromWorker) => void>();
  return {
    sent,
    client: {
      send: (m: ToWorker) => void sent.push(m),
      subscribe: (l: (m: FromWorker) => void) => (listeners.add(l), () => listeners.delete(l)),
    },
    emit: (m: FromWorker) => listeners.forEach((l) => l(m)),
  };
}

const report = (step: number): FromWorker => ({
  type: 'reports',
  // The controller only counts reports; their contents are the charts' business.
  reports: [{ step } as never],
  step,
  stepsPerSecond: 10,
  running: true,
});

/** Logits [2 tasks, count, 10] that answer class `c(t, n)`. */
function logits(count: number, c: (t: number, n: number) => number): Float32Array {
  const v = new Float32Array(2 * count * 10);
  for (let t = 0; t < 2; t++) for (let n = 0; n < count; n++) v[(t * count + n) * 10 + c(t, n)] = 3;
  return v;
}

let clock = 0;
beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
  const rng = new Rng(5);
  provideMnistDigits({
    count: 200,
    labels: Uint8Array.from({ length: 200 }, (_, k) => k % 10),
    pixels: Uint8Array.from({ length: 200 * DIGIT_PIXELS }, () => rng.int(256)),
  });
});
afterEach(() => {
  vi.useRealTimers();
  provideMnistDigits(null);
});

function setup() {
  const grid = createImageGridStore();
  const fake = recordingClient();
  const stop = connectImagePredictions(fake.client, {
    grid,
    prepare: async () => {},
    now: () => clock,
  });
  const requests = () => fake.sent.filter((m) => m.type === 'predict-grid');
  return { grid, ...fake, stop, requests };
}

describe('the image grid controller', () => {
  it('builds the run’s test images, asks once for the untrained model, and reads the answer per task', async () => {
    const { grid, emit, requests, stop } = setup();
    emit({ type: 'configured', info: {} as never, config: CONFIG });
    await vi.waitFor(() => expect(requests()).toHaveLength(1));
    const images = grid.getState().images;
    expect(images?.count).toBe(24);
    const [request] = requests();
    if (request?.type !== 'predict-grid') throw new Error('expected a predict-grid request');
    expect(request.requestId).toBeLessThan(0); // the decision boundary's are positive
    expect(request.count).toBe(24);
    expect(request.inputs).toEqual(images?.inputs);
    expect(request.inputs).not.toBe(images?.inputs); // a copy: the post transfers its buffer
    emit({
      type: 'grid',
      requestId: request.requestId,
      values: logits(24, (t, n) => (t + n) % 10),
      tasks: 2,
      count: 24,
    });
    const p = grid.getState().predictions;
    expect(Array.from(p?.classes.subarray(0, 3) ?? [])).toEqual([0, 1, 2]);
    expect(p?.classes[24 + 23]).toBe(4); // task 1, image 23: (1 + 23) % 10
    // Another request id (the decision boundary's) changes nothing.
    emit({ type: 'grid', requestId: 1, values: logits(24, () => 9), tasks: 2, count: 24 });
    expect(grid.getState().predictions).toBe(p);
    stop();
  });

  it('keeps one request in flight, at most one per REFRESH_MS, and a last one after the final report', async () => {
    const { grid, emit, requests, stop } = setup();
    emit({ type: 'configured', info: {} as never, config: CONFIG });
    await vi.waitFor(() => expect(requests()).toHaveLength(1));
    // Reports while the first request is unanswered: nothing more is sent.
    clock = 5000;
    emit(report(100));
    expect(requests()).toHaveLength(1);
    const answer = (k: number) => {
      const r = requests()[k];
      if (r?.type !== 'predict-grid') throw new Error('no request');
      emit({ type: 'grid', requestId: r.requestId, values: logits(24, () => k), tasks: 2, count: 24 });
    };
    answer(0); // the model moved since: a second request goes out at once (2 s have passed)
    expect(requests()).toHaveLength(2);
    answer(1);
    expect(grid.getState().predictions?.step).toBe(100);
    clock = 5500;
    emit(report(200)); // too soon: waits for the rest of the 2 s
    expect(requests()).toHaveLength(2);
    clock = 5000 + REFRESH_MS;
    vi.advanceTimersByTime(REFRESH_MS);
    expect(requests()).toHaveLength(3);
    answer(2);
    expect(grid.getState().predictions?.classes[0]).toBe(2);
    // No new report: nothing more.
    clock = 20_000;
    vi.advanceTimersByTime(10_000);
    expect(requests()).toHaveLength(3);
    stop();
  });

  it('starts over for a new run, ignores the old run’s answer, and draws nothing for suites without the view', async () => {
    const { grid, emit, requests, stop } = setup();
    emit({ type: 'configured', info: {} as never, config: CONFIG });
    await vi.waitFor(() => expect(requests()).toHaveLength(1));
    const old = requests()[0];
    emit({ type: 'configured', info: {} as never, config: parseConfig({ ...CONFIG, seed: 4 }) });
    await vi.waitFor(() => expect(requests()).toHaveLength(2));
    if (old?.type !== 'predict-grid') throw new Error('no request');
    emit({ type: 'grid', requestId: old.requestId, values: logits(24, () => 1), tasks: 2, count: 24 });
    expect(grid.getState().predictions).toBeNull();
    emit({ type: 'configured', info: {} as never, config: parseConfig({}) });
    await vi.waitFor(() => expect(grid.getState().images).toBeNull());
    emit(report(100));
    expect(requests()).toHaveLength(2);
    stop();
  });

  it('says in one line when the images cannot be made', async () => {
    const grid = createImageGridStore();
    const fake = recordingClient();
    const stop = connectImagePredictions(fake.client, {
      grid,
      prepare: () =>
        Promise.reject(new Error('Could not load the MNIST digits (data/mnist-digits.bin): HTTP 404')),
    });
    fake.emit({ type: 'configured', info: {} as never, config: CONFIG });
    await vi.waitFor(() => expect(grid.getState().error).toMatch(/HTTP 404/));
    expect(fake.sent).toEqual([]);
    stop();
  });
});

describe('predictedClasses', () => {
  it('takes the largest logit of each image and task', () => {
    // 2 tasks x 2 images x 3 classes.
    const v = Float32Array.from([0, 2, 1, 5, -1, 0, -3, -2, -1, 0.5, 0.7, 0.6]);
    expect(Array.from(predictedClasses(v, 2, 2, 3))).toEqual([1, 0, 2, 1]);
  });
});
