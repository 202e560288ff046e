/**
 * Gradient statistics for reports, computed on the device from G [R, T, P]: per-task norms, the pairwise
 * cosine-similarity matrix on all shared parameters and on each shared layer. Read back with everything
 * else in one `data()` call by the trainer.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Where a shared layer's segments sit in θ (train/model.ts SharedLayer has this shape). */
export interface LayerRanges {
  ranges: readonly { offset: number; size: number }[];
}

/** Cosine matrix [R, T, T] of the rows of g [R, T, P]; a zero gradient has cosine 0 with everything. */
export function cosineMatrix(g: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const gram = tf.matMul(g, g, false, true);
    const norms = tf.sqrt(tf.sum(tf.square(g), 2));
    const outer = tf.mul(norms.expandDims(2), norms.expandDims(1));
    return tf.div<tf.Tensor3D>(gram, tf.maximum(outer, 1e-20));
  });
}

export interface GradientStatTensors {
  /** [R, T] */
  norms: tf.Tensor2D;
  /** [R, T, T] */
  cosine: tf.Tensor3D;
  /** per shared layer, [R, T, T] */
  layerCosine: tf.Tensor3D[];
  /** per shared layer, ‖g_t‖ on that layer's segments [R, T] (where in the network the magnitudes differ) */
  layerNorms: tf.Tensor2D[];
}

export function gradientStats(g: tf.Tensor3D, layers: readonly LayerRanges[]): GradientStatTensors {
  return tf.tidy(() => {
    const layerGrads = layers.map((layer) => {
      const parts = layer.ranges.map((r) => g.slice([0, 0, r.offset], [-1, -1, r.size]));
      return (parts.length === 1 ? parts[0] : tf.concat(parts, 2)) as tf.Tensor3D;
    });
    return {
      norms: tf.sqrt<tf.Tensor2D>(tf.sum(tf.square(g), 2)),
      cosine: cosineMatrix(g),
      layerCosine: layerGrads.map(cosineMatrix),
      layerNorms: layerGrads.map((gl) => tf.sqrt<tf.Tensor2D>(tf.sum(tf.square(gl), 2))),
    };
  });
}

/** Share of distinct task pairs whose gradients conflict (cosine < 0), from a T x T matrix. */
export function conflictShare(cosine: number[][]): number {
  let pairs = 0;
  let conflicts = 0;
  for (let i = 0; i < cosine.length; i++) {
    for (let j = i + 1; j < cosine.length; j++) {
      pairs++;
      if ((cosine[i]?.[j] ?? 0) < 0) conflicts++;
    }
  }
  return pairs ? conflicts / pairs : 0;
}
