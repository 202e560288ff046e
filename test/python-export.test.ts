/**
 * The PyTorch export (src/engine/export/python-script.ts) against our engine:
 * - every task suite x architecture x exportable method compiles (`python3 -m py_compile`);
 * - configs the script does not port are refused with one line naming the field and the supported values;
 * - where a Python with torch and numpy exists: its data generator draws exactly our samples (the first
 *   train and test samples of every suite, bit for bit in float32), and its runs end within a stated
 *   tolerance of ours (createTrainer on the CPU backend, reported as our CLI does).
 * Measured on this machine (PyTorch 1.13 CPU against tfjs CPU): stable runs agree to 1e-5 relative after
 * 200 steps (float32 rounding only). Methods that solve on the Gram matrix (CAGrad, UPGrad, IMTL, Nash-MTL)
 * agree to 1e-4 for the first 20 to 100 steps on sinusoids and then drift apart chaotically (IMTL's
 * learnable scales oscillate; Nash-MTL's clipped solves jump near a singular Gram matrix), so they are
 * compared over 40 steps (16 for Nash-MTL).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/engine/config/parse';
import type { ExperimentConfig } from '../src/engine/config/types';
import { PythonExportError, pythonScript } from '../src/engine/export/python-script';
import { PY_ARCHITECTURES, PY_METHODS, PY_TASK_SUITES } from '../src/engine/export/python/support';
import { Rng } from '../src/engine/random/rng';
import { findTaskSuite } from '../src/engine/tasks/registry';
import type { DataSuiteInstance, TaskSplit } from '../src/engine/tasks/types';
import type { TaskReport } from '../src/engine/train/report';
import { createTrainer } from '../src/engine/train/trainer';

const run = promisify(execFile);
const CANDIDATES = ['python3', '/usr/bin/python3'];

function works(python: string, code: string): boolean {
  try {
    execFileSync(python, ['-c', code], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const anyPython = CANDIDATES.find((p) => works(p, 'import sys'));
const torchPython = CANDIDATES.find((p) => works(p, 'import numpy, torch'));
if (!anyPython) console.warn('python-export: no python3 found: the compile checks are skipped');
if (!torchPython)
  console.warn(`python-export: no Python with torch and numpy among ${CANDIDATES.join(', ')}: runs skipped`);

const dir = mkdtempSync(join(tmpdir(), 'python-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function writeScript(config: ExperimentConfig): string {
  const path = join(dir, `run${files++}.py`);
  writeFileSync(path, pythonScript(config));
  return path;
}

/** The final report of a script run: its last stdout line. */
async function pythonFinal(config: ExperimentConfig): Promise<TaskReport[]> {
  const { stdout } = await run(torchPython as string, [writeScript(config), '--device', 'cpu'], {
    timeout: 110_000,
    maxBuffer: 1 << 24,
  });
  const lines = stdout.trim().split('\n');
  return (JSON.parse(lines[lines.length - 1] ?? '{}') as { final: { tasks: TaskReport[] } }).final.tasks;
}

/** Our engine on the same config, reported as the CLI does (a report at step 0, then every reportEvery). */
async function engineFinal(config: ExperimentConfig): Promise<TaskReport[]> {
  const trainer = createTrainer(config);
  try {
    let last = await trainer.report();
    while (trainer.stepCount < config.steps) {
      await trainer.step(Math.min(config.reportEvery, config.steps - trainer.stepCount));
      last = await trainer.report();
    }
    return last.tasks;
  } finally {
    trainer.dispose();
  }
}

describe('pythonScript', () => {
  it.skipIf(!anyPython)('compiles for every task suite x architecture x method', async () => {
    // The toy's only architecture is its point θ; the data suites take every network architecture.
    const pairs = PY_TASK_SUITES.flatMap((task) =>
      task === 'toy'
        ? [[task, 'point']]
        : PY_ARCHITECTURES.filter((a) => a !== 'point').map((architecture) => [task, architecture]),
    );
    const paths = pairs.flatMap(([task, architecture]) =>
      PY_METHODS.map((method) =>
        writeScript(
          parseConfig({ task: { id: task }, architecture: { id: architecture }, method: { id: method } }),
        ),
      ),
    );
    expect(paths).toHaveLength((4 * 2 + 1) * 8);
    await run(anyPython as string, ['-m', 'py_compile', ...paths], { timeout: 60_000 });
  });

  it('refuses what it does not port, naming the field and the supported values', () => {
    const refusal = (raw: Record<string, unknown>) => {
      try {
        pythonScript(parseConfig(raw));
      } catch (error) {
        expect(error).toBeInstanceOf(PythonExportError);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal({ architecture: { id: 'cross-stitch' } })).toBe(
      "Python export: architecture.id \"cross-stitch\" is not supported; supported: 'layer-sharing', 'mmoe', 'point'",
    );
    expect(refusal({ method: { id: 'famo' } })).toContain(
      'method.id "famo" is not supported; supported: \'ew\'',
    );
    expect(refusal({ sampling: { id: 'round-robin' } })).toContain('sampling.id "round-robin"');
    expect(refusal({ isolation: { l2: 0.1 } })).toContain('isolation.l2 0.1 is not supported');
    expect(refusal({ method: { id: 'mgda', params: { variant: 'ub' } } })).toContain('method.params.variant');
  });

  it('embeds the resolved config and says what differs', () => {
    const script = pythonScript(parseConfig({ method: { id: 'pcgrad' }, seed: 7 }));
    expect(script).toContain('"id": "pcgrad"');
    expect(script).toContain('"seed": 7');
    expect(script).toMatch(/PCGrad, Yu et al\..*NeurIPS 2020/);
    expect(script).toContain('the data ARE the same numbers');
  });
});

/** The first n samples of a split as plain numbers: x [n, D] and y (shared [n, T, O], separate per task). */
function firstSamples(split: TaskSplit, n: number, inputDim: number, T: number, O: number) {
  const rows = (a: Float32Array, width: number) =>
    Array.from({ length: Math.min(n, a.length / width) }, (_, i) =>
      Array.from(a.subarray(i * width, (i + 1) * width)),
    );
  if (split.mode === 'shared') return { x: rows(split.x, inputDim), y: rows(split.y, T * O) };
  return { x: split.x.map((x) => rows(x, inputDim)), y: split.y.map((y) => rows(y, O)) };
}

const DATA_CASES: Record<string, unknown>[] = [
  { task: { id: 'playground-2d', params: { patterns: ['circle', 'xor', 'gauss', 'spiral', 'plane'] } } },
  { task: { id: 'sinusoids', params: { numTasks: 3, noise: 0.3, amplitudeRatio: 3 } } },
  {
    task: {
      id: 'mmoe-synthetic',
      params: { inputs: 'separate', trainSamplesPerTask: [300, 500], labelNoise: [0.2, 0], sines: 3 },
    },
    batchSize: 32,
  },
  {
    task: {
      id: 'linear-tasks',
      params: { numTasks: 3, labelNoise: [0, 0.5, 0], corruptFraction: [0.4, 0, 0] },
    },
    seed: 12345,
  },
];

describe.skipIf(!torchPython)('the exported script (PyTorch)', () => {
  it('draws exactly our first train and test samples for every suite', async () => {
    const N = 16;
    await Promise.all(
      DATA_CASES.map(async (raw) => {
        const config = parseConfig(raw);
        const suite = findTaskSuite(config.task.id)?.build(
          config.task.params,
          new Rng(config.seed).fork('data'),
        );
        const data = suite as DataSuiteInstance;
        const T = data.tasks.length;
        const { stdout } = await run(torchPython as string, [writeScript(config), '--dump-data', String(N)], {
          timeout: 110_000,
          maxBuffer: 1 << 24,
        });
        const dumped = JSON.parse(stdout) as { x: unknown; y: unknown; testX: unknown; testY: unknown };
        const flatY = (y: unknown) =>
          data.train.mode === 'shared' ? (y as number[][][]).map((r) => r.flat()) : y;
        const ours = firstSamples(data.train, N, data.inputDim, T, data.outputDim);
        const oursTest = firstSamples(data.test, N, data.inputDim, T, data.outputDim);
        expect({ x: dumped.x, y: flatY(dumped.y) }).toEqual(ours);
        expect({ x: dumped.testX, y: flatY(dumped.testY) }).toEqual(oursTest);
      }),
    );
  });

  /** Configs whose run in the script must end near ours; tolerance on each final test loss, relative. */
  const RUN_CASES: { name: string; raw: Record<string, unknown>; tolerance: number }[] = [
    {
      name: 'the default experiment (playground-2d, shared bottom, EW, Adam)',
      raw: { steps: 200, reportEvery: 100 },
      tolerance: 1e-3,
    },
    {
      name: 'sinusoids (EW)',
      raw: { task: { id: 'sinusoids' }, steps: 200, reportEvery: 100 },
      tolerance: 1e-3,
    },
    {
      name: 'sinusoids, 3 tasks, PCGrad (random orders from our stream)',
      raw: {
        task: { id: 'sinusoids', params: { numTasks: 3, phaseSpread: 0.8 } },
        method: { id: 'pcgrad' },
        steps: 100,
        reportEvery: 50,
      },
      tolerance: 1e-3,
    },
    {
      name: 'playground-2d, MGDA',
      raw: { method: { id: 'mgda' }, steps: 100, reportEvery: 50 },
      tolerance: 1e-3,
    },
    {
      name: 'playground-2d, UPGrad',
      raw: { method: { id: 'upgrad' }, steps: 100, reportEvery: 50 },
      tolerance: 1e-3,
    },
    // Gram-matrix methods on sinusoids drift apart chaotically after a few dozen steps (Nash-MTL's
    // clipped, near-singular solves first): compared while the trajectories still agree.
    ...[
      { id: 'cagrad', steps: 40 },
      { id: 'imtl', steps: 40 },
      { id: 'nash-mtl', steps: 16 },
    ].map(({ id, steps }) => ({
      name: `sinusoids, 3 tasks, ${id}, ${steps} steps`,
      raw: {
        task: { id: 'sinusoids', params: { numTasks: 3 } },
        method: { id },
        steps,
        reportEvery: steps / 2,
      },
      tolerance: 1e-2,
    })),
    {
      name: 'the CAGrad toy (5 start points side by side, CAGrad, 500 steps)',
      raw: {
        task: { id: 'toy' },
        architecture: { id: 'point' },
        method: { id: 'cagrad' },
        learningRate: 0.001,
        steps: 500,
        reportEvery: 250,
      },
      tolerance: 1e-3,
    },
    {
      name: 'mmoe-synthetic on MMoE',
      raw: {
        task: { id: 'mmoe-synthetic' },
        architecture: { id: 'mmoe', params: { experts: 3, expertWidths: [16] } },
        steps: 100,
        reportEvery: 50,
      },
      tolerance: 1e-3,
    },
    {
      name: 'linear-tasks, separate noisy inputs, separate bottom, SGD with momentum',
      raw: {
        task: {
          id: 'linear-tasks',
          params: {
            numTasks: 3,
            inputs: 'separate',
            trainSamplesPerTask: [100, 200, 500],
            labelNoise: [0.5, 0, 0.1],
            corruptFraction: [0, 0.3, 0],
          },
        },
        architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [false, true] } },
        optimizer: { id: 'sgd', params: { momentum: 0.9 } },
        batchSize: 32,
        steps: 100,
        reportEvery: 50,
      },
      tolerance: 1e-3,
    },
  ];

  for (const { name, raw, tolerance } of RUN_CASES) {
    it(`ends within ${tolerance} (relative) of our final test losses: ${name}`, async () => {
      const config = parseConfig(raw);
      const python = pythonFinal(config); // runs while our engine trains
      const ours = await engineFinal(config);
      const theirs = await python;
      expect(theirs.map((t) => t.name)).toEqual(ours.map((t) => t.name));
      ours.forEach((task, t) => {
        const other = theirs[t] as TaskReport;
        expect(Math.abs(other.testLoss - task.testLoss)).toBeLessThanOrEqual(
          tolerance * Math.abs(task.testLoss) + 1e-6,
        );
        expect(Math.abs(other.testMetric - task.testMetric)).toBeLessThanOrEqual(
          tolerance * Math.max(Math.abs(task.testMetric), 1) + 1e-6,
        );
      });
    });
  }
});
