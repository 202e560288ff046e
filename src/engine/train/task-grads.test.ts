import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { Rng } from '../random/rng';
import { buildModel } from './build-model';
import { computeTaskGradients } from './task-grads';

const CASES: Record<string, Record<string, unknown>> = {
  'shared bottom': {
    architecture: { id: 'layer-sharing', params: { widths: [16, 16], shared: [true, true] } },
  },
  'separate bottom, shared top': {
    architecture: { id: 'layer-sharing', params: { widths: [16, 16], shared: [false, true], headLayers: 1 } },
  },
  'cross-stitch': { architecture: { id: 'cross-stitch' } },
  mmoe: { architecture: { id: 'mmoe' } },
  toy: { task: { id: 'toy' } },
};

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.max(tf.abs(tf.sub(a, b)));
  const v = (await d.data())[0] ?? NaN;
  d.dispose();
  return v;
}

describe('per-task gradients: stacked (one backward pass) and loop (one per task) agree', () => {
  for (const [name, raw] of Object.entries(CASES)) {
    it(name, async () => {
      const config = parseConfig({
        task: { id: 'sinusoids', params: { numTasks: 3 } },
        batchSize: 32,
        ...raw,
      });
      const model = buildModel(config, new Rng(3));
      const theta = tf.tensor2d(model.initialShared, [model.replicas, model.numShared]);
      const taskVars = model.taskParams.map((p) => tf.tensor(p.init, p.shape));
      const batch = model.nextBatch({ step: 0 });
      const probe = model.representationSize
        ? tf.zeros<tf.Rank.R3>([model.tasks.length, config.batchSize, model.representationSize])
        : undefined;
      const stacked = computeTaskGradients('stacked', model, theta, taskVars, batch, probe);
      const loop = computeTaskGradients('loop', model, theta, taskVars, batch, probe);
      expect(stacked.shared.shape).toEqual([model.replicas, model.tasks.length, model.numShared]);
      expect(await maxAbsDiff(stacked.shared, loop.shared)).toBeLessThan(1e-5);
      expect(await maxAbsDiff(stacked.losses, loop.losses)).toBeLessThan(1e-6);
      for (let i = 0; i < taskVars.length; i++) {
        expect(
          await maxAbsDiff(stacked.taskParams[i] as tf.Tensor, loop.taskParams[i] as tf.Tensor),
        ).toBeLessThan(1e-5);
      }
      if (probe) {
        expect(stacked.representation?.shape).toEqual([
          1,
          model.tasks.length,
          config.batchSize * (model.representationSize ?? 0),
        ]);
        expect(
          await maxAbsDiff(stacked.representation as tf.Tensor, loop.representation as tf.Tensor),
        ).toBeLessThan(1e-5);
      }
      // Row t of G is the gradient of L_t alone.
      const t = 1;
      const alone = tf.grads((th: tf.Tensor) =>
        tf.sum(
          model.losses(th.expandDims<tf.Tensor3D>(1), taskVars, batch, undefined).slice([0, t], [-1, 1]),
        ),
      )([theta]);
      const row = stacked.shared.slice([0, t, 0], [-1, 1, -1]).squeeze([1]);
      expect(await maxAbsDiff(row, alone[0] as tf.Tensor)).toBeLessThan(1e-5);
      tf.dispose([
        theta,
        ...taskVars,
        row,
        ...alone,
        stacked.shared,
        loop.shared,
        stacked.losses,
        loop.losses,
      ]);
      tf.dispose([...stacked.taskParams, ...loop.taskParams]);
      if (batch) tf.dispose([batch.x, batch.y]);
      if (probe) tf.dispose([probe, stacked.representation, loop.representation]);
      model.dispose();
    });
  }
});
