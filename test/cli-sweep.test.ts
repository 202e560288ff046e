/**
 * `cli sweep`, called in-process through runCli: the JSON document `{ study, runs, groups, baselines }`,
 * the progress on stderr, one-line exit-2 errors for bad study files, exit 3 when every run diverged, and
 * the example studies the app offers (public/studies/) parse and plan.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName } from '../src/backend/node';
import { type CliBackends, runCli } from '../src/cli/cli';
import { memoryIo } from '../src/cli/memory-io';
import { parseStudy } from '../src/engine/study/parse-study';
import { planStudy } from '../src/engine/study/plan-study';
import type { TaskReport } from '../src/engine/train/report';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}
interface Shown {
  mean: number;
  ci95: number;
}
interface SweepOutput {
  study: { seeds: number[]; baselines: boolean; grid: Record<string, unknown[]> };
  runs: {
    name: string;
    group: string;
    seed: number;
    status: string;
    final: { step: number; tasks: TaskReport[] } | null;
    wallSeconds: number;
    history?: unknown[];
  }[];
  groups: {
    settings: Record<string, unknown>;
    seeds: number[];
    tasks: { name: string; metric: Shown; loss: Shown }[];
    deltaM: Shown | null;
    withinNoise: boolean | null;
  }[];
  baselines: { settings: Record<string, unknown>; seeds: number[]; tasks: { name: string }[] }[];
}

// Files share tfjs's engine (vitest.config.ts): leave cpu current, which the other files expect.
afterAll(() => initNodeBackend('cpu'));

const BACKENDS: CliBackends = {
  names: NODE_BACKENDS,
  init: (name) => initNodeBackend(name as NodeBackendName),
};

async function cli(args: string[]): Promise<Result> {
  const io = memoryIo();
  const code = await runCli(args, io, BACKENDS);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'mtl-sweep-'));
let files = 0;
/** A study written to a temporary file; returns its path. */
function studyFile(study: unknown): string {
  const path = join(dir, `study-${files++}.json`);
  writeFileSync(path, typeof study === 'string' ? study : JSON.stringify(study));
  return path;
}

const base = {
  task: { id: 'playground-2d', params: { trainSamples: 128, testSamples: 128 } },
  architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true] } },
  batchSize: 32,
  steps: 20,
  reportEvery: 10,
};
const tiny = { base, grid: { 'method.id': ['ew', 'pcgrad'] }, seeds: 2, baselines: true };

function expectStudyError(r: Result, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('cli sweep', () => {
  it('prints the study, compact runs, groups with mean ± ci95 and Δm%, and the baselines', async () => {
    const r = await cli(['sweep', studyFile(tiny), '--backend', 'cpu']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SweepOutput;
    expect(Object.keys(out)).toEqual(['study', 'runs', 'groups', 'baselines']);
    expect(out.study.seeds).toEqual([1, 2]);
    expect(out.runs.map((run) => [run.group, run.seed, run.status])).toEqual([
      ['method.id=ew', 1, 'finished'],
      ['method.id=ew', 2, 'finished'],
      ['method.id=pcgrad', 1, 'finished'],
      ['method.id=pcgrad', 2, 'finished'],
      ['baseline', 1, 'finished'],
      ['baseline', 2, 'finished'],
    ]);
    expect(out.runs.every((run) => run.history === undefined && run.final?.step === 20)).toBe(true);
    expect(out.groups.map((g) => [g.settings, g.seeds, g.withinNoise === null])).toEqual([
      [{ 'method.id': 'ew' }, [1, 2], true],
      [{ 'method.id': 'pcgrad' }, [1, 2], false],
    ]);
    // Each group's numbers are the mean of its runs' final test numbers (test split).
    out.groups.forEach((group, g) => {
      const runs = out.runs.slice(2 * g, 2 * g + 2);
      group.tasks.forEach((task, k) => {
        const finals = runs.map((run) => run.final?.tasks[k] as TaskReport);
        expect(task.name).toBe(finals[0]?.name);
        expect(task.metric.mean).toBeCloseTo(sum(finals.map((f) => f.testMetric)) / 2, 12);
        expect(task.loss.mean).toBeCloseTo(sum(finals.map((f) => f.testLoss)) / 2, 12);
        expect(task.metric.ci95).toBeGreaterThanOrEqual(0);
      });
      expect(Number.isFinite(group.deltaM?.mean)).toBe(true);
    });
    expect(out.baselines).toHaveLength(1);
    expect(out.baselines[0]?.tasks.map((t) => t.name)).toEqual(['xor', 'gauss']);
    expect(r.stderr).toMatch(/100% 120\/120 steps, \d+ steps\/s, run 6\/6/);
  });

  it('applies --set to the base and prints histories with --history', async () => {
    const study = { ...tiny, grid: { 'method.id': ['ew'] }, seeds: 1, baselines: false };
    const r = await cli([
      'sweep',
      studyFile(study),
      '--set',
      'steps=10',
      '--set',
      'reportEvery=5',
      '--history',
      '--backend',
      'cpu',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SweepOutput;
    expect(out.runs).toHaveLength(1);
    expect(out.runs[0]?.final?.step).toBe(10);
    expect(out.runs[0]?.history).toHaveLength(3);
    expect(out.groups[0]?.deltaM).toBeNull();
    expect(out.baselines).toEqual([]);
  });

  it('exits 2 with one line for each kind of bad study file', async () => {
    const bad = (study: unknown) => cli(['sweep', studyFile(study), '--backend', 'cpu']);
    expectStudyError(
      await bad({ ...tiny, grid: { 'methd.id': ['ew'] } }),
      /grid\.methd\.id: unknown field methd; accepted: task, architecture/,
    );
    expectStudyError(await bad({ ...tiny, grid: {} }), /grid: expected at least one path to vary/);
    expectStudyError(
      await bad({ ...tiny, grid: { 'method.id': [] } }),
      /grid\.method\.id: expected a list of 1 to 20 values/,
    );
    expectStudyError(
      await bad({ ...tiny, grid: { 'architecture.params.shared': [[true], [true, false]] } }),
      /grid point \(architecture\.params\.shared=\[true,false\]\): architecture\.params\.shared: expected 1 values/,
    );
    expectStudyError(
      await bad({ ...tiny, seeds: 0 }),
      /seeds: expected seeds, got 0; accepted: a whole number from 1 to 50/,
    );
    expectStudyError(await bad({ ...tiny, base: { steps: -1 } }), /grid point \(method\.id=ew\): steps: /);
    expectStudyError(
      await bad([1, 2]),
      /expected a JSON object \{ base, grid, seeds, baselines \}, got \[1,2\]/,
    );
    expectStudyError(await bad('{ "grid": '), /invalid JSON/);
    expectStudyError(
      await cli(['sweep', join(dir, 'missing.json')]),
      /missing\.json: cannot read the file \(no such file\)/,
    );
    expectStudyError(await cli(['sweep']), /sweep: expected a study file/);
    expectStudyError(
      await cli(['sweep', studyFile(tiny), '--set', 'stepz=3']),
      /--set stepz: unknown field stepz/,
    );
    expectStudyError(
      await cli(['sweep', studyFile(tiny), '--method', 'ew']),
      /sweep: option --method does not apply/,
    );
    for (const threads of ['0', 'two', '65', '1.5'])
      expectStudyError(
        await cli(['sweep', studyFile(tiny), '--threads', threads]),
        /--threads: expected auto or a whole number from 1 to 64, got/,
      );
    expectStudyError(
      await cli(['run', studyFile(tiny), '--threads', '2']),
      /run: option --threads does not apply/,
    );
  });

  it('exits 3 when every run diverged, still printing what happened', async () => {
    const study = {
      base: {
        task: { id: 'sinusoids', params: { amplitudeRatio: 50 } },
        optimizer: { id: 'sgd' },
        learningRate: 10,
        steps: 40,
        reportEvery: 20,
      },
      grid: { 'method.id': ['ew'] },
      seeds: 2,
    };
    const r = await cli(['sweep', studyFile(study), '--backend', 'cpu']);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as SweepOutput;
    expect(out.runs.map((run) => run.status)).toEqual(['diverged', 'diverged']);
    expect(out.groups[0]?.seeds).toEqual([]);
    expect(r.stderr).toMatch(/seed 1: training diverged at step \d+/);
  });
});

describe('the example studies', () => {
  const index = JSON.parse(readFileSync('public/studies/index.json', 'utf8')) as {
    studies: { id: string; title: string; description: string; file: string }[];
  };
  const planned = (file: string) =>
    planStudy(parseStudy(JSON.parse(readFileSync(`public/studies/${file}`, 'utf8'))));

  it('lists every study file with an id, a title and a description', () => {
    expect(index.studies.map((s) => [s.id, s.file])).toEqual([
      ['ew-vs-pcgrad-playground-2d', 'ew-vs-pcgrad-playground-2d.json'],
      ['methods-playground-2d', 'methods-playground-2d.json'],
      ['sharing-sinusoids', 'sharing-sinusoids.json'],
      ['grouping-playground-2d', 'grouping-playground-2d.json'],
    ]);
    for (const s of index.studies) expect(s.title.length * s.description.length).toBeGreaterThan(0);
  });

  it('parse and plan: two methods and five methods × 5 seeds plus baselines; three masks × 3 seeds plus baselines', () => {
    const two = planned('ew-vs-pcgrad-playground-2d.json');
    expect(two).toHaveLength(2 * 5 + 5);
    expect([...new Set(two.map((r) => r.config.method.id))]).toEqual(['ew', 'pcgrad']);
    const methods = planned('methods-playground-2d.json');
    expect(methods).toHaveLength(5 * 5 + 5);
    expect([...new Set(methods.map((r) => r.config.method.id))]).toEqual([
      'ew',
      'pcgrad',
      'mgda',
      'cagrad',
      'upgrad',
    ]);
    const sharing = planned('sharing-sinusoids.json');
    expect(sharing).toHaveLength(3 * 3 + 3);
    expect(sharing.at(-1)?.config.architecture.params.shared).toEqual([false, false]);
  });
});
