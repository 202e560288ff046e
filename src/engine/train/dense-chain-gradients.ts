/**
 * Every task's gradient of a dense-layer chain (layer-sharing: architectures/types.ts DenseChain) from ONE
 * forward pass and ONE batched backward pass, written by hand instead of taken from tfjs's tape.
 *
 * Why: the stacked strategy (task-grads.ts) copies θ T times so that one autodiff backward yields T
 * gradients, which runs the shared trunk T times and records ~2x the kernels a hand-written pass needs
 * (tape bookkeeping, custom-gradient broadcasts, slices of the tiled θ and their padded gradients). Here
 * the trunk runs once and only the cotangents carry the task axis:
 *
 *   forward   h₀ = x,  h_{l+1} = f_l(h_l W_l + b_l)                 ([1 or T, B, ·]: shared until a task layer)
 *   backward  c = ∂L_t/∂out for every task t at once                 ([T, B, O], task t's row from L_t alone)
 *             z̄ = c ⊙ f_l'(h_{l+1});  ∂W_l = h_lᵀ z̄;  ∂b_l = Σ_B z̄;  c ← z̄ W_lᵀ  (never for l = 0: x is data)
 *
 * Row t of ∂W_l is ∇ L_t for a shared layer (G's row t) and task t's own gradient for a task layer, exactly
 * what the stacked strategy returns; chain-gradients.test.ts checks that to 1e-5 on every mask, activation,
 * loss kind and sampling weight. Derivatives through the activation's output: relu' = [h > 0],
 * tanh' = 1 − h², sigmoid' = h(1 − h), elu' = h > 0 ? 1 : h + 1 (kernels/activation-grad.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { sizeOf, unpackShared } from '../architectures/layout';
import type { DenseRef, ParamRef } from '../architectures/types';
import { activate } from '../architectures/mlp';
import type { Activation } from '../architectures/specs';
import { activationGrad } from '../kernels/activation-grad';
import { taskLossAndGrad } from '../kernels/task-loss';
import type { Batch } from './batches';
import { fusedChainGradients } from './fused-chain-gradients';
import { groupMatMul } from './seed-batch-matmul';
import type { ChainNetwork, TaskGradients } from './model';

/** tf.fused.matMul folds the bias and these activations into the product: one kernel per layer. */
const FUSABLE: ReadonlySet<Activation> = new Set(['linear', 'relu', 'sigmoid', 'elu']);

/**
 * act(h W + b) for a kernel [1 or T, in, out] and a bias [1 or T, out], in one kernel where the backend
 * allows. WASM's fused product takes only a bias whose STORED data is rank 1 (it reads the shape the data
 * was created with, so a reshaped [1, out] segment of θ is refused): there, the bias and the activation
 * are separate kernels, which cost little on a CPU.
 */
export function denseForward(
  h: tf.Tensor3D,
  kernel: tf.Tensor3D,
  bias: tf.Tensor,
  activation: Activation,
): tf.Tensor3D {
  const [copies = 1, out = 1] = bias.shape;
  const bias3d = bias.reshape([copies, 1, out]);
  if (tf.getBackend() === 'wasm')
    return activate(tf.add(productOnWasm(h, kernel), bias3d), activation) as tf.Tensor3D;
  if (!FUSABLE.has(activation))
    return activate(tf.add(tf.matMul(h, kernel), bias3d), activation) as tf.Tensor3D;
  const fused = activation as 'linear' | 'relu' | 'sigmoid' | 'elu';
  return tf.fused.matMul({ a: h, b: kernel, bias: bias3d, activation: fused }) as tf.Tensor3D;
}

/**
 * h W on WASM. A shared input [1, B, in] meeting every task's kernel [T, in, out] (a task layer right
 * after the trunk) broadcasts, which tfjs-wasm runs as a plain loop: there it is one XNNPACK product of
 * the kernels side by side, [B, in] x [in, T·out] (MultiMNIST's heads, 128 x 128 x 2·10: 292 µs in the
 * loop). Narrow outputs (the default experiment's 32 → 1 heads) keep the loop, which wins there.
 */
function productOnWasm(h: tf.Tensor3D, kernel: tf.Tensor3D): tf.Tensor3D {
  const [copies = 1, B = 1, inner = 1] = h.shape;
  const [T = 1, , out = 1] = kernel.shape;
  if (copies !== 1 || T === 1 || out < 8 || inner < 8) return tf.matMul(h, kernel);
  const sideBySide = tf.transpose(kernel, [1, 0, 2]).reshape([inner, T * out]);
  const product = tf.matMul(h.reshape([B, inner]), sideBySide).reshape([B, T, out]);
  return tf.transpose(product, [1, 0, 2]) as tf.Tensor3D;
}

/**
 * dz Wᵀ for every task: [T, B, out] x [1 or T, in, out]ᵀ. On WASM a shared kernel's product is made one
 * batch-1 product without a transpose ([1, T·B, out] x [1, out, in]), the only shape tfjs-wasm hands to
 * XNNPACK's SIMD kernels; the broadcast, transposed product runs a plain loop several times slower
 * (docs/benchmarks.md, seeds side by side); a task layer's, one grouped product (seed-batch-matmul.ts:
 * MultiMNIST's heads, [2, 128, 10] x [2, 128, 10]ᵀ, 385 µs in the loop). Elsewhere the one broadcasting
 * product.
 */
export function cotangentBelow(dz: tf.Tensor, kernel: tf.Tensor3D): tf.Tensor3D {
  const [T = 1, B = 1, out = 1] = dz.shape;
  const [copies = 1, inner = 1] = kernel.shape;
  if (tf.getBackend() !== 'wasm') return tf.matMul(dz, kernel, false, true);
  // A task layer's kernels [T, in, out]: one product per task on XNNPACK where that pays.
  if (copies !== 1) return groupMatMul(dz as tf.Tensor3D, kernel, false, true);
  const product = tf.matMul(dz.reshape([1, T * B, out]), tf.transpose(kernel, [0, 2, 1]));
  return product.reshape([T, B, inner]);
}

/**
 * ∂W = hᵀ dz for every task: h [1 or T, B, in] (the layer's input), dz [T, B, out] → [T, in, out].
 * On WASM the broadcast, transposed product runs tfjs-wasm's plain loop (as cotangentBelow's would): for a
 * shared layer it is one batch-1 product on XNNPACK instead, hᵀ [in, B] times every task's dz side by
 * side [B, T·out], then [in, T, out] → [T, in, out]. Measured in Node (µs per call, loop vs this):
 * MultiMNIST's first layer (B 128, 784 → 256, T 2) 51,359 vs 3,718; 256 → 128: 8,070 vs 730; the
 * default experiment's 32 → 32 (B 64) 171 vs 130. Below 8 inputs or outputs the three transposes cost
 * more than they save (2 → 32: 23 vs 37; 32 → 1: 9 vs 26), so the loop stays. Task layers ([T, B, in])
 * take the grouped product the seed batch uses (seed-batch-matmul.ts), which decides the same way.
 */
export function weightGradient(h: tf.Tensor3D, dz: tf.Tensor3D): tf.Tensor3D {
  const [copies = 1, B = 1, inner = 1] = h.shape;
  const [T = 1, , out = 1] = dz.shape;
  if (tf.getBackend() !== 'wasm') return tf.matMul(h, dz, true, false);
  if (copies === T) return groupMatMul(h, dz, true, false);
  if (copies !== 1 || inner < 8 || out < 8) return tf.matMul(h, dz, true, false);
  return tf.tidy(() => {
    const hT = tf.transpose(h.reshape([B, inner]));
    const sideBySide = tf.transpose(dz, [1, 0, 2]).reshape([B, T * out]);
    const product = tf.matMul(hT, sideBySide).reshape([inner, T, out]);
    return tf.transpose(product, [1, 0, 2]) as tf.Tensor3D;
  });
}

/** The network the hand-written pass runs (declared in model.ts, which the models expose it from). */
export type { ChainNetwork };

/**
 * Whether the chain covers every parameter exactly once (else the hand-written backward would miss one
 * and the trainer must use autodiff).
 */
export function chainCoversParameters(net: Omit<ChainNetwork, 'lossKinds'>): boolean {
  const refs = net.chain.layers.flatMap((l) => [l.kernel, l.bias]);
  const count = (role: ParamRef['role'], n: number) =>
    Array.from({ length: n }, (_, i) => refs.filter((r) => r.role === role && r.index === i).length);
  return (
    refs.length === net.shared.length + net.taskParams.length &&
    count('shared', net.shared.length).every((c) => c === 1) &&
    count('task', net.taskParams.length).every((c) => c === 1)
  );
}

/**
 * Every task's gradient of the chain: on WebGPU the fused kernels (fused-chain-gradients.ts: 6 dispatches
 * for the default experiment where the composition takes ~20) wherever their plan applies, else the
 * composition of tfjs ops below.
 */
export function chainTaskGradients(
  net: ChainNetwork,
  theta: tf.Tensor2D,
  taskVars: readonly tf.Tensor[],
  batch: Batch,
  withRepresentation: boolean,
): TaskGradients {
  if (!withRepresentation && tf.getBackend() === 'webgpu') {
    const fused = fusedChainGradients(net, theta, taskVars, batch);
    if (fused) return fused;
  }
  return composedChainGradients(net, theta, taskVars, batch, withRepresentation);
}

/** The composition of tfjs ops: one forward, one hand-written batched backward (the header says how). */
export function composedChainGradients(
  net: ChainNetwork,
  theta: tf.Tensor2D,
  taskVars: readonly tf.Tensor[],
  batch: Batch,
  withRepresentation: boolean,
): TaskGradients {
  return tf.tidy(() => {
    const T = net.lossKinds.length;
    // Kernels as [1 or T, in, out] and biases as [1 or T, 1, out], so one broadcasting product serves both roles.
    const segments = unpackShared(theta, net.shared);
    const tensorOf = (ref: ParamRef): tf.Tensor =>
      (ref.role === 'shared' ? segments[ref.index] : taskVars[ref.index]) as tf.Tensor;
    const kernelOf = (layer: DenseRef) => tensorOf(layer.kernel) as tf.Tensor3D;

    const outputs: tf.Tensor3D[] = [batch.x];
    for (const layer of net.chain.layers) {
      const h = outputs[outputs.length - 1] as tf.Tensor3D;
      outputs.push(denseForward(h, kernelOf(layer), tensorOf(layer.bias), layer.activation));
    }

    const pred = outputs[outputs.length - 1] as tf.Tensor3D;
    const { losses, grad } = taskLossAndGrad(pred, batch.y, net.lossKinds, batch.weights);

    const grads = new Map<ParamRef, tf.Tensor>();
    let representation: tf.Tensor | undefined;
    let cotangent: tf.Tensor = grad; // ∂L_t/∂h_{l+1} for every task: [T, B, width]
    for (let l = net.chain.layers.length - 1; l >= 0; l--) {
      const layer = net.chain.layers[l] as DenseRef;
      if (withRepresentation && l === net.chain.representationDepth - 1) representation = cotangent;
      const dz = activationGrad(cotangent, outputs[l + 1] as tf.Tensor, layer.activation);
      grads.set(layer.kernel, weightGradient(outputs[l] as tf.Tensor3D, dz as tf.Tensor3D));
      grads.set(layer.bias, tf.sum(dz, 1));
      if (l > 0) cotangent = cotangentBelow(dz, kernelOf(layer));
    }

    const gradOf = (role: ParamRef['role'], index: number): tf.Tensor => {
      for (const [ref, g] of grads) if (ref.role === role && ref.index === index) return g;
      throw new Error(`the dense chain does not reach ${role} parameter ${index}`);
    };
    const sharedRows = net.shared.map((s, i) => gradOf('shared', i).reshape([T, sizeOf(s.shape)]));
    const shared =
      sharedRows.length === 0
        ? tf.zeros<tf.Rank.R3>([1, T, 0])
        : (sharedRows.length === 1
            ? (sharedRows[0] as tf.Tensor)
            : tf.concat(sharedRows, 1)
          ).reshape<tf.Tensor3D>([1, T, -1]);
    const taskParams = net.taskParams.map((p, i) => gradOf('task', i).reshape(p.shape));
    return {
      losses: losses.reshape<tf.Tensor2D>([1, T]),
      shared,
      taskParams,
      ...(representation ? { representation: representation.reshape<tf.Tensor3D>([1, T, -1]) } : {}),
    };
  });
}
