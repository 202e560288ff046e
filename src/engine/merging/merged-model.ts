/**
 * The merged models of a merging run: every method's merge of the specialists (plain arrays), their
 * scores, and the chosen one on the device for predictions (refreshed when the specialists have moved).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../config/types';
import type { Model } from '../train/model';
import { variableFrom } from '../variables';
import { evaluateParams } from './evaluate';
import { MERGE_METHODS, mergeParams, type MergeMethod } from './registry';
import type { Score } from './report';
import { specialistHeads, type ModelParams } from './specialist-params';

export interface MergeScores {
  /** Per method (MERGE_METHODS order), per task, on the test split. */
  test: Score[][];
  /** The chosen method's per-task scores on the train split. */
  train: Score[];
}

export class MergedModel {
  private readonly theta: tf.Variable<tf.Rank.R2>;
  private readonly heads: tf.Variable[];
  private at = -1;

  constructor(
    private readonly model: Model,
    private readonly method: MergeMethod,
  ) {
    this.theta = variableFrom(() =>
      tf.tensor2d(model.initialShared.slice(0, model.numShared), [1, model.numShared]),
    );
    this.heads = model.taskParams.map((p) => variableFrom(() => tf.tensor(p.init, p.shape)));
  }

  isAt(step: number): boolean {
    return this.at === step;
  }

  /** Merge with every method, keep the chosen one on the device, and score them (unless `score` is false). */
  async refresh(
    theta0: Float32Array,
    specialists: readonly ModelParams[],
    config: ExperimentConfig,
    step: number,
  ): Promise<MergeScores>;
  async refresh(
    theta0: Float32Array,
    specialists: readonly ModelParams[],
    config: ExperimentConfig,
    step: number,
    score: false,
  ): Promise<null>;
  async refresh(
    theta0: Float32Array,
    specialists: readonly ModelParams[],
    config: ExperimentConfig,
    step: number,
    score = true,
  ): Promise<MergeScores | null> {
    const heads = specialistHeads(specialists, this.model.taskParams);
    const thetas = specialists.map((s) => s.theta);
    const chosen = config.merging ?? { id: this.method.card.id, params: {} };
    const merges = MERGE_METHODS.map((m) => ({
      theta: m.merge(theta0, thetas, mergeParams(m, chosen)),
      heads,
    }));
    const mine = merges[MERGE_METHODS.indexOf(this.method)] as ModelParams;
    tf.tidy(() => {
      this.theta.assign(tf.tensor2d(mine.theta, [1, mine.theta.length]));
      this.heads.forEach((v, i) => v.assign(tf.tensor(mine.heads[i] as Float32Array, v.shape)));
    });
    this.at = step;
    if (!score) return null;
    const test = await evaluateParams(this.model, merges, 'test');
    const [train] = await evaluateParams(this.model, [mine], 'train');
    return { test, train: train as Score[] };
  }

  /** The chosen merge's outputs [T, N, O] for N inputs. */
  async predict(inputs: Float32Array, count: number, suite: string): Promise<Float32Array> {
    const predict = this.model.predict;
    if (!predict) throw new Error(`the '${suite}' suite has no inputs to predict on`);
    const out = tf.tidy(() =>
      predict(this.theta, this.heads, tf.tensor3d(inputs, [1, count, inputs.length / count])),
    );
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
  }

  dispose(): void {
    tf.dispose([this.theta, ...this.heads]);
  }
}
