import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { unpackShared } from '../architectures/layout';
import { layerSharing } from '../architectures/layer-sharing';
import { withDefaults } from '../architectures/testing';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { Rng } from '../random/rng';
import type { LossKind } from '../tasks/losses';
import { buildModel } from './build-model';
import { chainCoversParameters, chainTaskGradients } from './dense-chain-gradients';
import { taskLosses } from './losses';
import { chooseStrategy, computeTaskGradients } from './task-grads';

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0] ?? NaN;
  d.dispose();
  return v;
}

const sinusoids = (extra: Record<string, unknown> = {}) => ({
  task: { id: 'sinusoids', params: { numTasks: 3, ...extra } },
});
const sharing = (params: Record<string, unknown>) => ({ architecture: { id: 'layer-sharing', params } });

/** Fused against the stacked autodiff pass: every mask, activation, loss kind, input mode and slot weight. */
const CASES: Record<string, Record<string, unknown>> = {
  'the default experiment (binary, relu, shared bottom)': {},
  'separate bottom, shared top, tanh, a head layer': {
    ...sinusoids(),
    ...sharing({ widths: [16, 16], shared: [false, true], headLayers: 1, activation: 'tanh' }),
  },
  'shared bottom, task top, elu': {
    ...sinusoids(),
    ...sharing({ widths: [12, 8, 8], shared: [true, true, false], activation: 'elu' }),
  },
  'sigmoid, one shared layer': {
    ...sinusoids(),
    ...sharing({ widths: [10], shared: [true], activation: 'sigmoid' }),
  },
  'linear activations': { ...sinusoids(), ...sharing({ widths: [6, 6], activation: 'linear' }) },
  'separate inputs per task': { ...sinusoids({ inputs: 'separate' }) },
  'slot weights (round-robin leaves tasks out)': { ...sinusoids(), sampling: { id: 'round-robin' } },
};

describe('fused dense-chain gradients equal the stacked autodiff gradients', () => {
  for (const [name, raw] of Object.entries(CASES)) {
    it(name, async () => {
      const config = parseConfig({ batchSize: 16, ...raw });
      const model = buildModel(config, new Rng(5));
      expect(model.chainGradients).toBeDefined();
      const theta = tf.tensor2d(model.initialShared, [1, model.numShared]);
      const taskVars = model.taskParams.map((p) => tf.tensor(p.init, p.shape));
      // Two steps of batches: the second one under round-robin leaves tasks out.
      for (let step = 0; step < 2; step++) {
        const batch = model.nextBatch({ step });
        if (!batch) throw new Error('no batch');
        const probe = model.representationSize
          ? tf.zeros<tf.Rank.R3>([model.tasks.length, config.batchSize, model.representationSize])
          : undefined;
        const n0 = tf.memory().numTensors;
        const fused = computeTaskGradients('fused', model, theta, taskVars, batch, probe);
        // Nothing of the pass outlives it but its outputs.
        const outputs = 2 + fused.taskParams.length + (fused.representation ? 1 : 0);
        expect(tf.memory().numTensors - n0).toBe(outputs);
        const stacked = computeTaskGradients('stacked', model, theta, taskVars, batch, probe);
        expect(fused.shared.shape).toEqual(stacked.shared.shape);
        expect(await maxAbsDiff(fused.losses, stacked.losses)).toBeLessThan(1e-6);
        expect(await maxAbsDiff(fused.shared, stacked.shared)).toBeLessThan(1e-5);
        for (let i = 0; i < taskVars.length; i++) {
          const [f, s] = [fused.taskParams[i] as tf.Tensor, stacked.taskParams[i] as tf.Tensor];
          expect(f.shape).toEqual(s.shape);
          expect(await maxAbsDiff(f, s)).toBeLessThan(1e-5);
        }
        if (probe) {
          expect(fused.representation?.shape).toEqual(stacked.representation?.shape);
          const [f, s] = [fused.representation as tf.Tensor, stacked.representation as tf.Tensor];
          expect(await maxAbsDiff(f, s)).toBeLessThan(1e-6);
        }
        for (const g of [fused, stacked])
          tf.dispose([g.losses, g.shared, ...g.taskParams, ...(g.representation ? [g.representation] : [])]);
        tf.dispose([batch.x, batch.y, ...(batch.weights ? [batch.weights] : []), ...(probe ? [probe] : [])]);
      }
      tf.dispose([theta, ...taskVars]);
      model.dispose();
    });
  }

  it('tasks with different loss kinds: each row is the gradient of its own task alone', async () => {
    const T = 2;
    const built = layerSharing.build(withDefaults(layerSharing, { widths: [8, 8] }), {
      numTasks: T,
      inputDim: 3,
      outputDim: 2,
      rng: new Rng(2),
    });
    const chain = built.chain;
    if (!chain) throw new Error('layer-sharing declares its chain');
    expect(chainCoversParameters({ ...built, chain })).toBe(true);
    const kinds: LossKind[] = ['mse', 'bce-logits'];
    const rng = new Rng(9);
    const x = tf.tensor3d(rng.normalArray(1 * 6 * 3), [1, 6, 3]);
    const y = tf.tensor3d(
      Float32Array.from({ length: T * 6 * 2 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
      [T, 6, 2],
    );
    const flat = Float32Array.from(built.shared.flatMap((s) => [...s.init]));
    const theta = tf.tensor2d(flat, [1, flat.length]);
    const taskVars = built.taskParams.map((p) => tf.tensor(p.init, p.shape));
    const fused = chainTaskGradients({ ...built, chain, lossKinds: kinds }, theta, taskVars, { x, y }, false);
    for (let t = 0; t < T; t++) {
      // Independent reference: autodiff of task t's loss alone, untiled θ.
      const [gTheta] = tf.grads((th: tf.Tensor) => {
        const out = built.forward({
          shared: unpackShared(th as tf.Tensor2D, built.shared),
          taskParams: taskVars,
          x,
        });
        const losses = [0, 1].map((k) =>
          taskLosses(
            [kinds[k] as LossKind],
            out.slice([k, 0, 0], [1, -1, -1]),
            y.slice([k, 0, 0], [1, -1, -1]),
          ),
        );
        return tf.sum(losses[t] as tf.Tensor);
      })([theta]);
      const row = fused.shared.slice([0, t, 0], [1, 1, -1]).reshape([1, -1]);
      expect(await maxAbsDiff(row, gTheta as tf.Tensor)).toBeLessThan(1e-5);
      tf.dispose([row, gTheta]);
    }
    tf.dispose([x, y, theta, ...taskVars, fused.losses, fused.shared, ...fused.taskParams]);
  });
});

describe('choosing the strategy', () => {
  it("auto is fused for layer sharing and autodiff elsewhere; 'fused' elsewhere is refused, leaking nothing", () => {
    const ls = buildModel(parseConfig({}), new Rng(1));
    expect(chooseStrategy(parseConfig({}), ls)).toBe('fused');
    ls.dispose();
    const mmoeConfig = parseConfig({ architecture: { id: 'mmoe' } });
    const mmoe = buildModel(mmoeConfig, new Rng(1));
    expect(chooseStrategy(mmoeConfig, mmoe)).toBe('stacked');
    mmoe.dispose();
    const before = tf.memory().numTensors;
    const refused = parseConfig({ architecture: { id: 'mmoe' }, gradients: 'fused' });
    expect(() => buildModel(refused, new Rng(1))).toThrow(ConfigError);
    expect(() => buildModel(refused, new Rng(1))).toThrow(
      /gradients: 'fused' needs a network that is a chain/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
