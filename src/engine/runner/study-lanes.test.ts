import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../study/parse-study';
import { runStudy } from './run-study';
import {
  helperPort,
  remoteLane,
  serveLane,
  type FromHelper,
  type FromLane,
  type LanePort,
  type ToLane,
} from './study-lanes';
import type { GroupTrainer } from './train-group';

const spec = parseStudy({
  base: {
    task: { id: 'playground-2d', params: { trainSamples: 128, testSamples: 128 } },
    architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true] } },
    batchSize: 32,
    steps: 20,
    reportEvery: 10,
  },
  grid: { 'method.id': ['ew', 'pcgrad'] },
  seeds: 3,
  baselines: true,
});

/**
 * A helper on this thread behind a real MessageChannel (structured clone and all): the protocol a worker
 * speaks, without the worker. `sent` records what the coordinator sent; `exit()` plays a helper that died.
 */
function loopback(train?: GroupTrainer, ready?: Promise<unknown>) {
  const channel = new MessageChannel();
  const serve = serveLane((m) => channel.port2.postMessage(m), train);
  channel.port2.onmessage = (event: { data: ToLane }) => void serve(event.data);
  const sent: ToLane[] = [];
  const exits = new Set<(why: string) => void>();
  const port: LanePort = {
    ...(ready ? { ready } : {}),
    send(message) {
      sent.push(message);
      channel.port1.postMessage(message);
    },
    subscribe(listener, onExit) {
      const hear = (event: { data: FromLane }) => listener(event.data);
      channel.port1.addEventListener('message', hear as unknown as (event: unknown) => void);
      channel.port1.start();
      exits.add(onExit);
      return () => {
        channel.port1.removeEventListener('message', hear as unknown as (event: unknown) => void);
        exits.delete(onExit);
      };
    },
  };
  return {
    lane: remoteLane(port),
    sent,
    exit: (why: string) => [...exits].forEach((e) => e(why)),
    close: () => (channel.port1.close(), channel.port2.close()),
  };
}

describe('a study over several lanes', () => {
  it('gives the same records and numbers as one lane, in plan order, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const one = await runStudy(spec);
    const helpers = [loopback(), loopback()];
    const steps: number[] = [];
    const progress: number[] = [];
    const two = await runStudy(spec, {
      lanes: helpers.map((h) => h.lane),
      onSteps: (done, total) => {
        expect(total).toBe(9 * 20);
        steps.push(done);
      },
      onProgress: (done) => progress.push(done),
    });
    helpers.forEach((h) => h.close());
    expect(tf.memory().numTensors).toBe(before);
    expect(two.runs.map((r) => [r.study?.group, r.study?.seed, r.status])).toEqual(
      one.runs.map((r) => [r.study?.group, r.study?.seed, r.status]),
    );
    expect(two.runs.map((r) => r.final)).toEqual(one.runs.map((r) => r.final));
    expect(two.runs.map((r) => r.history)).toEqual(one.runs.map((r) => r.history));
    expect(two.summary.groups).toEqual(one.summary.groups);
    expect(two.summary.baselines).toEqual(one.summary.baselines);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Both helpers trained: 3 groups on 2 lanes are six jobs of 2 or 1 seeds.
    for (const h of helpers) expect(h.sent.filter((m) => m.type === 'train').length).toBeGreaterThan(0);
    const trained = helpers.flatMap((h) => h.sent).filter((m) => m.type === 'train');
    expect(trained.map((m) => (m.type === 'train' ? m.configs.length : 0)).sort()).toEqual([
      1, 1, 1, 2, 2, 2,
    ]);
    // The progress the study shows never goes back and ends at the whole budget.
    expect(steps.every((s, i) => i === 0 || s >= (steps[i - 1] as number))).toBe(true);
    expect(steps.at(-1)).toBe(9 * 20);
  });

  it('sends a cancel to the helpers and keeps what finished', async () => {
    const helpers = [loopback(), loopback()];
    const controller = new AbortController();
    const { runs } = await runStudy(spec, {
      lanes: helpers.map((h) => h.lane),
      signal: controller.signal,
      onRun: () => controller.abort(),
    });
    helpers.forEach((h) => h.close());
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.length).toBeLessThan(9);
    expect(runs.some((r) => r.status === 'finished')).toBe(true);
    expect(helpers.flatMap((h) => h.sent).some((m) => m.type === 'cancel')).toBe(true);
  });

  it('rejects with the reason when a helper dies, and the other lane takes no new job', async () => {
    const dying = loopback();
    const healthy = loopback();
    let trainedOnHealthy = 0;
    const counting: GroupTrainer = (configs, hooks) => {
      trainedOnHealthy += 1;
      return healthy.lane(configs, hooks);
    };
    const study = runStudy(spec, {
      lanes: [dying.lane, counting],
      onSteps: () => dying.exit('out of memory'),
    });
    await expect(study).rejects.toThrow('A study helper stopped: out of memory');
    dying.close();
    healthy.close();
    expect(trainedOnHealthy).toBeLessThan(3);
  });

  it('trains everything on the lanes that started when a helper cannot start', async () => {
    const never = loopback(undefined, Promise.reject(new Error('no WebAssembly')));
    const fine = loopback(undefined, Promise.resolve());
    const { runs } = await runStudy(spec, { lanes: [fine.lane, never.lane] });
    expect(runs.map((r) => r.status)).toEqual(Array(9).fill('finished'));
    expect(never.sent).toEqual([]);
    await expect(runStudy(spec, { lanes: [never.lane] })).rejects.toThrow('No study lane could start');
    never.close();
    fine.close();
  });

  it('passes an error of the helper through with its message', async () => {
    const broken = loopback(() => Promise.reject(new Error('no backend here')));
    await expect(runStudy(spec, { lanes: [broken.lane] })).rejects.toThrow('no backend here');
    broken.close();
  });
});

describe('helperPort', () => {
  /** A helper's channel driven by hand: `say` posts as the helper would, `stop` plays its crash. */
  function channel() {
    const listeners = new Set<(m: FromHelper) => void>();
    const stops: ((why: string) => void)[] = [];
    const sent: ToLane[] = [];
    const port = helperPort({
      send: (m) => sent.push(m),
      listen: (l) => (listeners.add(l), () => listeners.delete(l)),
      onStop: (l) => stops.push(l),
    });
    return {
      port,
      sent,
      listeners,
      say: (m: FromHelper) => [...listeners].forEach((l) => l(m)),
      stop: (why: string) => stops.forEach((s) => s(why)),
    };
  }

  it('is ready when the helper says so, and passes on only the lane protocol', async () => {
    const c = channel();
    const heard: FromLane[] = [];
    const unsubscribe = c.port.subscribe(
      (m) => heard.push(m),
      () => undefined,
    );
    c.say({ type: 'ready' });
    await expect(c.port.ready).resolves.toBeUndefined();
    c.say({ type: 'steps', job: 1, steps: 5 });
    expect(heard).toEqual([{ type: 'steps', job: 1, steps: 5 }]);
    unsubscribe();
    c.say({ type: 'steps', job: 1, steps: 6 });
    expect(heard).toHaveLength(1);
    c.port.send({ type: 'cancel', job: 1 });
    expect(c.sent).toEqual([{ type: 'cancel', job: 1 }]);
  });

  it('rejects ready with why the helper could not start, or why it stopped, and tells the job in progress', async () => {
    const failed = channel();
    failed.say({ type: 'failed', message: 'no WebAssembly' });
    await expect(failed.port.ready).rejects.toThrow('no WebAssembly');
    const crashed = channel();
    const exits: string[] = [];
    crashed.port.subscribe(
      () => undefined,
      (why) => exits.push(why),
    );
    crashed.stop('out of memory');
    await expect(crashed.port.ready).rejects.toThrow('out of memory');
    expect(exits).toEqual(['out of memory']);
  });
});
