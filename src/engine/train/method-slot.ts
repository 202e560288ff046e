/**
 * The trainer's current gradient method: its instance, the optimizer of its learnable parameters, and what
 * the step needs to know of it (loss weighting or not, its partial-task policy, whether it needs KPIs or
 * representation gradients, then with the probe tensor). `install` checks everything before it replaces
 * anything, so a refused live switch leaves the running method as it was.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError, type ExperimentConfig } from '../config/types';
import { partialTaskPolicy, type PartialTaskPolicy } from '../methods/card';
import { findMethod } from '../methods/registry';
import type { MethodEntry, MethodInstance } from '../methods/types';
import { createOptimizer } from '../optim/registry';
import type { Optimizer } from '../optim/types';
import type { Rng } from '../random/rng';
import { perSeedMethod } from './per-seed-method';
import type { Model } from './model';

/** What a method needs to know of the model it serves (a single run's, or a seed batch's replicas). */
export type MethodHost = Pick<Model, 'tasks' | 'replicas' | 'numShared' | 'representationSize' | 'kpis'>;

export class MethodSlot {
  instance!: MethodInstance;
  optimizer: Optimizer | null = null;
  isWeighting = false;
  partialPolicy: PartialTaskPolicy = 'skip';
  needsKpis = false;
  /** Zeros [T, B, Z] added to the representation when the method needs its gradients (MGDA-UB). */
  probe: tf.Tensor3D | undefined;

  /**
   * `seeds`: the replicas are these seeds' runs (seed-batch.ts); a stochastic method then gets one
   * instance per seed with that seed's own random stream (per-seed-method.ts).
   */
  constructor(
    private readonly model: MethodHost,
    private readonly rng: Rng,
    private readonly seeds?: readonly number[],
  ) {}

  install(next: ExperimentConfig): void {
    const { model } = this;
    const entry = checkMethodFits(model, next);
    const needsRep = entry.needsRepGrads?.(next.method.params) ?? false;
    this.dispose();
    const T = model.tasks.length;
    const ctx = { numTasks: T, numShared: model.numShared, params: next.method.params };
    this.instance =
      this.seeds && entry.stochastic
        ? perSeedMethod(entry, ctx, this.seeds)
        : entry.create({ ...ctx, numReplicas: model.replicas, rng: this.rng.fork(`method:${entry.id}`) });
    this.optimizer = this.instance.trainables.length
      ? createOptimizer(next.optimizer, next.learningRate, this.instance.trainables)
      : null;
    this.isWeighting = entry.group === 'loss-weighting';
    this.partialPolicy = partialTaskPolicy(entry);
    this.needsKpis = entry.needsKpis ?? false;
    this.probe = needsRep ? tf.zeros([T, next.batchSize, model.representationSize ?? 0]) : undefined;
  }

  dispose(): void {
    this.instance?.dispose();
    this.optimizer?.dispose();
    this.probe?.dispose();
    this.optimizer = null;
    this.probe = undefined;
  }
}

/**
 * The method entry `next` names, if the built model can serve it: representation gradients and KPIs are
 * properties of the model, so parseConfig cannot tell. Throws ConfigError otherwise. Allocates nothing, so
 * build-model.ts runs it before the trainer allocates anything and `install` before it replaces anything.
 */
export function checkMethodFits(model: MethodHost, next: ExperimentConfig): MethodEntry {
  const entry = findMethod(next.method.id);
  if (!entry) throw new ConfigError([{ path: 'method.id', message: `unknown method '${next.method.id}'` }]);
  if ((entry.needsRepGrads?.(next.method.params) ?? false) && model.representationSize === undefined)
    throw new ConfigError([
      {
        path: 'method',
        message: `'${entry.id}' with these parameters needs gradients of a shared representation, which '${next.architecture.id}' does not have (use one whose first layer is shared, or mmoe)`,
      },
    ]);
  if (entry.needsKpis && !model.kpis)
    throw new ConfigError([
      {
        path: 'method.id',
        message: `'${entry.id}' weighs tasks by their accuracy-like KPI, which the '${next.task.id}' suite (losses of θ itself) does not have; choose a data suite`,
      },
    ]);
  return entry;
}
