/**
 * The meta-learning trainer (config `meta`: maml, fomaml, reptile): the Trainer contract over meta-training
 * steps instead of joint training. One step draws a meta-batch of fresh sines from the sine family (its own
 * random stream), asks the meta-learner for its outer direction (registry.ts) and lets the config's optimizer
 * (Adam at 0.001 in the paper) descend it. Reports carry the shared adaptation evaluation on the fixed
 * held-out sines (adaptation.ts), the same one a joint run on the family reports.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseConfig } from '../config/parse';
import { findSectionCard } from '../config/sections';
import type { ExperimentConfig } from '../config/types';
import { createOptimizer } from '../optim/registry';
import { narrowParams } from '../params/narrow';
import { Rng } from '../random/rng';
import { DeviceState } from '../stateful/device-state';
import { heldOutSines, SINE_FAMILY_PARAMS } from '../tasks/sine-family';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  checkCheckpoint,
  restoreParts,
  snapshotParts,
} from '../train/checkpoint';
import { TrainingDivergedError } from '../train/errors';
import type { Trainer, TrainerOptions } from '../train/trainer-types';
import { variableFrom } from '../variables';
import { evaluateAdaptation } from './adaptation';
import { drawMetaBatch, metaTrainerInfo, netOf, singleForward } from './trainer-parts';
import { batchTensors } from './learner';
import { META_LEARNERS } from './registry';
import { mamlCard } from './maml.card';
import { metaReport } from './meta-report';

/** Held-out sines whose curves the report keeps for the view. */
const DRAWN_SINES = 3;

export function createMetaTrainer(config: ExperimentConfig, options: TrainerOptions = {}): Trainer {
  const selection = config.meta;
  const card = selection && findSectionCard('meta', selection.id);
  const learner = selection && META_LEARNERS[selection.id];
  if (!selection || !card || !learner) throw new Error(`unknown meta-learner '${selection?.id ?? ''}'`);
  const resume = options.resume && checkCheckpoint(options.resume, config);
  // Every card shares the inner-loop spec (card-params.ts); MAML's types it.
  const inner = narrowParams(mamlCard.params, selection.params);
  const family = narrowParams(SINE_FAMILY_PARAMS, config.task.params);
  const heldOut = heldOutSines(family);
  const net = netOf(config);

  const rng = new Rng(config.seed);
  const tasksRng = rng.fork('meta-tasks');
  const init = net.init(rng.fork('init'));
  const theta = net.shapes.map((shape, i) =>
    variableFrom(() => tf.tensor(init[i] as Float32Array, shape), true),
  );
  const optimizer = createOptimizer(config.optimizer, config.learningRate, theta);
  const own = new DeviceState();
  theta.forEach((v, i) => own.adopt(`param${i}`, v));
  const lossSum = own.variable('lossSum', [], 0);
  const gradNorm = own.variable('gradNorm', [], 0);
  const lossCount = own.box('lossCount', 0);
  // Σ over steps of the query targets' variance, for the R² of the meta-training fits.
  const targetVarSum = own.box('targetVarSum', 0);

  let current = config;
  let steps = 0;
  if (resume) {
    try {
      restoreParts({ trainer: own, optimizer: optimizer.state }, resume.parts);
    } catch (error) {
      disposeAll();
      throw error;
    }
    rng.setTreeState(resume.rng);
    steps = resume.step;
  }
  const forward = singleForward(net);

  async function checkFinite(): Promise<void> {
    const [value] = await lossSum.data();
    if (!Number.isFinite(value))
      throw new TrainingDivergedError(
        steps,
        null,
        selection?.id ?? null,
        'the meta-training loss is not finite; lower the learning rate or the inner step size',
      );
  }

  const trainer: Trainer = {
    get config() {
      return current;
    },
    info: metaTrainerInfo(net),
    get stepCount() {
      return steps;
    },
    async step(n = 1, stepOptions = {}) {
      for (let i = 0; i < n; i++) {
        const drawn = drawMetaBatch(family, inner, tasksRng);
        tf.tidy(() => {
          const { grads, loss } = learner.outerGradient(net, theta, drawn.batch, inner);
          optimizer.apply(grads);
          lossSum.assign(tf.add(lossSum, loss));
          gradNorm.assign(tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))));
        });
        tf.dispose(batchTensors(drawn.batch));
        targetVarSum.value += drawn.targetVariance;
        lossCount.value++;
        steps++;
      }
      if (stepOptions.check ?? true) await checkFinite();
    },
    async report() {
      await checkFinite();
      const adaptation = await evaluateAdaptation(forward, theta, heldOut, {
        lr: family.adaptLr,
        steps: family.adaptSteps,
        curves: DRAWN_SINES,
      });
      const [sum] = await lossSum.data();
      const [norm] = await gradNorm.data();
      const report = metaReport({
        step: steps,
        learner: selection?.id ?? '',
        metaTrainLoss: lossCount.value ? (sum as number) / lossCount.value : null,
        targetVariance: lossCount.value ? targetVarSum.value / lossCount.value : null,
        gradNorm: norm as number,
        heldOut,
        adaptation,
      });
      tf.tidy(() => lossSum.assign(tf.scalar(0)));
      lossCount.value = 0;
      targetVarSum.value = 0;
      return report;
    },
    async predict(inputs, count) {
      const out = tf.tidy(() => forward(theta, tf.tensor3d(inputs, [1, count, inputs.length / count])));
      try {
        return (await out.data()) as Float32Array;
      } finally {
        out.dispose();
      }
    },
    setLearningRate(lr) {
      const next = parseConfig({ ...current, learningRate: lr });
      optimizer.setLearningRate(next.learningRate);
      current = next;
    },
    setMethod(method) {
      // A single pooled task has nothing for a gradient method to combine; the choice is kept in the config.
      current = parseConfig({ ...current, method });
    },
    async checkpoint() {
      const rngState = rng.treeState();
      return {
        format: CHECKPOINT_FORMAT,
        version: CHECKPOINT_VERSION,
        config: current,
        step: steps,
        parts: await snapshotParts({ trainer: own, optimizer: optimizer.state }),
        js: {},
        last: { grads: null, weights: null },
        rng: rngState,
      };
    },
    dispose: disposeAll,
  };
  return trainer;

  function disposeAll(): void {
    optimizer.dispose();
    own.dispose(); // the parameters, adopted, and the telemetry
  }
}
