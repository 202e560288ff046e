/**
 * Task FiLM (film.card.ts): Perez et al., "FiLM: Visual Reasoning with a General Conditioning Layer", AAAI
 * 2018, conditioned on the task as in CA-MTL (Pilault, Elhattami and Pal, ICLR 2021). Every hidden layer has
 * shared weights W_l, b_l (in θ) and each task its own γ_t,l, β_t,l ∈ R^w (task-specific, stacked [T, w]):
 *   h_t,l = act(γ_t,l ⊙ (h_t,l-1 W_l + b_l) + β_t,l).
 * The modulation sits between the affine map and the nonlinearity, where the paper's residual blocks put it
 * (after batch normalisation, before the ReLU). FiLM predicts γ, β from the conditioning input with a
 * generator network; a task id as input makes that generator a lookup table, so γ_t, β_t are plain
 * parameters here. They start at γ = 1, β = 0: training starts from the shared-bottom net with the same
 * weights (layer-sharing with every layer shared draws the same initial values). Each task's stream is its
 * own from the first modulation on, so the shared weights above it meet task-specific features and there is
 * no shared representation (as for LoRA).
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { filmCard } from './film.card';
import { ParamLayout } from './layout';
import { activate, addDense, addHeads, applyLayers, param, type DenseRef } from './mlp';
import { at, bmm } from './ops';

export const film = implementArchitecture(filmCard, {
  build(p, ctx) {
    const T = ctx.numTasks;
    const rng = ctx.rng;
    const layout = new ParamLayout();
    let fanIn = ctx.inputDim;
    const layers: { dense: DenseRef; gamma: number; beta: number }[] = p.widths.map((width, i) => {
      const name = `layer${i + 1}`;
      const dense = addDense(layout, rng, {
        name,
        layer: `layer ${i + 1}`,
        fanIn,
        fanOut: width,
        activation: p.activation,
      });
      const gamma = layout.addTask(`${name}.gamma`, [T, width], new Float32Array(T * width).fill(1));
      const beta = layout.addTask(`${name}.beta`, [T, width], new Float32Array(T * width));
      fanIn = width;
      return { dense, gamma, beta };
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn, outputDim: ctx.outputDim });
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      forward(args) {
        const task = (i: number) => at(args.taskParams, i, 'FiLM parameter').expandDims(1); // [T, 1, w]
        let h: tf.Tensor = args.x; // [Sx, B, D], then [T, B, w]
        for (const { dense, gamma, beta } of layers) {
          const z = tf.add(
            bmm(h, param(args, dense.kernel), { constantA: h === args.x }),
            param(args, dense.bias).expandDims(1),
          );
          h = activate(tf.add(tf.mul(z, task(gamma)), task(beta)), dense.activation);
        }
        return applyLayers(h, heads, args) as tf.Tensor3D;
      },
    };
  },
});
