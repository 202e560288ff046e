import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/types';
import { TrainingDivergedError } from '../train/errors';
import { runLessonCheck } from './run-check';
import { seedRun, testLosses } from './seed-group-runs';
import type { LessonCheck } from './types';

const lessonOf = (config: Record<string, unknown>): Lesson => ({
  id: 'tiny',
  title: 'tiny',
  summary: 'tiny',
  paper: { cite: 'x', url: 'https://example.org' },
  finding: 'x',
  setup: { kind: 'config', config },
  steps: [],
  notice: 'x',
  question: 'x',
  expected: 'x',
});

const tiny = lessonOf({
  task: { id: 'sinusoids', params: { trainSamples: 64, testSamples: 64 } },
  architecture: { id: 'layer-sharing', params: { widths: [4], shared: [true] } },
  batchSize: 16,
  steps: 20,
  reportEvery: 10,
});

describe('seedRun: one setting trained for all seeds once, read per seed', () => {
  it("gives each seed its own finished run of the lesson's config with the setting applied, memoised", async () => {
    const seeds = [3, 7];
    const a = await seedRun(tiny, { 'method.id': 'pcgrad' }, seeds, 7);
    expect(a.status).toBe('finished');
    expect(a.config.seed).toBe(7);
    expect(a.config.method.id).toBe('pcgrad');
    expect(a.history.map((r) => r.step)).toEqual([0, 10, 20]);
    expect(testLosses(a)).toEqual(a.final?.tasks.map((t) => t.testLoss));
    // The same setting and seeds: the very same run, not a second training.
    expect(await seedRun(tiny, { 'method.id': 'pcgrad' }, seeds, 7)).toBe(a);
    const b = await seedRun(tiny, { 'method.id': 'pcgrad' }, seeds, 3);
    expect(b.config.seed).toBe(3);
    expect(b.final).not.toEqual(a.final);
    await expect(seedRun(tiny, {}, seeds, 5)).rejects.toThrow(/seed 5 is not one of the check's seeds 3, 7/);
  });

  it('turns a diverged seed into a TrainingDivergedError, which the check counts as not holding', async () => {
    const exploding = lessonOf({
      task: { id: 'sinusoids', params: { amplitudeRatio: 50 } },
      optimizer: { id: 'sgd' },
      learningRate: 10,
      steps: 40,
      reportEvery: 20,
    });
    const error = await seedRun(exploding, {}, [1], 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect((error as Error).message).toMatch(/^training diverged at step \d+ \(seed 1\): /);
    expect((error as Error).message.match(/training diverged/g)).toHaveLength(1);
    const check: LessonCheck = {
      id: 'tiny',
      seeds: [1],
      judge: async (lesson, seed) => {
        await seedRun(lesson, {}, [1], seed);
        return { seed, holds: true, numbers: {}, why: 'unreachable' };
      },
    };
    const verdict = await runLessonCheck(check, { ...exploding, id: 'tiny' });
    expect(verdict.holds).toBe(false);
    expect(verdict.seeds[0]?.why).toMatch(/training diverged at step \d+ \(seed 1\)/);
  });
});
