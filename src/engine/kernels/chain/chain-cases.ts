/**
 * Networks on which the fused dense-chain pass (train/fused-chain-gradients.ts) is checked against the
 * composition of tfjs ops (train/dense-chain-gradients.ts): every activation, shared and task-specific
 * layers in every position the plan allows (task kernels read in the backward pass from both slots), inputs
 * shared or per task, the three loss kinds, sampling weights with a task left out, and a layer wider than a
 * workgroup's 64 threads. The Node test runs them on cpu; testing.ts's kernel cases on WebGPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import { layerSharing } from '../../architectures/layer-sharing';
import { withDefaults } from '../../architectures/testing';
import type { AnyParams } from '../../params/spec';
import { Rng } from '../../random/rng';
import type { LossKind } from '../../tasks/losses';
import type { Batch } from '../../train/batches';
import { composedChainGradients } from '../../train/dense-chain-gradients';
import { fusedChainGradients } from '../../train/fused-chain-gradients';
import type { ChainNetwork, TaskGradients } from '../../train/model';
import { fusedAvailable } from '../fused-kernel';
import type { KernelCase } from '../kernel-case';

interface ChainSetup {
  net: ChainNetwork;
  theta: tf.Tensor2D;
  taskVars: tf.Tensor[];
  batch: Batch;
}

interface Spec {
  name: string;
  params: AnyParams;
  kinds: LossKind[];
  inputDim: number;
  outputDim: number;
  batch: number;
  separateInputs?: boolean;
  weighted?: boolean;
}

const SPECS: Spec[] = [
  {
    name: 'the default experiment: relu trunk 2→32→32, mse and bce heads',
    params: { widths: [32, 32] },
    kinds: ['mse', 'bce-logits'],
    inputDim: 2,
    outputDim: 1,
    batch: 16,
  },
  {
    name: 'separate bottom, shared top, tanh',
    params: { widths: [16, 16], shared: [false, true], activation: 'tanh' },
    kinds: ['mse', 'mse', 'bce-logits'],
    inputDim: 3,
    outputDim: 2,
    batch: 8,
  },
  {
    name: 'shared bottom, task top, elu (two task kernels below the heads)',
    params: { widths: [12, 8, 8], shared: [true, true, false], activation: 'elu' },
    kinds: ['bce-logits', 'mse'],
    inputDim: 4,
    outputDim: 3,
    batch: 6,
  },
  {
    name: 'sigmoid, softmax tasks, weights leaving a task out',
    params: { widths: [10], shared: [true], activation: 'sigmoid' },
    kinds: ['softmax-ce', 'mse', 'softmax-ce'],
    inputDim: 5,
    outputDim: 4,
    batch: 7,
    weighted: true,
  },
  {
    name: 'linear, inputs per task',
    params: { widths: [6, 6], activation: 'linear' },
    kinds: ['mse', 'mse'],
    inputDim: 3,
    outputDim: 1,
    batch: 9,
    separateInputs: true,
  },
  {
    name: 'a layer of 80 units (wider than a workgroup)',
    params: { widths: [80, 24] },
    kinds: ['mse', 'bce-logits'],
    inputDim: 70,
    outputDim: 2,
    batch: 5,
  },
];

function setup(spec: Spec): ChainSetup {
  const T = spec.kinds.length;
  const rng = new Rng(17 + spec.batch);
  const built = layerSharing.build(withDefaults(layerSharing, spec.params), {
    numTasks: T,
    inputDim: spec.inputDim,
    outputDim: spec.outputDim,
    rng,
  });
  if (!built.chain) throw new Error('layer sharing declares its chain');
  const net: ChainNetwork = { ...built, chain: built.chain, lossKinds: spec.kinds };
  const flat = Float32Array.from(built.shared.flatMap((s) => [...s.init]));
  const theta = tf.tensor2d(flat, [1, flat.length]);
  const taskVars = built.taskParams.map((p) => tf.tensor(p.init, p.shape));
  const copies = spec.separateInputs ? T : 1;
  const x = tf.tensor3d(rng.normalArray(copies * spec.batch * spec.inputDim), [
    copies,
    spec.batch,
    spec.inputDim,
  ]);
  const size = T * spec.batch * spec.outputDim;
  // Targets a loss kind accepts: probabilities for the cross-entropies (one-hot rows for softmax), reals for mse.
  const targets = Float32Array.from({ length: size }, (_, k) => {
    const t = Math.floor(k / (spec.batch * spec.outputDim));
    const kind = spec.kinds[t];
    if (kind === 'softmax-ce')
      return k % spec.outputDim === Math.floor(k / spec.outputDim) % spec.outputDim ? 1 : 0;
    return kind === 'bce-logits' ? (k % 3 === 0 ? 1 : 0) : rng.normal() * 2;
  });
  const y = tf.tensor3d(targets, [T, spec.batch, spec.outputDim]);
  // Task 1 has no samples this step; the others some of their slots.
  const weights = spec.weighted
    ? tf.tensor2d(
        Float32Array.from({ length: T * spec.batch }, (_, k) =>
          Math.floor(k / spec.batch) === 1 ? 0 : k % 3 === 2 ? 0 : 1,
        ),
        [T, spec.batch],
      )
    : undefined;
  return { net, theta, taskVars, batch: { x, y, ...(weights ? { weights } : {}) } };
}

const release = (s: ChainSetup) =>
  tf.dispose([s.theta, ...s.taskVars, s.batch.x, s.batch.y, ...(s.batch.weights ? [s.batch.weights] : [])]);

export function chainCases(): { name: string; build(): ChainSetup; dispose(): void }[] {
  return SPECS.map((spec) => {
    let built: ChainSetup | null = null;
    return {
      name: spec.name,
      build: () => (built = setup(spec)),
      dispose: () => built && release(built),
    };
  });
}

/** The same networks as kernel cases: every output of the fused pass beside the composition's. */
const cloned = (g: TaskGradients): TaskGradients => ({
  losses: g.losses.clone(),
  shared: g.shared.clone(),
  taskParams: g.taskParams.map((t) => t.clone()),
});

export function chainKernelCases(): KernelCase[] {
  return SPECS.map((spec) => ({
    name: `fused dense chain: ${spec.name}`,
    run() {
      const s = setup(spec);
      try {
        const composed = composedChainGradients(s.net, s.theta, s.taskVars, s.batch, false);
        const ours = fusedChainGradients(s.net, s.theta, s.taskVars, s.batch);
        if (!ours && fusedAvailable()) throw new Error(`the fused chain declined ${spec.name}`);
        // Where the backend has no kernels of ours the composition stands in, as in the trainer.
        const fused = ours ?? cloned(composed);
        return [
          [fused.losses, composed.losses],
          [fused.shared, composed.shared],
          ...fused.taskParams.map((g, i): [tf.Tensor, tf.Tensor] => [g, composed.taskParams[i] as tf.Tensor]),
        ];
      } finally {
        release(s);
      }
    },
  }));
}
