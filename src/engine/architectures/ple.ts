/**
 * Progressive Layered Extraction (PLE): Tang, Liu, Zhao and Gong, "Progressive Layered Extraction (PLE): A
 * Novel Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020. CGC levels
 * (cgc.ts) stacked: at level l task t's experts and gate read task t's output of level l-1, the shared
 * experts read the shared branch's output, and every level but the last also has a shared gate over ALL
 * its experts (shared and every task's) that forms that shared branch; levels = 1 is CGC. Inputs of
 * level 1 are x for every branch. Defaults follow DeepCTR's PLE (1 shared expert,
 * 1 per task, 2 levels).
 * Layout: through the shared gates every task's loss depends on every expert and gate of the levels
 * below the last, so those live in θ (their "task" experts stacked [T, Ek, ...]) and with S = T copies
 * each copy computes all of them: the stacked-gradient trick costs T². The last level's own experts and
 * gates are read only by their task and are task-specific.
 * Shared representation (for MGDA-UB): everything the last level's task-specific part reads from θ, that
 * is the last level's shared expert outputs (Es·H) followed by each task's input to the last level (T·H),
 * of which task t reads only its own.
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { addCgcLevel, runCgcLevel } from './cgc';
import { alignBatch, spreadOverColumns, taskColumns } from './columns';
import { addExperts, mix, perSample } from './experts';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyDense, applyLayers, type DenseRef } from './mlp';
import { pleCard } from './ple.card';
import type { ForwardArgs } from './types';

interface Level {
  shared: DenseRef[];
  own: DenseRef[];
  gates: DenseRef;
  sharedGate: DenseRef;
}

/**
 * A level below the last. `us` [C, B, d] is the shared branch, `ut` [C, 1 or T, B, d] the task branches;
 * returns the next level's branches, [C, B, H] and [C, T, B, H].
 */
function runLevel(level: Level, us: tf.Tensor3D, ut: tf.Tensor4D, args: ForwardArgs, o: Dims) {
  const { T, Es, Ek, H } = o;
  const batch = us.shape[1];
  const shared = perSample(applyLayers(spreadOverColumns(us, Es), level.shared, args)); // [C, B, Es, H]
  const toTask = tf.softmax(applyDense(alignBatch(ut, [1, T]), level.gates, args)); // [C, T, B, Es+Ek]
  const toShared = tf.softmax(applyDense(us, level.sharedGate, args)); // [C, B, Es + T·Ek]
  if (Ek === 0) return { us: mix(toShared, shared), ut: mix(toTask, shared.expandDims(1)) };
  const own = applyLayers(alignBatch(ut.expandDims(2), [1, T, Ek]), level.own, args); // [C, T, Ek, B, H]
  const [taskShared, taskOwn] = tf.split(toTask, [Es, Ek], 3) as [tf.Tensor, tf.Tensor];
  const [sharedShared, sharedOwn] = tf.split(toShared, [Es, T * Ek], 2) as [tf.Tensor, tf.Tensor];
  // Every task's experts in one row per sample, task by task: [C, B, T·Ek, H].
  const allOwn = tf.transpose(own, [0, 3, 1, 2, 4]).reshape([-1, batch, T * Ek, H]);
  return {
    us: tf.add(mix(sharedShared, shared), mix(sharedOwn, allOwn)),
    ut: tf.add(mix(taskShared, shared.expandDims(1)), mix(taskOwn, perSample(own))),
  };
}

interface Dims {
  T: number;
  Es: number;
  Ek: number;
  H: number;
}

export const ple = implementArchitecture(pleCard, {
  build(p, ctx) {
    const rng = ctx.rng;
    const layout = new ParamLayout();
    const T = ctx.numTasks;
    const [Es, Ek] = [p.sharedExperts, p.taskExperts];
    const H = p.expertWidths[p.expertWidths.length - 1] ?? ctx.inputDim;
    const common = { widths: p.expertWidths, activation: p.activation };
    let fanIn = ctx.inputDim;
    const levels: Level[] = [];
    for (let l = 1; l < p.levels; l++) {
      const [name, group] = [`level${l}.`, `level ${l} `];
      const gate = (suffix: string, stack: number | undefined, fanOut: number) =>
        addDense(layout, rng, {
          name: `${name}${suffix}`,
          layer: `${group}gates`,
          ...(stack === undefined ? {} : { stack }),
          fanIn,
          fanOut,
          activation: 'linear',
        });
      levels.push({
        shared: addExperts(layout, rng, {
          ...common,
          name: `${name}shared`,
          layer: `${group}shared experts`,
          lead: [Es],
          fanIn,
        }),
        own:
          Ek > 0
            ? addExperts(layout, rng, {
                ...common,
                name: `${name}own`,
                layer: `${group}task experts`,
                lead: [T, Ek],
                fanIn,
              })
            : [],
        gates: gate('gate', T, Es + Ek),
        sharedGate: gate('sharedGate', undefined, Es + T * Ek),
      });
      fanIn = H;
    }
    const deep = p.levels > 1;
    const last = addCgcLevel(layout, rng, {
      ...p,
      name: deep ? `level${p.levels}.` : '',
      group: deep ? `level ${p.levels} ` : '',
      numTasks: T,
      fanIn,
      widths: p.expertWidths,
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: T, fanIn: H, outputDim: ctx.outputDim });
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      representationSize: Es * H + (deep ? T * H : 0),
      forward(args) {
        if (!deep)
          return applyLayers(runCgcLevel(last, args.x, args.x, args, args.probe), heads, args) as tf.Tensor3D;
        let us: tf.Tensor3D = args.x;
        let ut = args.x.expandDims<tf.Tensor4D>(1);
        for (const level of levels) {
          const next = runLevel(level, us, ut, args, { T, Es, Ek, H });
          [us, ut] = [next.us as tf.Tensor3D, next.ut as tf.Tensor4D];
        }
        // Task t reads its own branch of copy t (the diagonal when there are T copies).
        let taskIn = taskColumns(ut);
        let probe = args.probe;
        if (probe) {
          const batch = taskIn.shape[1];
          const [toShared, toTasks] = tf.split(probe, [Es * H, T * H], 2) as [tf.Tensor3D, tf.Tensor3D];
          const own = taskColumns(toTasks.reshape([T, batch, T, H]).transpose([0, 2, 1, 3]));
          [taskIn, probe] = [tf.add(taskIn, own), toShared];
        }
        return applyLayers(runCgcLevel(last, us, taskIn, args, probe), heads, args) as tf.Tensor3D;
      },
    };
  },
});
