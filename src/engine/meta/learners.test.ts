/**
 * The three meta-learners against hand-computed one-step examples on a linear model y = w·x + b, MAML's
 * meta-gradient against finite differences on a small relu net (where second derivatives matter), and the
 * meta-batch property: a batch's direction is the mean of its tasks' directions.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { fomaml } from './fomaml';
import { adaptCopies, batchTensors, queryLoss, type MetaBatch, type MetaLearner } from './learner';
import { maml } from './maml';
import { createMetaNet, stackCopies } from './net';
import { reptile } from './reptile';

const linear = createMetaNet([], 'linear');
const col = (rows: number[][]) => tf.tensor3d(rows.map((r) => r.map((v) => [v])));

/** Task A: shots (1, 2) → (2, 4), query 3 → 5. Task B: shots (−1, 0) → (1, 1), query 1 → 0. */
const A = { sx: [1, 2], sy: [2, 4], qx: [3], qy: [5] };
const B = { sx: [-1, 0], sy: [1, 1], qx: [1], qy: [0] };
const batchOf = (...tasks: (typeof A)[]): MetaBatch => ({
  shotsX: col(tasks.map((t) => t.sx)),
  shotsY: col(tasks.map((t) => t.sy)),
  queryX: col(tasks.map((t) => t.qx)),
  queryY: col(tasks.map((t) => t.qy)),
});
/** θ = (w, b) = (1, 0) as the net's [kernel [1, 1], bias [1]]. */
const thetaAt = (w: number, b: number) => [tf.tensor2d([[w]]), tf.tensor1d([b])];

async function direction(
  learner: MetaLearner,
  batch: MetaBatch,
  inner: { innerSteps: number; innerLr: number },
  theta = thetaAt(1, 0),
) {
  const { grads, loss } = learner.outerGradient(linear, theta, batch, inner);
  const out = {
    g: [...(await grads[0]!.data()), ...(await grads[1]!.data())],
    loss: (await loss.data())[0]!,
  };
  tf.dispose([...grads, loss, ...theta]);
  return out;
}

describe('meta-learners on a linear model, one inner step α = 0.1 (hand-computed)', () => {
  // Support gradient at θ: residuals (−1, −2) → ∂w = mean(2 r x) = −5, ∂b = mean(2 r) = −3, so
  // φ = θ − 0.1·(−5, −3) = (1.5, 0.3); query: 1.5·3 + 0.3 − 5 = −0.2 → loss 0.04, ∇φ = (−1.2, −0.4).
  const inner = { innerSteps: 1, innerLr: 0.1 };

  it('FOMAML: the query gradient at the adapted parameters', async () => {
    const batch = batchOf(A);
    const { g, loss } = await direction(fomaml, batch, inner);
    expect(g[0]).toBeCloseTo(-1.2, 5);
    expect(g[1]).toBeCloseTo(-0.4, 5);
    expect(loss).toBeCloseTo(0.04, 5);
    tf.dispose(batchTensors(batch));
  });

  it('MAML: the same through (I − αH): H = [[5, 3], [3, 2]] gives (−0.48, 0.04)', async () => {
    const batch = batchOf(A);
    const { g, loss } = await direction(maml, batch, inner);
    expect(g[0]).toBeCloseTo(-0.48, 5);
    expect(g[1]).toBeCloseTo(0.04, 5);
    expect(loss).toBeCloseTo(0.04, 5);
    tf.dispose(batchTensors(batch));
  });

  it('Reptile: θ − φ, one step (−0.5, −0.3), two steps (−0.66, −0.39)', async () => {
    const batch = batchOf(A);
    expect((await direction(reptile, batch, inner)).g.map((v) => +v.toFixed(5))).toEqual([-0.5, -0.3]);
    // Second step from φ1 = (1.5, 0.3): residuals (−0.2, −0.7) → gradient (−1.6, −0.9) → φ2 = (1.66, 0.39).
    const two = await direction(reptile, batch, { innerSteps: 2, innerLr: 0.1 });
    expect(two.g[0]).toBeCloseTo(-0.66, 5);
    expect(two.g[1]).toBeCloseTo(-0.39, 5);
    tf.dispose(batchTensors(batch));
  });
});

describe('a meta-batch averages its tasks', () => {
  const inner = { innerSteps: 2, innerLr: 0.05 };
  for (const [name, learner] of [
    ['maml', maml],
    ['fomaml', fomaml],
    ['reptile', reptile],
  ] as const) {
    it(`${name}: direction(A, B) = (direction(A) + direction(B)) / 2`, async () => {
      const [ab, a, b] = [batchOf(A, B), batchOf(A), batchOf(B)];
      const both = await direction(learner, ab, inner);
      const onA = await direction(learner, a, inner);
      const onB = await direction(learner, b, inner);
      both.g.forEach((v, i) => expect(v).toBeCloseTo((onA.g[i]! + onB.g[i]!) / 2, 5));
      expect(both.loss).toBeCloseTo((onA.loss + onB.loss) / 2, 5);
      tf.dispose([...batchTensors(ab), ...batchTensors(a), ...batchTensors(b)]);
    });
  }
});

describe('MAML on a small relu net', () => {
  const net = createMetaNet([4], 'relu');
  const rng = new Rng(3);
  const init = net.init(rng);
  const batch: MetaBatch = {
    shotsX: tf.tensor3d(rng.uniformArray(10, -2, 2), [2, 5, 1]),
    shotsY: tf.tensor3d(rng.uniformArray(10, -1, 1), [2, 5, 1]),
    queryX: tf.tensor3d(rng.uniformArray(6, -2, 2), [2, 3, 1]),
    queryY: tf.tensor3d(rng.uniformArray(6, -1, 1), [2, 3, 1]),
  };
  const inner = { innerSteps: 2, innerLr: 0.3 };
  const metaLoss = (values: Float32Array[]): number =>
    tf.tidy(() => {
      const theta = values.map((v, i) => tf.tensor(v, net.shapes[i]));
      return queryLoss(net, adaptCopies(net, stackCopies(theta, 2), batch, inner), batch).dataSync()[0]!;
    });

  it('has the meta-gradient of finite differences, which first-order MAML misses', () => {
    const theta = init.map((v, i) => tf.tensor(v, net.shapes[i]));
    const exact = maml.outerGradient(net, theta, batch, inner);
    const first = fomaml.outerGradient(net, theta, batch, inner);
    const eps = 2e-3;
    let firstOrderGap = 0;
    // Every parameter of the hidden layer's kernel and the output bias.
    for (const [p, index] of [
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [3, 0],
    ] as const) {
      const shift = (d: number) =>
        init.map((v, i) => (i === p ? v.map((x, j) => (j === index ? x + d : x)) : v));
      const numeric = (metaLoss(shift(eps)) - metaLoss(shift(-eps))) / (2 * eps);
      const analytic = exact.grads[p]!.dataSync()[index]!;
      expect(Math.abs(analytic - numeric)).toBeLessThan(2e-3 + 1e-2 * Math.abs(numeric));
      firstOrderGap = Math.max(firstOrderGap, Math.abs(first.grads[p]!.dataSync()[index]! - numeric));
    }
    // The second-order terms are not negligible here: dropping them is visibly off.
    expect(firstOrderGap).toBeGreaterThan(2e-2);
    tf.dispose([...theta, ...exact.grads, exact.loss, ...first.grads, first.loss, ...batchTensors(batch)]);
  });
});
