/** One kernel test case (testing.ts runs them on every backend). */
import type * as tf from '@tensorflow/tfjs-core';

export interface KernelCase {
  name: string;
  /** Pairs [fused, composed] to compare (kept; the runner disposes them). */
  run(): [tf.Tensor, tf.Tensor][];
  exact?: boolean;
}
