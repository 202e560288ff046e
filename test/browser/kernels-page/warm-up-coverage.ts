/**
 * Whether the worker's WebGPU warm-up (src/worker/warmup.ts) compiles every pipeline a run then uses: the
 * step-0 report, steps, later reports and the decision boundary's grid prediction. Counted on tfjs's
 * pipeline cache (one entry per compiled shader key), not timed: a pipeline a run adds after warm-up is a
 * compile of seconds on a slow adapter that the page would wait for (a 'play' queued behind a grid
 * prediction waited 2.4 s before the warm-up covered it).
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseConfig } from '../../../src/engine/config/parse';
import { viewsOf } from '../../../src/engine/config/views';
import { createTrainer } from '../../../src/engine/train/trainer';
import { startWarmUp } from '../../../src/worker/warmup';

export interface WarmUpCoverage {
  /** Pipelines the warm-up compiled. */
  compiled: number;
  /** Shader keys a run compiled after the warm-up (none expected). */
  addedByRun: string[];
}

export async function warmUpCoverage(): Promise<WarmUpCoverage> {
  const backend = tf.backend() as unknown as { pipelineCache?: Record<string, unknown> };
  const keys = () => new Set(Object.keys(backend.pipelineCache ?? {}));
  const config = parseConfig({ seed: 11 });
  const before = keys();
  await (
    await startWarmUp(config)
  ).compiled;
  const warmed = keys();
  const trainer = createTrainer(config);
  try {
    await trainer.report();
    await trainer.step(3);
    await trainer.report();
    for (const view of viewsOf(config))
      if (view.kind === 'decision-boundary') {
        const count = view.gridSize * view.gridSize;
        await trainer.predict(new Float32Array(count * 2).fill(0.5), count);
      }
  } finally {
    trainer.dispose();
  }
  return {
    compiled: [...warmed].filter((k) => !before.has(k)).length,
    addedByRun: [...keys()].filter((k) => !warmed.has(k)),
  };
}
