import * as tf from '@tensorflow/tfjs-core';
import { variableFrom } from '../variables';

/** Shared learning-rate handling: a scalar variable read by every update. */
export class LearningRate {
  readonly value: tf.Variable<tf.Rank.R0>;
  constructor(lr: number) {
    this.value = variableFrom(() => tf.scalar(lr));
  }
  set(lr: number): void {
    tf.tidy(() => this.value.assign(tf.scalar(lr)));
  }
  dispose(): void {
    this.value.dispose();
  }
}
