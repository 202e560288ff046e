import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { chainCases } from '../kernels/chain/chain-cases';
import { Rng } from '../random/rng';
import { buildModel } from './build-model';
import { composedChainGradients } from './dense-chain-gradients';
import { fusedChainGradients, planFor } from './fused-chain-gradients';
import type { TaskGradients } from './model';

/**
 * The fused kernels' JS (what cpu and wasm run; WGSL is checked against the same composition on WebGPU by
 * the kernels page, through chainCases) against dense-chain-gradients.ts's composition of tfjs ops.
 */
async function worstGap(a: TaskGradients, b: TaskGradients): Promise<number> {
  const pairs: [tf.Tensor, tf.Tensor][] = [
    [a.losses, b.losses],
    [a.shared, b.shared],
    ...a.taskParams.map((t, i): [tf.Tensor, tf.Tensor] => [t, b.taskParams[i] as tf.Tensor]),
  ];
  let worst = 0;
  for (const [x, y] of pairs) {
    expect(x.shape).toEqual(y.shape);
    const gap = tf.tidy(() => tf.max(tf.div(tf.abs(tf.sub(x, y)), tf.maximum(1, tf.abs(y)))));
    worst = Math.max(worst, (await gap.data())[0] as number);
    gap.dispose();
  }
  return worst;
}

const dispose = (g: TaskGradients) => tf.dispose([g.losses, g.shared, ...g.taskParams]);

describe('the fused dense-chain pass equals the composition', () => {
  for (const c of chainCases()) {
    it(c.name, async () => {
      const { net, theta, taskVars, batch } = c.build();
      const before = tf.memory().numTensors;
      const fused = fusedChainGradients(net, theta, taskVars, batch);
      if (!fused) throw new Error(`no plan: ${JSON.stringify(planFor(net, batch))}`);
      // Nothing of the pass outlives it but its outputs.
      expect(tf.memory().numTensors - before).toBe(2 + fused.taskParams.length);
      const composed = composedChainGradients(net, theta, taskVars, batch, false);
      expect(await worstGap(fused, composed)).toBeLessThan(1e-5);
      dispose(fused);
      dispose(composed);
      c.dispose();
    });
  }

  it('a run trained with it for 20 steps ends where the composition ends', async () => {
    const config = parseConfig({ batchSize: 16, task: { id: 'sinusoids', params: { numTasks: 3 } } });
    const model = buildModel(config, new Rng(3));
    const net = model.network;
    if (!net) throw new Error('layer sharing is a chain');
    const theta = tf.tensor2d(model.initialShared, [1, model.numShared]);
    const taskVars = model.taskParams.map((p) => tf.tensor(p.init, p.shape));
    const batch = model.nextBatch({ step: 0 });
    if (!batch) throw new Error('no batch');
    // Plain gradient descent on the summed losses through each pass, from the same start.
    const descend = (pass: typeof composedChainGradients | typeof fusedChainGradients) => {
      let th = theta.clone();
      let tv = taskVars.map((t) => t.clone());
      for (let s = 0; s < 20; s++) {
        const g = pass(net, th, tv, batch, false);
        if (!g) throw new Error('the fused chain declined');
        const next = tf.tidy(() => [
          tf.sub<tf.Tensor2D>(th, tf.mul(0.01, tf.sum(g.shared, 1))),
          ...tv.map((t, i) => tf.sub(t, tf.mul(0.01, g.taskParams[i] as tf.Tensor))),
        ]);
        tf.dispose([th, ...tv]);
        dispose(g);
        [th, ...tv] = next as [tf.Tensor2D, ...tf.Tensor[]];
      }
      return [th, ...tv];
    };
    const a = descend(composedChainGradients);
    const b = descend(fusedChainGradients);
    for (let i = 0; i < a.length; i++) {
      const gap = tf.tidy(() => tf.max(tf.abs(tf.sub(a[i] as tf.Tensor, b[i] as tf.Tensor))));
      expect((await gap.data())[0]).toBeLessThan(1e-4);
      gap.dispose();
    }
    tf.dispose([...a, ...b, theta, ...taskVars, batch.x, batch.y]);
    model.dispose();
  });

  it('declines what it does not cover, naming why', () => {
    const independent = parseConfig({
      architecture: { id: 'layer-sharing', params: { widths: [8, 8, 8], shared: [false, false, false] } },
    });
    const model = buildModel(independent, new Rng(1));
    const batch = model.nextBatch({ step: 0 });
    if (!model.network || !batch) throw new Error('a chain with a batch');
    expect(planFor(model.network, batch)).toMatch(/task-specific tensors \(at most 4\)/);
    const theta = tf.tensor2d(model.initialShared, [1, model.numShared]);
    expect(fusedChainGradients(model.network, theta, [], batch)).toBeNull();
    tf.dispose([theta, batch.x, batch.y]);
    model.dispose();
  });
});
