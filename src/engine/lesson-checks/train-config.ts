/**
 * Headless training for the lesson checks: a config trained to its last step, returning the final report
 * (and, for an objective suite such as the CAGrad toy, where every start point ended). Steps run in
 * chunks without the per-chunk divergence readback; the final report checks everything at once and
 * rejects with TrainingDivergedError naming the first bad step, as every trainer report does.
 */
import type { ExperimentConfig } from '../config/types';
import type { Report } from '../train/report';
import { createTrainer } from '../train/trainer';

/** Steps per call to trainer.step: long enough to amortise the call, short enough to log progress. */
const CHUNK = 500;

/** Train `config` for `config.steps` steps and return its final report. */
export async function trainToEnd(
  config: ExperimentConfig,
  onSteps?: (done: number, total: number) => void,
): Promise<Report> {
  const trainer = createTrainer(config);
  try {
    while (trainer.stepCount < config.steps) {
      await trainer.step(Math.min(CHUNK, config.steps - trainer.stepCount), { check: false });
      onSteps?.(trainer.stepCount, config.steps);
    }
    return await trainer.report();
  } finally {
    trainer.dispose();
  }
}

/** One start point of an objective suite at the end of training. */
export interface PointEnd {
  start: readonly number[];
  theta: number[];
  /** The losses the run trained (scaled by the toy's lossScale). */
  losses: number[];
}

/** Train an objective-suite config (the toy) and return every start point's final position and losses. */
export async function trainPointEnds(config: ExperimentConfig): Promise<PointEnd[]> {
  const starts = (config.task.params.starts ?? []) as number[][];
  const report = await trainToEnd(config);
  const points = report.points;
  if (!points || points.length !== starts.length)
    throw new Error(
      `trainPointEnds: task '${config.task.id}' reported ${points?.length ?? 0} points for ${starts.length} starts`,
    );
  return points.map((p, i) => ({ start: starts[i] ?? [], theta: p.theta, losses: p.losses }));
}
