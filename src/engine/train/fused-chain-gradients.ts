/**
 * Every task's gradient of a dense chain in 3 + 1 + (task tensors) dispatches on WebGPU, where the
 * composition of tfjs ops (dense-chain-gradients.ts) takes ~20 for the default experiment (a SplitV of θ
 * into its segments, a product per layer forward, the loss and its gradient, and per layer an activation
 * gradient, two products, a sum, then a Concat of G): on a GPU a small model's step costs dispatches, not
 * arithmetic (docs/architecture.md, measured facts). The kernels (kernels/chain/):
 *
 *   MtlChainForward     every layer's outputs, one workgroup per (task, sample) row, θ read by offset
 *   MtlChainLoss        the tasks' losses from the predictions inside that buffer
 *   MtlChainBackward    every layer's z̄ for every task, one workgroup per row
 *   MtlChainParamGrads  G [T, P] in θ's order, then each task tensor's gradient
 *
 * Same results as chainTaskGradients to float32 rounding (fused-chain-gradients.test.ts on cpu, the
 * kernels page on WebGPU). Returns null where the plan does not apply (chain-plan.ts says why) or the
 * backend has no kernels of ours (webgl): the caller then composes tfjs ops. Not used for the representation's gradient (probe methods) nor on cpu/wasm, where
 * tfjs's products (XNNPACK on wasm) beat one JS loop per row.
 */
import * as tf from '@tensorflow/tfjs-core';
import { CHAIN_BACKWARD } from '../kernels/chain/chain-backward';
import { KERNEL_SLOTS, TASK_SLOTS } from '../kernels/chain/chain-code';
import { CHAIN_FORWARD } from '../kernels/chain/chain-forward';
import { CHAIN_LOSS } from '../kernels/chain/chain-loss';
import { CHAIN_PARAM_GRADS } from '../kernels/chain/chain-param-grads';
import { chainPlan, type ChainPlan } from '../kernels/chain/chain-plan';
import { fusedAvailable, runFused } from '../kernels/fused-kernel';
import type { Batch } from './batches';
import type { ChainNetwork, TaskGradients } from './model';

/** Plans per network and batch shape, as the kernels' attribute text (or why there is none). */
type PlanEntry = { plan: ChainPlan; text: string } | string;
const plans = new WeakMap<ChainNetwork, Map<string, PlanEntry>>();

export function planFor(net: ChainNetwork, batch: Batch): PlanEntry {
  const key = `${batch.x.shape.join()};${batch.y.shape.join()};${batch.weights ? 1 : 0}`;
  let byShape = plans.get(net);
  if (!byShape) plans.set(net, (byShape = new Map<string, PlanEntry>()));
  let entry = byShape.get(key);
  if (entry === undefined) {
    const plan = chainPlan(net, { x: batch.x.shape, y: batch.y.shape, weighted: Boolean(batch.weights) });
    entry = typeof plan === 'string' ? plan : { plan, text: JSON.stringify(plan) };
    byShape.set(key, entry);
  }
  return entry;
}

/** The fused pass on any backend with the kernels (cpu and wasm run their JS: the Node tests' reference). */
export function fusedChainGradients(
  net: ChainNetwork,
  theta: tf.Tensor2D,
  taskVars: readonly tf.Tensor[],
  batch: Batch,
): TaskGradients | null {
  if (!fusedAvailable()) return null;
  const entry = planFor(net, batch);
  if (typeof entry === 'string' || theta.shape[0] !== 1) return null;
  const { plan, text } = entry;
  const attrs = { plan: text };
  return tf.tidy(() => {
    const run = (def: Parameters<typeof runFused>[0], inputs: Record<string, tf.Tensor>, extra = {}) => {
      const out = runFused(def, inputs, { ...attrs, ...extra });
      if (!out) throw new Error(`fused chain: ${def.name} has no kernel on ${tf.getBackend()}`);
      return out;
    };
    // Unused input slots are bound to θ: every backend binds the same inputs.
    const slot = (t: tf.Tensor | undefined) => t ?? theta;
    const params = Object.fromEntries(TASK_SLOTS.map((name, i) => [name, slot(taskVars[i])]));
    const kernelSlots = plan.layers.filter((l) => l.kernelSlot >= 0);
    const kernels = Object.fromEntries(
      KERNEL_SLOTS.map((name, i) => {
        const kernel = kernelSlots[i]?.kernel;
        return [name, slot(kernel?.role === 'task' ? taskVars[kernel.slot] : undefined)];
      }),
    );
    const weights = batch.weights ?? batch.y;
    const acts = run(CHAIN_FORWARD, { x: batch.x, theta, ...params });
    const losses = run(CHAIN_LOSS, { acts, targets: batch.y, weights });
    const dz = run(CHAIN_BACKWARD, { acts, targets: batch.y, weights, theta, ...kernels });
    const grads = (target: number) => run(CHAIN_PARAM_GRADS, { x: batch.x, acts, dz }, { target });
    return {
      losses: losses.reshape<tf.Tensor2D>([1, plan.T]),
      shared: (plan.P === 0 ? tf.zeros([plan.T, 0]) : grads(-1)).reshape<tf.Tensor3D>([1, plan.T, plan.P]),
      taskParams: net.taskParams.map((p, i) => grads(i).reshape(p.shape)),
    };
  });
}
