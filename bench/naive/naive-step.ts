/**
 * The baseline our training step is measured against: the default experiment written the way a tfjs user
 * would write it, with @tensorflow/tfjs-core only. Plain `tf.variable` weights (shared MLP 2→32→32 relu,
 * one linear head 32→1 per task), tfjs's own sigmoid cross-entropy, and
 * `tf.train.adam(lr).minimize(() => L1 + L2)`. Same model as the engine's default (layer-sharing.ts +
 * mlp.ts: He-uniform kernels before relu, Glorot-uniform heads, zero biases), same batch (64 per step from
 * shuffled epochs of 1,000 shared samples), same Adam settings (β 0.9 / 0.999, ε 1e-8 as PyTorch, lr 0.01).
 */
import * as tf from '@tensorflow/tfjs-core';
import { EpochBatches, playgroundSamples, seededRandom, type NaivePattern } from './playground-data';

export interface NaiveOptions {
  patterns: readonly NaivePattern[];
  widths: readonly number[];
  batchSize: number;
  trainSamples: number;
  learningRate: number;
  seed: number;
}

/** The engine's defaults (src/engine/config/parse.ts, settings.ts, optimizers.ts, the suite's params). */
export const NAIVE_DEFAULTS: NaiveOptions = {
  patterns: ['xor', 'gauss'],
  widths: [32, 32],
  batchSize: 64,
  trainSamples: 1000,
  learningRate: 0.01,
  seed: 1,
};

export interface NaiveLayer {
  kernel: tf.Variable;
  bias: tf.Variable;
}

export interface NaiveTrainer {
  readonly hidden: NaiveLayer[];
  readonly heads: NaiveLayer[];
  readonly parameterCount: number;
  /** Sum of the task losses on a batch x [B, 2], y [B, T]: what `minimize` differentiates. */
  loss(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar;
  /** Each task's mean loss on a batch, [T]. */
  taskLosses(x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D;
  /**
   * n optimizer steps; the last one returns its loss, which is read back: one device round trip per call,
   * as the engine's `step(n)` has one (its divergence check).
   */
  step(n: number): Promise<number>;
  /** n steps with no readback at all (kernel and dispatch counting). */
  stepUnfenced(n: number): void;
  dispose(): void;
}

const heUniform = (fanIn: number) => Math.sqrt(6 / fanIn);
const glorotUniform = (fanIn: number, fanOut: number) => Math.sqrt(6 / (fanIn + fanOut));

/** A variable holding `init`'s values; `init` is freed (tf.variable shares its data but not its handle). */
function variableOf(init: tf.Tensor): tf.Variable {
  const v = tf.variable(init);
  init.dispose();
  return v;
}

function dense(fanIn: number, fanOut: number, limit: number, seed: number): NaiveLayer {
  return {
    kernel: variableOf(tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', seed)),
    bias: variableOf(tf.zeros([fanOut])),
  };
}

export function createNaiveTrainer(options: Partial<NaiveOptions> = {}): NaiveTrainer {
  const o = { ...NAIVE_DEFAULTS, ...options };
  const T = o.patterns.length;
  const random = seededRandom(o.seed);
  const data = playgroundSamples(o.patterns, o.trainSamples, random);
  const xAll = tf.tensor2d(data.x, [o.trainSamples, 2]);
  const yAll = tf.tensor2d(data.y, [o.trainSamples, T]);
  const batches = new EpochBatches(o.trainSamples, o.batchSize, random);

  let fanIn = 2;
  const hidden = o.widths.map((width, i) => {
    const layer = dense(fanIn, width, heUniform(fanIn), o.seed * 100 + i);
    fanIn = width;
    return layer;
  });
  const heads = o.patterns.map((_, t) => dense(fanIn, 1, glorotUniform(fanIn, 1), o.seed * 100 + 50 + t));
  const variables = [...hidden, ...heads].flatMap((l) => [l.kernel, l.bias]);
  const optimizer = tf.train.adam(o.learningRate, 0.9, 0.999, 1e-8);

  const taskLogits = (x: tf.Tensor2D): tf.Tensor2D[] => {
    const h = hidden.reduce<tf.Tensor2D>((acc, l) => tf.relu(tf.add(tf.matMul(acc, l.kernel), l.bias)), x);
    return heads.map((head) => tf.add(tf.matMul(h, head.kernel), head.bias));
  };
  const perTask = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar[] =>
    taskLogits(x).map((logits, t) => tf.losses.sigmoidCrossEntropy(tf.slice(y, [0, t], [-1, 1]), logits));
  const loss = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar =>
    tf.tidy(() => perTask(x, y).reduce((a, b) => tf.add(a, b)));

  /** One step: the batch's indices are the only upload, the gather runs on the device (as the engine). */
  const oneStep = (returnCost: boolean): tf.Scalar | null => {
    const idx = tf.tensor1d(batches.next(), 'int32');
    const x = tf.gather(xAll, idx);
    const y = tf.gather(yAll, idx);
    const cost = optimizer.minimize(() => loss(x, y), returnCost, variables);
    tf.dispose([idx, x, y]);
    return cost;
  };

  return {
    hidden,
    heads,
    parameterCount: variables.reduce((n, v) => n + v.size, 0),
    loss,
    taskLosses: (x, y) => tf.tidy(() => tf.stack(perTask(x, y)) as tf.Tensor1D),
    async step(n) {
      for (let i = 0; i < n - 1; i++) oneStep(false);
      const cost = oneStep(true) as tf.Scalar;
      try {
        return (await cost.data())[0] as number;
      } finally {
        cost.dispose();
      }
    },
    stepUnfenced(n) {
      for (let i = 0; i < n; i++) oneStep(false);
    },
    dispose() {
      optimizer.dispose();
      tf.dispose([xAll, yAll, ...variables]);
    },
  };
}
