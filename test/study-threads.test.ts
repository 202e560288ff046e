/**
 * A study on worker threads (src/cli/thread-lanes.ts): real Node threads, each starting its own backend
 * through study-thread-boot.mjs, train their share of a study's jobs, and the study's records and numbers
 * are those of the same study on one thread. On tfjs's cpu backend, where seeds train one by one, they
 * are the very same numbers (on WASM a job's seeds train as one batch, equal to float32 rounding:
 * test/study-seed-batch-wasm.test.ts). `laneCount` sizes `cli sweep --threads`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../src/backend/node';
import { AUTO_THREADS_MIN_STEPS, laneCount } from '../src/cli/study-lanes';
import { autoLanes, MAX_AUTO_LANES, startThreadLanes } from '../src/cli/thread-lanes';
import { runStudy } from '../src/engine/runner/run-study';
import { trainGroup, type GroupTrainer } from '../src/engine/runner/train-group';
import { parseStudy } from '../src/engine/study/parse-study';

const spec = parseStudy({
  base: {
    task: { id: 'playground-2d', params: { trainSamples: 128, testSamples: 128 } },
    batchSize: 32,
    steps: 60,
    reportEvery: 20,
  },
  grid: { 'method.id': ['ew', 'pcgrad'] },
  seeds: 3,
  baselines: true,
});

describe('study lanes on worker threads', () => {
  beforeAll(() => initNodeBackend('cpu'));

  it('trains part of a study on a helper thread with the numbers of one thread', async () => {
    const helpers = startThreadLanes(1, { backend: 'cpu' });
    try {
      const helper = helpers.lanes[0] as GroupTrainer;
      await helper.ready;
      const jobs: number[] = [];
      const counted: GroupTrainer = (configs, hooks) => {
        jobs.push(configs.length);
        return helper(configs, hooks);
      };
      const alone = await runStudy(spec);
      const both = await runStudy(spec, { lanes: [trainGroup, counted] });
      expect(jobs.length).toBeGreaterThan(0);
      expect(jobs.reduce((a, b) => a + b, 0)).toBeLessThan(9);
      expect(both.runs.map((r) => r.backend)).toEqual(Array(9).fill('cpu'));
      expect(both.runs.map((r) => [r.study?.group, r.study?.seed])).toEqual(
        alone.runs.map((r) => [r.study?.group, r.study?.seed]),
      );
      expect(both.runs.map((r) => r.history)).toEqual(alone.runs.map((r) => r.history));
      expect(both.summary.groups).toEqual(alone.summary.groups);
    } finally {
      await helpers.close();
    }
  });

  it('says why a helper cannot start, and the study trains without it', async () => {
    const helpers = startThreadLanes(1, { backend: 'webgpu' as 'wasm' });
    await expect(helpers.lanes[0]?.ready).rejects.toThrow(/backend: expected one of cpu, wasm/);
    const { runs } = await runStudy(spec, { lanes: [trainGroup, ...helpers.lanes] });
    expect(runs.filter((r) => r.status === 'finished')).toHaveLength(9);
    await helpers.close();
  });
});

describe('laneCount (cli sweep --threads)', () => {
  it('takes --threads as given, never above the runs, and auto only for long studies', () => {
    expect(laneCount(3, 15, 100)).toBe(3);
    expect(laneCount(8, 2, 100)).toBe(2);
    expect(laneCount(null, 15, AUTO_THREADS_MIN_STEPS - 1)).toBe(1);
    expect(laneCount(null, 15, AUTO_THREADS_MIN_STEPS)).toBe(autoLanes());
    expect(autoLanes()).toBeGreaterThanOrEqual(1);
    expect(autoLanes()).toBeLessThanOrEqual(MAX_AUTO_LANES);
  });
});
