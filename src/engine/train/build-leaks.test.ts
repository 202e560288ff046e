/**
 * Building a trainer and disposing it, or having the build refused, leaves no tensor behind: every method
 * on every task suite, every architecture on every suite it applies to, and the refusals that only the
 * built model can detect (the config passes parseConfig, createTrainer says no). The app configures a new
 * trainer on every change, so a refusal that kept what it had allocated leaked memory each time.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURES } from '../architectures/registry';
import { parseConfig } from '../config/parse';
import { ConfigError, type ExperimentConfig } from '../config/types';
import { METHODS } from '../methods/registry';
import { TASK_SUITES } from '../tasks/registry';
import { createTrainer } from './trainer';

/** The config if parseConfig accepts it (a refusal there allocates nothing), else null. */
function parsed(raw: Record<string, unknown>): ExperimentConfig | null {
  try {
    return parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return null;
    throw error;
  }
}

/** Build (and dispose) or have the build refused; which of the two happened. */
function buildOnce(config: ExperimentConfig): 'built' | 'refused' {
  let trainer;
  try {
    trainer = createTrainer(config);
  } catch (error) {
    if (error instanceof ConfigError) return 'refused';
    throw error;
  }
  trainer.dispose();
  return 'built';
}

/** Tensors left behind by building `config` (0 expected), and whether it was built or refused. */
function leftBehind(config: ExperimentConfig): { outcome: 'built' | 'refused'; tensors: number } {
  const before = tf.memory().numTensors;
  const outcome = buildOnce(config);
  return { outcome, tensors: tf.memory().numTensors - before };
}

describe('building a trainer leaks no tensor, built or refused', () => {
  for (const suite of TASK_SUITES) {
    it(`every method on '${suite.id}'`, () => {
      const leaks: string[] = [];
      let built = 0;
      let refused = 0;
      for (const method of METHODS) {
        const config = parsed({ task: { id: suite.id }, method: { id: method.id } });
        if (!config) continue;
        const { outcome, tensors } = leftBehind(config);
        if (outcome === 'built') built++;
        else refused++;
        if (tensors !== 0) leaks.push(`${method.id} (${outcome}): ${tensors}`);
      }
      expect(leaks).toEqual([]);
      expect(built).toBeGreaterThan(METHODS.length / 2);
      // Only the toy refuses methods after parsing (those that need KPIs, which its losses of θ lack).
      if (suite.kind === 'objective') expect(refused).toBeGreaterThan(0);
      else expect(refused).toBe(0);
    });

    it(`every architecture that applies to '${suite.id}'`, () => {
      const leaks: string[] = [];
      let built = 0;
      for (const arch of ARCHITECTURES) {
        // MGDA-UB needs a shared representation: refused on the architectures without one.
        for (const method of [{ id: 'ew' }, { id: 'mgda', params: { variant: 'ub' } }]) {
          const config = parsed({ task: { id: suite.id }, architecture: { id: arch.id }, method });
          if (!config) continue;
          const { outcome, tensors } = leftBehind(config);
          if (outcome === 'built') built++;
          if (tensors !== 0) leaks.push(`${arch.id} with ${method.id} (${outcome}): ${tensors}`);
        }
      }
      expect(leaks).toEqual([]);
      expect(built).toBeGreaterThan(0);
    });
  }

  const refusals: [string, Record<string, unknown>][] = [
    ['a method that needs KPIs on the toy (dtp)', { task: { id: 'toy' }, method: { id: 'dtp' } }],
    [
      'a gradient mask naming a layer that does not exist',
      { task: { id: 'playground-2d' }, isolation: { gradientMask: [[0, 7]] } },
    ],
    [
      'a method that needs representation gradients on an architecture without a shared representation',
      {
        task: { id: 'playground-2d' },
        architecture: { id: 'layer-sharing', params: { shared: [false, false] } },
        method: { id: 'mgda', params: { variant: 'ub' } },
      },
    ],
    [
      "a batch larger than the smallest task's training set (refused on the built data)",
      {
        task: { id: 'sinusoids', params: { inputs: 'separate', trainSamplesPerTask: [20, 2000] } },
        batchSize: 64,
      },
    ],
  ];
  for (const [what, raw] of refusals) {
    it(`refused: ${what}, three times, leaves the tensor count where it was`, () => {
      const config = parseConfig(raw);
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) expect(() => createTrainer(config)).toThrow(ConfigError);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
