import * as tf from '@tensorflow/tfjs';

/** Shared learning-rate handling: a scalar variable read by every update. */
export class LearningRate {
  readonly value: tf.Variable<tf.Rank.R0>;
  constructor(lr: number) {
    this.value = tf.variable(tf.scalar(lr), false);
  }
  set(lr: number): void {
    tf.tidy(() => this.value.assign(tf.scalar(lr)));
  }
  dispose(): void {
    this.value.dispose();
  }
}
