/**
 * Sinusoid regression tasks with two dials, relatedness and gradient-magnitude imbalance:
 *   y_t = a_t sin(x + φ_t) + ε,  x ~ U[-5, 5],  φ_t = spread · π · t/(T-1),  a_t = ratio^(t/(T-1)).
 * spread = 0 gives identical tasks; spread = 1 makes the last task the negative of the first (φ = π), the
 * most conflicting pair; amplitudes grow geometrically from 1 to `ratio`, so the loss (and gradient) of the
 * last task is ratio² (ratio) times the first's. The family follows the sine-wave regression of Finn et al.,
 * "Model-Agnostic Meta-Learning", ICML 2017 (amplitude and phase per task, x ∈ [-5, 5]), with the amplitudes
 * and phases laid out deterministically instead of sampled, so that one dial sets the conflict.
 */
import type { Rng } from '../random/rng';
import { int, num } from '../params/spec';
import type { SampleGenerator } from './data';
import { buildSplits, checkDataParams, dataSpecs } from './data-specs';
import { defineTaskSuite } from './types';

export const SINUSOID_X_RANGE: [number, number] = [-5, 5];

/** Amplitude and phase of each task. */
export function sinusoidTasks(
  numTasks: number,
  spread: number,
  ratio: number,
): { amplitude: number; phase: number }[] {
  return Array.from({ length: numTasks }, (_, t) => {
    const frac = numTasks > 1 ? t / (numTasks - 1) : 0;
    return { amplitude: ratio ** frac, phase: spread * Math.PI * frac };
  });
}

export function sinusoidGenerator(
  numTasks: number,
  spread: number,
  ratio: number,
  noise: number,
): SampleGenerator {
  const tasks = sinusoidTasks(numTasks, spread, ratio);
  return {
    numTasks,
    inputDim: 1,
    outputDim: 1,
    targets: 'regression',
    inputs: (count, r) => r.uniformArray(count, ...SINUSOID_X_RANGE),
    labels(task, x, count, r: Rng) {
      const { amplitude, phase } = tasks[task] ?? { amplitude: 1, phase: 0 };
      // Draw the noise even when it is 0, so that the stream (and the labels) do not depend on it.
      return Float32Array.from(
        { length: count },
        (_, n) => amplitude * Math.sin((x[n] as number) + phase) + r.normal(0, noise),
      );
    },
  };
}

export const sinusoidsSuite = defineTaskSuite({
  id: 'sinusoids',
  label: 'Sinusoids',
  summary:
    'Regression tasks y = a sin(x + φ) on the same inputs: a phase dial turns identical tasks into opposite ones, an amplitude dial makes one task dominate the gradient.',
  citation:
    'Sine-wave regression after Finn et al., Model-Agnostic Meta-Learning, ICML 2017; phases and amplitudes laid out as dials for this playground',
  kind: 'data',
  params: {
    numTasks: int({
      label: 'tasks',
      help: 'Number of sinusoid tasks; their phases and amplitudes are spread evenly between the first and the last task.',
      default: 2,
      min: 2,
      max: 8,
    }),
    phaseSpread: num({
      label: 'phase spread',
      help: 'Phase of the last task in units of π. 0: every task is the same; 0.5: a quarter period apart (orthogonal); 1: the last task is the negative of the first.',
      default: 0.5,
      min: 0,
      max: 1,
    }),
    amplitudeRatio: num({
      label: 'amplitude ratio',
      help: 'Amplitude of the last task relative to the first (geometric in between). Away from 1 one task’s loss and gradients dwarf the others’, the imbalance that loss-weighting methods address.',
      default: 1,
      min: 0.01,
      max: 100,
      scale: 'log',
    }),
    noise: num({
      label: 'noise std (all tasks)',
      help: 'Standard deviation of the Gaussian noise in every label of every task, train and test alike; it sets the best reachable test MSE. For noise on one task’s training labels only, see label noise.',
      default: 0.05,
      min: 0,
      max: 2,
    }),
    ...dataSpecs('regression', { train: 1000, test: 1000 }),
  },
  numTasks: (p) => p.numTasks,
  check: (p) => checkDataParams(p, p.numTasks),
  build(p, rng) {
    const gen = sinusoidGenerator(p.numTasks, p.phaseSpread, p.amplitudeRatio, p.noise);
    const { train, test } = buildSplits(gen, p, rng);
    return {
      kind: 'data',
      tasks: sinusoidTasks(p.numTasks, p.phaseSpread, p.amplitudeRatio).map((t, i) => ({
        name: `task ${i + 1} (φ = ${(t.phase / Math.PI).toFixed(2)}π, a = ${Number(t.amplitude.toPrecision(3))})`,
        loss: 'mse',
        metric: 'r2',
      })),
      inputDim: 1,
      outputDim: 1,
      train,
      test,
      inputBounds: [SINUSOID_X_RANGE],
    };
  },
});
