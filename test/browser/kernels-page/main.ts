/**
 * The page test/browser/kernels.test.ts opens (served by Vite's dev server): on WebGPU it runs every fused
 * kernel against its composition (src/engine/kernels/testing.ts), checks the tensor count stays flat, and
 * counts real GPU dispatches of the training-step pieces before and after fusion by wrapping
 * GPUComputePassEncoder.prototype.dispatchWorkgroups (docs/architecture.md, measured facts). Written
 * without DOM types: test/ is checked by tsconfig.node.json.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-webgpu';
import { fixWebGpuEmptyReductions } from '../../../src/backend/wasm-empty-reductions';
import { parseConfig } from '../../../src/engine/config/parse';
import { createTrainer } from '../../../src/engine/train/trainer';
import { activationGrad } from '../../../src/engine/kernels/activation-grad';
import { runKernelCases, type CaseResult } from '../../../src/engine/kernels/testing';
import { taskLossAndGrad } from '../../../src/engine/kernels/task-loss';
import { taskLossAndGradComposed } from '../../../src/engine/kernels/task-loss-composed';
import { chainCases } from '../../../src/engine/kernels/chain/chain-cases';
import { createAdam } from '../../../src/engine/optim/adam';
import { composedChainGradients } from '../../../src/engine/train/dense-chain-gradients';
import { fusedChainGradients } from '../../../src/engine/train/fused-chain-gradients';
import type { TaskGradients } from '../../../src/engine/train/model';
import { DivergenceWatch } from '../../../src/engine/train/divergence-watch';
import { taskLosses } from '../../../src/engine/train/losses';
import { unfusedAdam, unfusedWatch } from './unfused';
import { warmUpCoverage, type WarmUpCoverage } from './warm-up-coverage';

export interface KernelPageReport {
  backend: string;
  results: CaseResult[];
  /** Dispatches per call, averaged over calls after a warm-up one. */
  dispatches: Record<string, number>;
  /** Empty reductions (sum, mean, a product with inner dimension 0) as [shape..., values...]. */
  empty: number[][];
  /** Independent nets (nothing shared, an empty θ): each task's test loss after 3 steps. */
  independentLosses: number[];
  /** The worker's warm-up against the pipelines a run then compiles (warm-up-coverage.ts). */
  warmUp: WarmUpCoverage;
  /** Largest |θ_fused − θ_unfused| after 5 Adam steps from the same start. */
  adamAgreement: number;
  tensorsBefore: number;
  tensorsAfter: number;
}

type Encoder = { prototype: { dispatchWorkgroups: (...args: unknown[]) => void } };
let dispatches = 0;
const encoder = (globalThis as unknown as { GPUComputePassEncoder?: Encoder }).GPUComputePassEncoder;
if (encoder) {
  const original = encoder.prototype.dispatchWorkgroups;
  encoder.prototype.dispatchWorkgroups = function (this: unknown, ...args: unknown[]) {
    dispatches++;
    original.apply(this, args);
  };
}

/**
 * Dispatches per call of `fn`, after one warm-up call (first calls may upload or compile); what `fn`
 * returns is disposed.
 */
function perCall(fn: () => tf.TensorContainer, calls = 4): number {
  tf.dispose(tf.tidy(fn));
  const before = dispatches;
  for (let i = 0; i < calls; i++) tf.dispose(tf.tidy(fn));
  return (dispatches - before) / calls;
}

/** The default experiment's shapes: 2 tasks, MLP 2→32→32 (θ: 1152 entries), linear heads, batch 64. */
const [T, P, B, W] = [2, 1152, 64, 32];
const gpu = <R extends tf.Rank>(shape: number[], seed: number) =>
  tf.tidy(() => tf.add<tf.Tensor<R>>(tf.randomNormal(shape, 0, 1, 'float32', seed), 0));

async function countDispatches(): Promise<{ counts: Record<string, number>; agreement: number }> {
  const shapes = [
    [1, P],
    [T, W, 1],
    [T, 1],
  ];
  const init = shapes.map((s, i) => gpu(s, i));
  const grads = shapes.map((s, i) => gpu(s, 10 + i));
  const fusedVars = init.map((t) => tf.tidy(() => tf.variable(t.clone())));
  const plainVars = init.map((t) => tf.tidy(() => tf.variable(t.clone())));
  const fused = createAdam(fusedVars, 0.01, { beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  const plain = unfusedAdam(plainVars, 0.01);
  const counts: Record<string, number> = {
    'adam step, unfused (3 variables)': perCall(() => plain.apply(grads)),
    'adam step, fused (3 variables)': perCall(() => fused.apply(grads)),
  };
  const gaps = tf.tidy(() =>
    tf.stack(fusedVars.map((v, i) => tf.max(tf.abs(tf.sub(v, plainVars[i] as tf.Tensor))))),
  );
  const agreement = Math.max(...(await gaps.data()));
  gaps.dispose();
  const [losses, shared, direction, weights] = [
    gpu<tf.Rank.R2>([1, T], 20),
    gpu<tf.Rank.R3>([1, T, P], 21),
    gpu<tf.Rank.R2>([1, P], 22),
    gpu<tf.Rank.R2>([1, T], 23),
  ];
  const oldWatch = unfusedWatch(T);
  const newWatch = new DivergenceWatch(['a', 'b']);
  counts['divergence watch, unfused'] = perCall(() => oldWatch.record(losses, shared, direction, weights));
  counts['divergence watch, fused'] = perCall(() => newWatch.record(losses, shared, direction, weights));
  const [pred, target, dy, h] = [
    gpu<tf.Rank.R3>([T, B, 1], 30),
    gpu<tf.Rank.R3>([T, B, 1], 31),
    gpu<tf.Rank.R3>([T, B, W], 32),
    gpu<tf.Rank.R3>([1, B, W], 33),
  ];
  const kinds = ['mse', 'bce-logits'] as const;
  const pair = (r: { losses: tf.Tensor; grad: tf.Tensor }) => [r.losses, r.grad];
  counts['task losses + autodiff gradient'] = perCall(() =>
    tf.grad((p) => tf.sum(taskLosses(kinds, p as tf.Tensor3D, target)))(pred),
  );
  counts['taskLossAndGrad, composed'] = perCall(() => pair(taskLossAndGradComposed(pred, target, kinds)));
  counts['taskLossAndGrad, fused'] = perCall(() => pair(taskLossAndGrad(pred, target, kinds)));
  counts['activation gradient (relu), composed'] = perCall(() => tf.mul(dy, tf.step(h)));
  counts['activation gradient (relu), fused'] = perCall(() => activationGrad(dy, h, 'relu'));
  // The default experiment's gradient pass: the composition of tfjs ops against the fused chain kernels.
  const chain = chainCases()[0];
  if (!chain) throw new Error('kernels page: no chain case');
  const { net, theta, taskVars, batch } = chain.build();
  const outputs = (g: TaskGradients | null) => (g ? [g.losses, g.shared, ...g.taskParams] : []);
  counts['dense chain gradients, composed'] = perCall(() =>
    outputs(composedChainGradients(net, theta, taskVars, batch, false)),
  );
  counts['dense chain gradients, fused'] = perCall(() =>
    outputs(fusedChainGradients(net, theta, taskVars, batch)),
  );
  chain.dispose();
  fused.dispose();
  plain.dispose();
  oldWatch.dispose();
  newWatch.dispose();
  tf.dispose([
    ...init,
    ...grads,
    ...fusedVars,
    ...plainVars,
    losses,
    shared,
    direction,
    weights,
    pred,
    target,
    dy,
    h,
  ]);
  return { counts, agreement };
}

/** What the app's WebGPU backend does with empty axes (src/backend/browser.ts installs the same fix). */
async function emptyAxes(): Promise<{ empty: number[][]; independentLosses: number[] }> {
  fixWebGpuEmptyReductions();
  const empty: number[][] = [];
  for (const make of [
    () => tf.sum(tf.zeros([2, 3, 0]), 2),
    () => tf.mean(tf.zeros([3, 0]), 1),
    () => tf.matMul(tf.zeros([1, 2, 0]), tf.zeros([1, 2, 0]), false, true),
  ]) {
    const t = tf.tidy(make);
    empty.push([...t.shape, ...Array.from(await t.data())]);
    t.dispose();
  }
  const trainer = createTrainer(
    parseConfig({ architecture: { id: 'layer-sharing', params: { shared: [false, false] } } }),
  );
  try {
    await trainer.step(3);
    const report = await trainer.report();
    return { empty, independentLosses: report.tasks.map((t) => t.testLoss) };
  } finally {
    trainer.dispose();
  }
}

async function run(): Promise<KernelPageReport> {
  if (!(await tf.setBackend('webgpu'))) throw new Error('kernels page: WebGPU did not initialise');
  await tf.ready();
  // Small tensors whose values are on the CPU would otherwise run tfjs's kernels on the CPU: in a training
  // step every input comes out of a GPU program, so the comparison and the count run on the GPU too.
  tf.env().set('WEBGPU_CPU_FORWARD', false);
  const results = await runKernelCases();
  const tensorsBefore = tf.memory().numTensors;
  const { counts, agreement } = await countDispatches();
  await runKernelCases();
  const tensorsAfter = tf.memory().numTensors;
  const { empty, independentLosses } = await emptyAxes();
  const warmUp = await warmUpCoverage();
  return {
    backend: tf.getBackend(),
    empty,
    independentLosses,
    warmUp,
    results,
    dispatches: counts,
    adamAgreement: agreement,
    tensorsBefore,
    tensorsAfter,
  };
}

(globalThis as unknown as { kernelChecks: () => Promise<KernelPageReport> }).kernelChecks = run;
