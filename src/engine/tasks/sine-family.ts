/**
 * The sinusoid family of Finn, Abbeel & Levine, "Model-Agnostic Meta-Learning for Fast Adaptation of Deep
 * Networks", ICML 2017, §5.1: each task is y = a·sin(x − φ) with amplitude a ~ U[0.1, 5], phase φ ~ U[0, π]
 * and x ~ U[−5, 5]; a learner sees K = 10 shots of a new sine and must fit the whole curve.
 *
 * As a data suite it is ONE task, "a random sine", whose training split pools `trainSines` sines drawn from
 * the family: the paper's "pretrained" baseline that trains jointly on every sine and, since phases and signs
 * cancel out, regresses towards a near-flat line. Meta-learners (engine/meta) ignore the pool and draw fresh
 * sines each meta-step from `sampleSineTask`. Both are judged on the same FIXED held-out sines
 * (`heldOutSines`, independent of the run's seed so every run and seed is scored on the same curves): the
 * test split is their curves on a grid, and each comes with its K shots for the adaptation evaluation.
 */
import { Rng } from '../random/rng';
import { int, num, type ConfigIssue } from '../params/spec';
import type { TaskSplit } from './types';
import { defineTaskSuite } from './types';

/** The stream the held-out sines come from: a constant, not the run's seed (same curves for every run). */
const HELD_OUT_SEED = 20170306;

/** The family's ranges (phases in radians). */
export interface SineDistribution {
  amplitude: [number, number];
  phase: [number, number];
  x: [number, number];
}

/** One sine with K support points (the shots it adapts on) and query points (where it is judged). */
export interface SineTask {
  amplitude: number;
  phase: number;
  shotsX: Float32Array;
  shotsY: Float32Array;
  queryX: Float32Array;
  queryY: Float32Array;
}

export const sineValue = (amplitude: number, phase: number, x: number): number =>
  amplitude * Math.sin(x - phase);

/** A sine of the family with `shots` support and `queries` query points, all inputs drawn uniformly. */
export function sampleSineTask(dist: SineDistribution, rng: Rng, shots: number, queries: number): SineTask {
  const amplitude = rng.uniform(...dist.amplitude);
  const phase = rng.uniform(...dist.phase);
  const shotsX = rng.uniformArray(shots, ...dist.x);
  const queryX = rng.uniformArray(queries, ...dist.x);
  const at = (xs: Float32Array) => xs.map((x) => sineValue(amplitude, phase, x));
  return { amplitude, phase, shotsX, shotsY: at(shotsX), queryX, queryY: at(queryX) };
}

/** An even grid of `count` inputs over the range (both ends included). */
export function sineGrid([lo, hi]: [number, number], count: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / Math.max(count - 1, 1));
}

/** What the suite's parameters say about the family. */
export interface SineFamilyParams {
  amplitudeMin: number;
  amplitudeMax: number;
  phaseMin: number;
  phaseMax: number;
  trainSines: number;
  pointsPerSine: number;
  testSines: number;
  gridPoints: number;
  shots: number;
  adaptLr: number;
  adaptSteps: number;
}

export const sineDistribution = (p: SineFamilyParams): SineDistribution => ({
  amplitude: [p.amplitudeMin, p.amplitudeMax],
  phase: [p.phaseMin * Math.PI, p.phaseMax * Math.PI],
  x: [-5, 5],
});

/** The fixed evaluation sines: K random shots each, judged on an even grid over the whole x range. */
export function heldOutSines(p: SineFamilyParams): SineTask[] {
  const dist = sineDistribution(p);
  const rng = new Rng(HELD_OUT_SEED);
  const grid = sineGrid(dist.x, p.gridPoints);
  return Array.from({ length: p.testSines }, () => {
    const task = sampleSineTask(dist, rng, p.shots, 0);
    const queryY = grid.map((x) => sineValue(task.amplitude, task.phase, x));
    return { ...task, queryX: grid.slice(), queryY };
  });
}

/** One shared-input split (T = 1) of pooled points: x [N, 1], y [N, 1, 1]. */
const pooled = (x: Float32Array, y: Float32Array): TaskSplit => ({ mode: 'shared', count: x.length, x, y });

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.length) - part.length);
  return out;
}

function checkRanges(p: SineFamilyParams): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (p.amplitudeMin >= p.amplitudeMax)
    issues.push({
      path: 'amplitudeMax',
      message: `expected more than amplitudeMin (${p.amplitudeMin}), got ${p.amplitudeMax}`,
      accepted: `a number above ${p.amplitudeMin}`,
    });
  if (p.phaseMin > p.phaseMax)
    issues.push({
      path: 'phaseMax',
      message: `expected at least phaseMin (${p.phaseMin}), got ${p.phaseMax}`,
      accepted: `a number from ${p.phaseMin} to 2`,
    });
  return issues;
}

/** The suite's parameters, exported so the meta trainer reads them typed (narrowParams). */
export const SINE_FAMILY_PARAMS = {
  amplitudeMin: num({
    label: 'amplitude min',
    help: 'Smallest amplitude a of a sine (paper: 0.1).',
    default: 0.1,
    min: 0.01,
    max: 10,
  }),
  amplitudeMax: num({
    label: 'amplitude max',
    help: 'Largest amplitude a of a sine (paper: 5).',
    default: 5,
    min: 0.01,
    max: 10,
  }),
  phaseMin: num({
    label: 'phase min (×π)',
    help: 'Smallest phase φ, in units of π (paper: 0).',
    default: 0,
    min: 0,
    max: 2,
  }),
  phaseMax: num({
    label: 'phase max (×π)',
    help: 'Largest phase φ, in units of π (paper: 1, i.e. π).',
    default: 1,
    min: 0,
    max: 2,
  }),
  trainSines: int({
    label: 'training sines (joint)',
    help: 'Sines pooled into the training split that joint training (meta: none) fits; meta-learners draw fresh sines every step instead.',
    default: 1000,
    min: 1,
    max: 10000,
  }),
  pointsPerSine: int({
    label: 'points per training sine',
    help: 'Samples of each pooled training sine, x uniform in [−5, 5].',
    default: 20,
    min: 1,
    max: 200,
  }),
  testSines: int({
    label: 'held-out sines',
    help: 'Fixed evaluation sines (the same for every run and seed): each is adapted to from its K shots and judged on its whole curve.',
    default: 10,
    min: 1,
    max: 100,
  }),
  gridPoints: int({
    label: 'grid points',
    help: 'Points of the even grid over [−5, 5] on which a held-out sine is judged and drawn.',
    default: 100,
    min: 2,
    max: 1000,
  }),
  shots: int({
    label: 'shots K',
    help: 'Points of a held-out sine the model may adapt on (paper: 10).',
    default: 10,
    min: 1,
    max: 100,
  }),
  adaptLr: num({
    label: 'adaptation step size',
    help: 'Step size α of the plain gradient steps taken on the K shots when a model is evaluated (paper: 0.01).',
    default: 0.01,
    min: 1e-5,
    max: 1,
    scale: 'log',
  }),
  adaptSteps: int({
    label: 'adaptation steps',
    help: 'The evaluation reports the held-out loss after 0, 1, …, this many gradient steps on the shots (paper: up to 10).',
    default: 10,
    min: 1,
    max: 50,
  }),
};

export const sineFamilySuite = defineTaskSuite({
  id: 'sine-family',
  label: 'Sine family (few-shot)',
  summary:
    'Every task is a new sine y = a sin(x − φ) known from K points. Joint training on all sines pooled learns a near-flat average; meta-learning (MAML, Reptile) learns a start that fits a new sine in a step or two.',
  citation:
    'Finn, Abbeel & Levine, "Model-Agnostic Meta-Learning for Fast Adaptation of Deep Networks", ICML 2017, §5.1',
  kind: 'data',
  params: SINE_FAMILY_PARAMS,
  numTasks: () => 1,
  check: checkRanges,
  views: () => [{ kind: 'meta-adaptation' }],
  build(p, rng) {
    const dist = sineDistribution(p);
    const pool = Array.from({ length: p.trainSines }, () => sampleSineTask(dist, rng, 0, p.pointsPerSine));
    const test = heldOutSines(p);
    return {
      kind: 'data',
      tasks: [{ name: 'a random sine', loss: 'mse', metric: 'r2' }],
      inputDim: 1,
      outputDim: 1,
      train: pooled(concat(pool.map((s) => s.queryX)), concat(pool.map((s) => s.queryY))),
      test: pooled(concat(test.map((s) => s.queryX)), concat(test.map((s) => s.queryY))),
      inputBounds: [dist.x],
    };
  },
});
