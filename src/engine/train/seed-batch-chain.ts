/**
 * Every task's gradient for R seeds at once: dense-chain-gradients.ts's one forward and one hand-written
 * backward pass, with a replica axis in front of the task axis. Seed r's parameters are row r of θ [R, P]
 * and slice r of every task-specific tensor [R, T, ...]; its batch is rows r·T … r·T + T − 1 of the inputs.
 *
 * Every stream carries the combined axis R·T from the start (seed-batch-data.ts gathers a shared-input
 * batch once per task), so no tensor ever broadcasts across replicas:
 *
 *   shared layer   h [R·T, B, in] viewed as [R, T·B, in] times W [R, in, out]: each seed's kernel meets
 *                  only its own T·B rows; the cotangent goes back the same way, dz [R, T·B, out] W_rᵀ
 *   task layer     h [R·T, B, in] times W [R·T, in, out]: one kernel per (seed, task), as in one run
 *   gradients      ∂W = hᵀ dz per (seed, task) [R·T, in, out]: a shared layer's rows are G's rows of seed r
 *
 * The trunk of a shared-input network is computed T times per seed (one run computes it once): that saves
 * a broadcast in every backward kernel, and the alternative (a [R, B, ·] stream tiled to [R·T, B, ·] for
 * the backward pass) measured slower on WASM, whose Tile kernel is slow. On tfjs's plain-JS CPU backend the
 * extra trunk is ~17% more arithmetic per seed, which is why batching there is no faster than one by one.
 * Each row of every product is the same sum as in a one-seed run: the numbers are a run's to rounding.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sizeOf, unpackShared } from '../architectures/layout';
import type { DenseRef, ParamRef } from '../architectures/types';
import { activationGrad } from '../kernels/activation-grad';
import { taskLossAndGrad } from '../kernels/task-loss';
import type { ChainNetwork } from './dense-chain-gradients';
import { denseForward } from './dense-chain-gradients';
import { activate } from '../architectures/mlp';
import type { Activation } from '../architectures/specs';
import { groupMatMul } from './seed-batch-matmul';
import type { TaskGradients } from './model';

/** R seeds' batches: inputs and targets [R·T, B, ·] (seed-major), slot weights [R·T, B] when they vary. */
export interface ReplicaBatch {
  x: tf.Tensor3D;
  y: tf.Tensor3D;
  weights?: tf.Tensor2D;
}

export class ReplicaChain {
  private readonly tasks: number;
  /** Every row's loss kind: the tasks' kinds, once per seed. */
  private readonly rowKinds: ChainNetwork['lossKinds'];

  constructor(
    private readonly net: ChainNetwork,
    readonly replicas: number,
  ) {
    this.tasks = net.lossKinds.length;
    this.rowKinds = Array.from({ length: replicas }, () => net.lossKinds).flat();
  }

  /**
   * losses [R, T], G [R, T, P], task-specific gradients [R, T, ...] (task t's slice from L_t alone) and,
   * when asked, the gradients of the shared representation [R, T, B·Z].
   */
  gradients(
    theta: tf.Tensor2D,
    taskVars: readonly tf.Tensor[],
    batch: ReplicaBatch,
    withRepresentation: boolean,
  ): TaskGradients {
    const { net, replicas: R, tasks: T } = this;
    return tf.tidy(() => {
      const segments = unpackShared(theta, net.shared);
      // Task-specific tensors [R, T, ...] as [R·T, ...]: one slice per (seed, task), like [T, ...] in one run.
      const flatTask = taskVars.map((v) => v.reshape([R * T, ...v.shape.slice(2)]));
      const tensorOf = (ref: ParamRef): tf.Tensor =>
        (ref.role === 'shared' ? segments[ref.index] : flatTask[ref.index]) as tf.Tensor;

      const outputs: tf.Tensor3D[] = [batch.x];
      for (const layer of net.chain.layers) {
        const h = outputs[outputs.length - 1] as tf.Tensor3D;
        outputs.push(this.forward(h, layer, tensorOf));
      }

      const pred = outputs[outputs.length - 1] as tf.Tensor3D;
      const { losses, grad } = taskLossAndGrad(pred, batch.y, this.rowKinds, batch.weights);

      const grads = new Map<ParamRef, tf.Tensor>();
      let representation: tf.Tensor | undefined;
      let cotangent: tf.Tensor3D = grad; // ∂L/∂h_{l+1} for every (seed, task): [R·T, B, width]
      for (let l = net.chain.layers.length - 1; l >= 0; l--) {
        const layer = net.chain.layers[l] as DenseRef;
        if (withRepresentation && l === net.chain.representationDepth - 1) representation = cotangent;
        const dz = activationGrad(cotangent, outputs[l + 1] as tf.Tensor, layer.activation) as tf.Tensor3D;
        grads.set(layer.kernel, groupMatMul(outputs[l] as tf.Tensor3D, dz, true, false));
        grads.set(layer.bias, tf.sum(dz, 1));
        if (l > 0) cotangent = this.backward(dz, layer, tensorOf);
      }

      const gradOf = (role: ParamRef['role'], index: number): tf.Tensor => {
        for (const [ref, g] of grads) if (ref.role === role && ref.index === index) return g;
        throw new Error(`the dense chain does not reach ${role} parameter ${index}`);
      };
      const sharedRows = net.shared.map((s, i) => gradOf('shared', i).reshape([R, T, sizeOf(s.shape)]));
      const shared =
        sharedRows.length === 0
          ? tf.zeros<tf.Rank.R3>([R, T, 0])
          : sharedRows.length === 1
            ? (sharedRows[0] as tf.Tensor3D)
            : tf.concat<tf.Tensor3D>(sharedRows as tf.Tensor3D[], 2);
      return {
        losses: losses.reshape<tf.Tensor2D>([R, T]),
        shared,
        taskParams: net.taskParams.map((p, i) => gradOf('task', i).reshape([R, ...p.shape])),
        ...(representation ? { representation: representation.reshape<tf.Tensor3D>([R, T, -1]) } : {}),
      };
    });
  }

  /** act(h W + b) for one layer: a shared kernel [R, in, out] meets its seed's T·B rows at once. */
  private forward(h: tf.Tensor3D, layer: DenseRef, tensorOf: (ref: ParamRef) => tf.Tensor): tf.Tensor3D {
    const kernel = tensorOf(layer.kernel) as tf.Tensor3D;
    const bias = tensorOf(layer.bias);
    if (layer.kernel.role === 'task') return dense(h, kernel, bias, layer.activation);
    const [rows = 0, batch = 0, width = 0] = h.shape;
    const perSeed = h.reshape<tf.Tensor3D>([this.replicas, (rows / this.replicas) * batch, width]);
    const out = dense(perSeed, kernel, bias, layer.activation);
    return out.reshape<tf.Tensor3D>([rows, batch, kernel.shape[2]]);
  }

  /** The cotangent of a layer's input, dz Wᵀ, per (seed, task). */
  private backward(dz: tf.Tensor3D, layer: DenseRef, tensorOf: (ref: ParamRef) => tf.Tensor): tf.Tensor3D {
    const kernel = tensorOf(layer.kernel) as tf.Tensor3D;
    if (layer.kernel.role === 'task') return groupMatMul(dz, kernel, false, true);
    const [rows = 0, batch = 0, width = 0] = dz.shape;
    const perSeed = dz.reshape<tf.Tensor3D>([this.replicas, (rows / this.replicas) * batch, width]);
    return groupMatMul(perSeed, kernel, false, true).reshape<tf.Tensor3D>([rows, batch, kernel.shape[1]]);
  }
}

/**
 * act(h W + b): a run's dense step (dense-chain-gradients.ts denseForward), except that on WASM, where
 * that step is a plain product, bias and activation anyway, the product is seed-batch-matmul.ts's.
 */
function dense(h: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor, activation: Activation): tf.Tensor3D {
  if (tf.getBackend() !== 'wasm') return denseForward(h, kernel, bias, activation);
  const [copies = 1, out = 1] = bias.shape;
  return activate(tf.add(groupMatMul(h, kernel), bias.reshape([copies, 1, out])), activation) as tf.Tensor3D;
}
