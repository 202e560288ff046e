/**
 * The task-groups network (task-groups.card.ts): one trunk per group of tasks, every trunk in θ, then the
 * task heads. Fifty, Amid, Zhao, Yu, Anil & Finn, "Efficiently Identifying Task Groupings for Multi-Task
 * Networks", NeurIPS 2021, arXiv:2109.04617; Caruana, "Multitask Learning", Machine Learning 28, 1997.
 *
 * Every trunk lives in θ (not among the task parameters), so the gradient methods see a group's trunk as
 * shared by its members; task t's gradient is zero on the other groups' trunks. The weights are declared
 * layer by layer, group after group, from the same random stream as layer-sharing: with one group the
 * network IS layer-sharing's shared bottom (same θ, same names, same dense chain), and with one group per
 * task in task order it holds exactly layer-sharing's independent nets' weights (then in θ).
 */
import * as tf from '@tensorflow/tfjs-core';
import { implementArchitecture } from './implement';
import { ParamLayout } from './layout';
import { addDense, addHeads, applyLayers, type DenseRef } from './mlp';
import { checkGroups, groupsOf, taskGroupsCard } from './task-groups.card';

/**
 * Task t's rows of its group's trunk output, stacked [T, B, w]. Every trunk output has the same leading
 * size L (1, or T when θ comes in T copies or each task has its own inputs); with L = T task t reads row t.
 */
function rowsOfTasks(outputs: readonly tf.Tensor[], groups: readonly number[]): tf.Tensor {
  const rows = groups.map((g, t) => {
    const h = outputs[g] as tf.Tensor;
    const lead = h.shape[0] ?? 1;
    return h.slice([lead === 1 ? 0 : t], [1]);
  });
  return tf.concat(rows, 0);
}

export const taskGroups = implementArchitecture(taskGroupsCard, {
  build(p, ctx) {
    const problems = checkGroups(p.groups, ctx.numTasks);
    if (problems.length) throw new Error(`task-groups: groups ${problems[0]?.message ?? ''}`);
    const groups = groupsOf(p.groups, ctx.numTasks);
    const count = new Set(groups).size;
    const rng = ctx.rng;
    const layout = new ParamLayout();
    // trunks[g][l]: group g's layer l. Declared layer-major so the draws follow layer-sharing's order.
    const trunks: DenseRef[][] = Array.from({ length: count }, () => []);
    let fanIn = ctx.inputDim;
    p.widths.forEach((width, l) => {
      for (let g = 0; g < count; g++) {
        const one = count === 1;
        trunks[g]?.push(
          addDense(layout, rng, {
            name: one ? `layer${l + 1}` : `group${g + 1}.layer${l + 1}`,
            layer: one ? `layer ${l + 1}` : `group ${g + 1} layer ${l + 1}`,
            fanIn,
            fanOut: width,
            activation: p.activation,
          }),
        );
      }
      fanIn = width;
    });
    const heads = addHeads(layout, rng, { ...p, numTasks: ctx.numTasks, fanIn, outputDim: ctx.outputDim });
    const single = trunks[0] ?? [];
    return {
      shared: layout.shared,
      taskParams: layout.taskParams,
      // Each task's representation is its group trunk's output (one shared representation when G = 1).
      representationSize: p.widths[p.widths.length - 1] as number,
      // One group is a plain chain of dense layers: the trainer's hand-written forward and backward apply.
      ...(count === 1
        ? { chain: { layers: [...single, ...heads], representationDepth: p.widths.length } }
        : {}),
      forward(args) {
        let h: tf.Tensor =
          count === 1
            ? applyLayers(args.x, single, args)
            : rowsOfTasks(
                trunks.map((trunk) => applyLayers(args.x, trunk, args)),
                groups,
              );
        if (args.probe) h = tf.add(h, args.probe);
        return applyLayers(h, heads, args) as tf.Tensor3D;
      },
    };
  },
});
