/**
 * The bench's naive baseline (bench/naive) must be the engine's default experiment written plainly, or its
 * speed ratio means nothing: the same parameter count and shapes, the same labels, the same loss, and it
 * must learn as ours does.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createNaiveTrainer, NAIVE_DEFAULTS, type NaiveTrainer } from '../bench/naive/naive-step';
import { EpochBatches, NAIVE_PATTERNS, seededRandom } from '../bench/naive/playground-data';
import { createTrainer, parseConfig, type Trainer } from '../src/engine';
import { PATTERN_LABEL } from '../src/engine/tasks/playground-2d';

let naive: NaiveTrainer | null = null;
let ours: Trainer | null = null;
afterEach(() => {
  naive?.dispose();
  ours?.dispose();
  naive = ours = null;
});

describe('the naive baseline is the default experiment', () => {
  it('has the same number of parameters as the engine, counted both ways, and the same shapes', () => {
    naive = createNaiveTrainer();
    ours = createTrainer(parseConfig({}));
    const config = ours.config;
    expect(config.task.id).toBe('playground-2d');
    expect(config.architecture.id).toBe('layer-sharing');
    expect(config.architecture.params.widths).toEqual([...NAIVE_DEFAULTS.widths]);
    expect(config.architecture.params.activation).toBe('relu');
    expect(config.architecture.params.headLayers).toBe(0);
    expect(config.task.params.patterns).toEqual([...NAIVE_DEFAULTS.patterns]);
    expect(config.batchSize).toBe(NAIVE_DEFAULTS.batchSize);
    expect(config.learningRate).toBe(NAIVE_DEFAULTS.learningRate);
    expect(config.optimizer).toEqual({ id: 'adam', params: { beta1: 0.9, beta2: 0.999, eps: 1e-8 } });
    // 2·32 + 32 + 32·32 + 32 shared, 32 + 1 per head.
    expect(ours.info.parameters).toEqual({ shared: 1152, taskSpecificPerTask: 33, total: 1218 });
    expect(naive.parameterCount).toBe(ours.info.parameters.total);
    expect(naive.hidden.map((l) => [l.kernel.shape, l.bias.shape])).toEqual([
      [[2, 32], [32]],
      [[32, 32], [32]],
    ]);
    expect(naive.heads.map((l) => [l.kernel.shape, l.bias.shape])).toEqual([
      [[32, 1], [1]],
      [[32, 1], [1]],
    ]);
  });

  it("labels points as the engine's playground-2d patterns do", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const [x1, x2] = [(random() * 2 - 1) * 6, (random() * 2 - 1) * 6];
      expect(NAIVE_PATTERNS.xor(x1, x2)).toBe(PATTERN_LABEL.xor(x1, x2));
      expect(NAIVE_PATTERNS.gauss(x1, x2)).toBe(PATTERN_LABEL.gauss(x1, x2));
    }
  });

  it('draws shuffled epochs of full batches, every sample once per epoch', () => {
    const batches = new EpochBatches(10, 4, seededRandom(3));
    const epoch = [...batches.next(), ...batches.next()];
    expect(new Set(epoch).size).toBe(8);
    expect(batches.next()).toHaveLength(4); // a new epoch: the 2 left over were dropped
  });

  it('computes binary cross-entropy on logits per task, summed over tasks (hand-set weights)', async () => {
    naive = createNaiveTrainer();
    // Zero everything, then give the heads biases b_t: every logit of task t is b_t.
    for (const l of [...naive.hidden, ...naive.heads]) {
      l.kernel.assign(tf.zerosLike(l.kernel));
      l.bias.assign(tf.zerosLike(l.bias));
    }
    naive.heads[0]?.bias.assign(tf.tensor1d([2]));
    naive.heads[1]?.bias.assign(tf.tensor1d([-1]));
    const x = tf.tensor2d([0.5, -1, 3, 2, -4, 1], [3, 2]);
    const y = tf.tensor2d([1, 0, 0, 0, 1, 1], [3, 2]);
    // BCE(z, y) = log(1 + e^z) - z y: task 1 (z = 2, y = 1, 0, 1), task 2 (z = -1, y = 0, 0, 1).
    const bce = (z: number, label: number) => Math.log1p(Math.exp(z)) - z * label;
    const expected = [(bce(2, 1) + bce(2, 0) + bce(2, 1)) / 3, (bce(-1, 0) + bce(-1, 0) + bce(-1, 1)) / 3];
    const perTask = naive.taskLosses(x, y);
    const total = naive.loss(x, y);
    const [values, sum] = [await perTask.data(), (await total.data())[0]];
    expect(values[0]).toBeCloseTo(expected[0] as number, 6);
    expect(values[1]).toBeCloseTo(expected[1] as number, 6);
    expect(sum).toBeCloseTo((expected[0] as number) + (expected[1] as number), 6);
    tf.dispose([x, y, perTask, total]);
  });

  it('leaks no tensor per step, and dispose frees everything it made', async () => {
    const before = tf.memory().numTensors;
    naive = createNaiveTrainer();
    await naive.step(2); // Adam makes its moment slots on the first step
    const held = tf.memory().numTensors;
    naive.stepUnfenced(20);
    await naive.step(5);
    expect(tf.memory().numTensors).toBe(held);
    naive.dispose();
    naive = null;
    expect(tf.memory().numTensors).toBe(before);
  });

  it('starts where ours starts and learns as ours does (same init scale, same optimizer)', async () => {
    naive = createNaiveTrainer();
    ours = createTrainer(parseConfig({}));
    const firstNaive = (await naive.step(1)) / 2; // mean of the two task losses
    await ours.step(1);
    const firstOurs = mean((await ours.report()).tasks.map((t) => t.trainLoss));
    // He-uniform kernels on inputs in [-6, 6] give logits of a few units: first losses ~2 (measured 2.25
    // naive, 2.09 ours), neither near 0.01 nor 10.
    for (const first of [firstNaive, firstOurs]) {
      expect(first).toBeGreaterThan(0.4);
      expect(first).toBeLessThan(3);
    }
    await naive.step(299);
    await ours.step(299);
    await ours.report(); // starts ours' running mean afresh: the next report averages the last 50 steps
    // Ours reports the mean training loss since its last report: average the naive one the same way.
    const naiveLosses: number[] = [];
    for (let i = 0; i < 50; i++) naiveLosses.push((await naive.step(1)) / 2);
    const lastNaive = mean(naiveLosses);
    await ours.step(50);
    const lastOurs = mean((await ours.report()).tasks.map((t) => t.trainLoss));
    expect(lastNaive).toBeLessThan(firstNaive * 0.75);
    expect(lastOurs).toBeLessThan(firstOurs * 0.75);
    // Measured 0.078 both (different samples and init draws, same model and optimizer): a different model,
    // loss scale or learning rate would show here.
    expect(Math.abs(lastNaive - lastOurs)).toBeLessThan(0.05);
  });
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
