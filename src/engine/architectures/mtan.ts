/**
 * Multi-Task Attention Network (MTAN): Liu, Johns and Davison, "End-to-End Multi-Task Learning with
 * Attention", CVPR 2019, as an MLP. A shared trunk h_l = act(h_{l-1} W_l + b_l) (in θ); each task has an
 * attention module per trunk layer that turns the shared features into a soft mask and keeps
 *   a_t,l = m_t,l ⊙ h_l,   m_t,l = sigmoid([h_l, a_t,l-1] V_t,l + c_t,l)   (task-specific V, c),
 * the first module seeing h_1 alone; task t's head reads a_t,L. This is the paper's eq. 1 with its 1×1
 * conv pair g, h replaced by one dense layer, and u = p = h_l (one dense layer has one block where the
 * paper's ResNet/SegNet layer has several). The paper's shared block f between attention modules (which
 * matches resolutions and channels) is left out: the dense attention already maps between widths.
 * Masks at 1 give the shared-bottom net. The shared representation is the trunk's outputs [h_1, ..., h_L]:
 * the probe is added where the task branches read them (not on the trunk itself), so its gradient is each
 * task's ∂L_t/∂h_l.
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyDense, applyLayers, initKernel, type DenseRef } from './mlp';
import { mtanCard } from './mtan.card';
import { at, bmm } from './ops';

interface Attention {
  /** [T, w_l, w_l]: reads the shared features h_l. */
  shared: number;
  /** [T, w_{l-1}, w_l]: reads the task's previous attended features (absent at layer 1). */
  previous?: number;
  /** [T, w_l] */
  bias: number;
}

export const mtan = implementArchitecture(mtanCard, {
  build(p, ctx) {
    const T = ctx.numTasks;
    const rng = ctx.rng;
    const layout = new ParamLayout();
    let fanIn = ctx.inputDim;
    const trunk: DenseRef[] = p.widths.map((width, i) => {
      const spec = { name: `layer${i + 1}`, layer: `layer ${i + 1}`, fanIn, fanOut: width };
      fanIn = width;
      return addDense(layout, rng, { ...spec, activation: p.activation });
    });
    // Glorot over the concatenated input [h_l, a_t,l-1] (the mask is a sigmoid), drawn per part.
    const attention: Attention[] = p.widths.map((width, i) => {
      const before = i > 0 ? p.widths[i - 1] : undefined;
      const inputs = width + (before ?? 0);
      const kernel = (part: string, rows: number) =>
        layout.addTask(
          `attention${i + 1}.${part}`,
          [T, rows, width],
          initKernel(rng, T * rows * width, inputs, width, 'sigmoid'),
        );
      const shared = kernel('shared', width);
      const previous = before === undefined ? undefined : kernel('previous', before);
      const bias = layout.addTask(`attention${i + 1}.bias`, [T, width], new Float32Array(T * width));
      return { shared, bias, ...(previous === undefined ? {} : { previous }) };
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn, outputDim: ctx.outputDim });
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      representationSize: p.widths.reduce((a, b) => a + b, 0),
      forward(args) {
        const task = (i: number) => at(args.taskParams, i, 'attention parameter');
        const probes = args.probe ? tf.split(args.probe, p.widths, 2) : [];
        let h: tf.Tensor = args.x;
        let attended: tf.Tensor | undefined;
        trunk.forEach((ref, i) => {
          h = applyDense(h, ref, args); // [S', B, w]: the trunk continues from the unprobed features
          const att = attention[i] as Attention;
          const seen = probes[i] ? tf.add(h, probes[i]) : h;
          let logits = tf.add(bmm(seen, task(att.shared)), task(att.bias).expandDims(1)); // [T, B, w]
          if (attended && att.previous !== undefined)
            logits = tf.add(logits, bmm(attended, task(att.previous)));
          attended = tf.mul(tf.sigmoid(logits), seen);
        });
        return applyLayers(attended ?? h, heads, args) as tf.Tensor3D;
      },
    };
  },
});
