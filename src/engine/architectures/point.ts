/**
 * The "model" of an objective suite whose parameters are the point θ itself, such as the two-objective toy
 * of Liu et al., "Conflict-Averse Gradient Descent for Multi-task Learning" (CAGrad), NeurIPS 2021. It only
 * describes θ's layout (one segment); the trainer puts the suite's start points in it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { ParamLayout } from './layout';
import { at } from './ops';
import { pointCard } from './point.card';

export const point = implementArchitecture(pointCard, {
  build(_p, ctx) {
    const layout = new ParamLayout();
    // Zeros: the trainer replaces θ with the suite's start points.
    layout.addShared('theta', 'theta', [ctx.inputDim], new Float32Array(ctx.inputDim));
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      forward(args) {
        const theta = at(args.shared, 0, 'theta');
        const [copies] = theta.shape;
        const batch = args.x.shape[1];
        // [S, D] -> [T, B, D]: copy t for task t (S = T) or copy 0 for all (S = 1); add's gradient sums.
        const out = tf.add(
          theta.reshape([copies ?? 1, 1, ctx.inputDim]),
          tf.zeros([ctx.numTasks, batch, ctx.inputDim]),
        );
        return out as tf.Tensor3D;
      },
    };
  },
});
