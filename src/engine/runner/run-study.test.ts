import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../study/parse-study';
import { planStudy } from '../study/plan-study';
import { mean } from '../study/stats';
import { runStudy } from './run-study';
import { trainGroup } from './train-group';

const base = {
  task: { id: 'playground-2d', params: { trainSamples: 128, testSamples: 128 } },
  architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true] } },
  batchSize: 32,
  steps: 20,
  reportEvery: 10,
};
const tiny = parseStudy({ base, grid: { 'method.id': ['ew', 'pcgrad'] }, seeds: 2, baselines: true });

describe('runStudy', () => {
  it('trains every planned run into a complete record and summarises them, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const progress: [number, number][] = [];
    const { id, plan, runs, summary } = await runStudy(tiny, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(plan).toHaveLength(6);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((k) => [k, 6]));
    expect(id).toMatch(/^study-/);
    runs.forEach((record, i) => {
      const planned = plan[i];
      expect(record.status).toBe('finished');
      expect(record.config).toEqual(planned?.config);
      expect(record.study).toEqual({
        id,
        group: planned?.group,
        seed: planned?.seed,
        ...(planned?.baselineTasks ? { baselineTask: 'xor, gauss' } : {}),
      });
      expect(record.history.map((r) => r.step)).toEqual([0, 10, 20]);
      expect(record.final?.step).toBe(20);
      expect(record.backend).toBe(tf.getBackend());
      expect(record.info?.tasks.map((t) => t.name)).toEqual(['xor', 'gauss']);
      expect(record.wallSeconds).toBeGreaterThan(0);
    });
    expect(runs[2]?.name).toBe('PCGrad · Layer sharing (hard) · seed 1');
    expect(runs[4]?.name).toBe('single-task baseline · seed 1');
    expect(new Set(runs.map((r) => r.id)).size).toBe(6);
    // The group's numbers are the mean of its runs' final test numbers.
    const pcgrad = summary.groups[1];
    expect(pcgrad?.group).toBe('method.id=pcgrad');
    const finals = runs.slice(2, 4).map((r) => r.final?.tasks[1]?.testMetric ?? Number.NaN);
    expect(pcgrad?.tasks[1]?.metric.mean).toBeCloseTo(mean(finals), 12);
    expect(pcgrad?.deltaM?.n).toBe(2);
    expect(summary.baselines.map((t) => t.name)).toEqual(['xor', 'gauss']);
  });

  it('keeps what finished when cancelled between runs, and stops the run in progress', async () => {
    const between = new AbortController();
    const a = await runStudy(tiny, {
      signal: between.signal,
      onRun: (r) => r.study?.seed === 2 && between.abort(),
    });
    expect(a.runs.map((r) => [r.study?.group, r.status])).toEqual([
      ['method.id=ew', 'finished'],
      ['method.id=ew', 'finished'],
    ]);
    expect(a.summary.groups.map((g) => g.seeds)).toEqual([[1, 2], []]);

    const during = new AbortController();
    const b = await runStudy(tiny, {
      signal: during.signal,
      onSteps: (done) => done >= 10 && during.abort(),
    });
    expect(b.runs).toHaveLength(1);
    expect(b.runs[0]?.status).toBe('stopped');
    expect(b.runs[0]?.stopReason).toMatch(/^cancelled at step 10 of 20$/);
    expect(b.runs[0]?.history.map((r) => r.step)).toEqual([0, 10]);
    // A stopped run did not train its budget: it counts in no estimate.
    expect(b.summary.groups[0]?.seeds).toEqual([]);
  });

  it('hears a cancel sent from another task while a run trains (a worker message, a timer)', async () => {
    const spec = parseStudy({
      base: { steps: 100_000, reportEvery: 100_000, batchSize: 8 },
      grid: { 'method.id': ['ew'] },
      seeds: 1,
      baselines: false,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { runs } = await runStudy(spec, { signal: controller.signal });
    expect(runs[0]?.status).toBe('stopped');
    expect(runs[0]?.final?.step).toBe(0);
    expect(runs[0]?.stopReason).toMatch(/^cancelled at step \d+ of 100000$/);
  });

  it('records a diverged run with its reason and counts it in no estimate', async () => {
    const spec = parseStudy({
      base: {
        task: { id: 'sinusoids', params: { amplitudeRatio: 50 } },
        optimizer: { id: 'sgd' },
        learningRate: 10,
        steps: 40,
        reportEvery: 20,
      },
      grid: { 'method.id': ['ew'] },
      seeds: 1,
    });
    const { runs, summary } = await runStudy(spec);
    expect(runs[0]?.status).toBe('diverged');
    expect(runs[0]?.stopReason).toMatch(/^training diverged at step \d+/);
    expect(runs[0]?.history.length).toBeGreaterThanOrEqual(1);
    expect(summary.groups[0]?.seeds).toEqual([]);
  });

  it('gives the same numbers as the same seed trained again (the reference a batched trainer must meet)', async () => {
    const configs = planStudy(tiny)
      .slice(0, 2)
      .map((run) => run.config);
    const [first, second] = [await trainGroup(configs), await trainGroup(configs)];
    expect(first.map((r) => r.final)).toEqual(second.map((r) => r.final));
    expect(first[0]?.final).not.toEqual(first[1]?.final);
  });
});
