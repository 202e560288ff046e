/**
 * How long MultiMNIST takes to reach a test accuracy on both tasks in Node: train a preset (or any config)
 * as the app does, `reportEvery` steps then a report (2,000 test images and 2,048 training images
 * evaluated), and stop at the first report where every task's test accuracy is at least the target. Wall
 * time includes building the trainer and every report; the digits' first decoding is done before the clock.
 *
 *   npx tsx bench/multi-mnist/time-to-accuracy.ts [--backend wasm] [--preset public/presets/multi-mnist.json]
 *     [--set key=JSON ...] [--target 0.85] [--max-steps 3000]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { initNodeBackend, type NodeBackendName } from '../../src/backend/node';
import { parseConfig } from '../../src/engine/config/parse';
import { createTrainer } from '../../src/engine/train/trainer';

export interface TimeToAccuracy {
  /** The step of the first report at or above the target on every task; null when never within the cap. */
  step: number | null;
  /** Seconds from creating the trainer to that report (or to the cap). */
  seconds: number;
  /** Steps per second over the run, reports included. */
  stepsPerSecond: number;
  /** Test accuracy per task at that report (or the last). */
  accuracy: number[];
  parameters: number;
}

export async function timeToAccuracy(
  raw: Record<string, unknown>,
  o: { target: number; maxSteps: number },
): Promise<TimeToAccuracy> {
  const config = parseConfig(raw);
  // Decode the digits once outside the clock (the app has them from its first load of the task).
  createTrainer({ ...config, steps: 1 }).dispose();
  const started = performance.now();
  const trainer = createTrainer(config);
  try {
    let accuracy: number[] = [];
    while (trainer.stepCount < o.maxSteps) {
      await trainer.step(Math.min(config.reportEvery, o.maxSteps - trainer.stepCount), { check: false });
      const report = await trainer.report();
      accuracy = report.tasks.map((t) => t.testMetric);
      if (accuracy.every((a) => a >= o.target)) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const reached = accuracy.length > 0 && accuracy.every((a) => a >= o.target);
    return {
      step: reached ? trainer.stepCount : null,
      seconds,
      stepsPerSecond: trainer.stepCount / seconds,
      accuracy,
      parameters: trainer.info.parameters.total,
    };
  } finally {
    trainer.dispose();
  }
}

/** A preset file with `--set key=JSON` overrides of its top-level fields. */
export function presetWith(path: string, sets: readonly string[]): Record<string, unknown> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  for (const s of sets) {
    const at = s.indexOf('=');
    if (at < 1) throw new Error(`--set: expected key=JSON, got '${s}'`);
    raw[s.slice(0, at)] = JSON.parse(s.slice(at + 1)) as unknown;
  }
  return raw;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      backend: { type: 'string' },
      preset: { type: 'string' },
      set: { type: 'string', multiple: true },
      target: { type: 'string' },
      'max-steps': { type: 'string' },
    },
  });
  await initNodeBackend((values.backend ?? 'wasm') as NodeBackendName);
  const preset = values.preset ?? 'public/presets/multi-mnist.json';
  const r = await timeToAccuracy(presetWith(preset, values.set ?? []), {
    target: Number(values.target ?? 0.85),
    maxSteps: Number(values['max-steps'] ?? 3000),
  });
  const acc = r.accuracy.map((a) => `${(a * 100).toFixed(1)}%`).join(', ');
  process.stdout.write(
    `${preset} ${(values.set ?? []).join(' ')}: ${r.step === null ? 'not reached' : `step ${r.step}`} in ${r.seconds.toFixed(1)} s ` +
      `(${r.stepsPerSecond.toFixed(1)} steps/s with reports; ${r.parameters.toLocaleString('en-US')} parameters; test accuracy ${acc})\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`time-to-accuracy: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
