/**
 * Model merging as a procedure (config section `merging`): from ONE start θ0, train one specialist per task
 * on that task alone and, side by side, the joint MTL model of the same config; merge the specialists'
 * shared parameters with the chosen method (registry.ts), each task keeping its own specialist's head.
 * θ0 is the config seed's initialisation, or with `warmupSteps` W the joint model after W steps (the
 * specialists split off it, fork.ts). Budget: `step(n)` advances the joint model n steps on all tasks and,
 * after the split, every specialist n steps on its own task, so each model has taken the run's steps and
 * each task's data is seen equally often by its specialist lineage and by the joint model.
 *
 * Every model is the usual trainer (train/trainer.ts), handed in as `createJoint`: clipping, sampling,
 * optimizers, divergence checks and checkpoints work as in joint training, and passing it in keeps this
 * module below train/trainer.ts (which asks train/procedures.ts, which lists this factory).
 * Reports: the merged model's per-task scores as the report's `tasks` (its train loss on the whole train
 * split) and Report.merging (merging-report.ts).
 */
import { parseConfig } from '../config/parse';
import { ConfigError, type ExperimentConfig } from '../config/types';
import { Rng } from '../random/rng';
import { buildModel } from '../train/build-model';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  CheckpointError,
  checkCheckpoint,
  type TrainerCheckpoint,
} from '../train/checkpoint';
import type { Report } from '../train/report';
import type { Trainer, TrainerOptions } from '../train/trainer-types';
import { jointConfig, specialistConfig } from './configs';
import { forkFrom, type TrainerFactory } from './fork';
import { MergedModel } from './merged-model';
import { mergingReport } from './merging-report';
import { findMergeMethod } from './registry';
import { readParams, type ModelParams } from './specialist-params';

/** The sub-trainers' checkpoints and θ0, kept in the merging checkpoint's `js`. */
interface SavedRuns {
  joint: TrainerCheckpoint;
  /** Empty before the split. */
  specialists: TrainerCheckpoint[];
  theta0: number[];
}

function savedRuns(checkpoint: TrainerCheckpoint, numTasks: number): SavedRuns {
  const js = checkpoint.js as Partial<SavedRuns>;
  const n = Array.isArray(js.specialists) ? js.specialists.length : -1;
  if (!js.joint || (n !== 0 && n !== numTasks) || !Array.isArray(js.theta0))
    throw new CheckpointError(`expected the joint model's checkpoint, θ0 and 0 or ${numTasks} specialists'`);
  return js as SavedRuns;
}

export function createMergeTrainer(
  config: ExperimentConfig,
  options: TrainerOptions,
  createJoint: TrainerFactory,
): Trainer {
  const method = config.merging && findMergeMethod(config.merging.id);
  if (!method)
    throw new ConfigError([{ path: 'merging.id', message: `unknown merge method '${config.merging?.id}'` }]);
  const warmup = Number(config.merging?.params.warmupSteps ?? 0);
  const resume = options.resume && checkCheckpoint(options.resume, config);
  // The run's own copy of the model: θ0's layout, evaluation of the merges, predictions.
  const model = buildModel(jointConfig(config), new Rng(config.seed));
  const T = model.tasks.length;
  const configs = (c: ExperimentConfig) => Array.from({ length: T }, (_, t) => specialistConfig(c, t, T));
  let trainers: Trainer[] = [];
  let theta0: Float32Array = model.initialShared.slice(0, model.numShared);
  try {
    const saved = resume ? savedRuns(resume, T) : null;
    trainers.push(createJoint(jointConfig(config), saved ? { resume: saved.joint } : {}));
    if (saved) theta0 = Float32Array.from(saved.theta0);
    // From the random start the specialists need no fork: same seed, same initial tensors as the joint's.
    const specialistRuns = saved ? saved.specialists : warmup === 0 ? configs(config).map(() => null) : [];
    configs(config).forEach((c, t) => {
      if (t < specialistRuns.length) {
        const run = specialistRuns[t];
        trainers.push(createJoint(c, run ? { resume: run } : {}));
      }
    });
  } catch (error) {
    trainers.forEach((t) => t.dispose());
    model.dispose();
    throw error;
  }
  const merged = new MergedModel(model, method);
  let current = config;
  let steps = resume?.step ?? 0;
  const joint = () => trainers[0] as Trainer;
  const specialists = () => trainers.slice(1);

  /** Split the specialists off the joint model now: θ0 is its current shared parameters. */
  async function split(): Promise<void> {
    const { trainers: forked, start } = await forkFrom(
      joint(),
      configs(current),
      model.taskParams,
      createJoint,
    );
    trainers = [joint(), ...forked];
    theta0 = start.theta;
  }

  /** Each specialist's parameters (before the split: the joint model's, T times). */
  async function specialistParams(): Promise<ModelParams[]> {
    if (!specialists().length) {
      const now = await readParams(joint(), model.taskParams);
      theta0 = now.theta;
      return Array.from({ length: T }, () => now);
    }
    const out: ModelParams[] = [];
    for (const s of specialists()) out.push(await readParams(s, model.taskParams));
    return out;
  }

  return {
    get config() {
      return current;
    },
    info: joint().info,
    get stepCount() {
      return steps;
    },
    async step(n = 1, stepOptions = {}) {
      let left = n;
      if (!specialists().length) {
        const alone = Math.min(left, warmup - steps);
        if (alone > 0) await joint().step(alone, stepOptions);
        steps += Math.max(alone, 0);
        left -= Math.max(alone, 0);
        if (steps >= warmup) await split();
      }
      if (left <= 0) return;
      for (const t of trainers) await t.step(left, stepOptions);
      steps += left;
    },
    async report(): Promise<Report> {
      const jointReport = await joint().report();
      const own: Report[] = [];
      for (const s of specialists()) own.push(await s.report());
      const params = await specialistParams();
      const scores = await merged.refresh(theta0, params, current, steps);
      return mergingReport({ jointReport, own, params, theta0, scores, method, model, steps });
    },
    async predict(inputs, count) {
      if (!merged.isAt(steps)) await merged.refresh(theta0, await specialistParams(), current, steps, false);
      return merged.predict(inputs, count, current.task.id);
    },
    setLearningRate(lr) {
      const next = parseConfig({ ...current, learningRate: lr });
      trainers.forEach((t) => t.setLearningRate(lr));
      current = next;
    },
    setMethod(selection) {
      // The gradient method is joint training's: the specialists each follow their own task's gradient.
      const next = parseConfig({ ...current, method: selection });
      joint().setMethod(selection);
      current = next;
    },
    async checkpoint(): Promise<TrainerCheckpoint> {
      const runs: SavedRuns = {
        joint: await joint().checkpoint(),
        specialists: [],
        theta0: Array.from(theta0),
      };
      for (const s of specialists()) runs.specialists.push(await s.checkpoint());
      return {
        format: CHECKPOINT_FORMAT,
        version: CHECKPOINT_VERSION,
        config: current,
        step: steps,
        parts: {},
        js: runs as unknown as Record<string, unknown>,
        last: { grads: null, weights: null },
        rng: {},
      };
    },
    dispose() {
      trainers.forEach((t) => t.dispose());
      merged.dispose();
      model.dispose();
    },
  };
}
