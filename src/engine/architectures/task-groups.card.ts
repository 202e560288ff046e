/**
 * Task groups: hard parameter sharing inside groups of tasks. Tasks of one group share a trunk (an MLP of
 * the given widths); different groups have separate trunks; every task keeps its own head. One group is
 * the shared bottom (Caruana, "Multitask Learning", Machine Learning 28, 1997); one group per task is
 * independent networks. The groups a user would choose come from the lookahead affinity (Fifty, Amid, Zhao,
 * Yu, Anil & Finn, "Efficiently Identifying Task Groupings for Multi-Task Networks", NeurIPS 2021,
 * arXiv:2109.04617): `cli group` and the affinity heatmap propose them (engine/grouping/). The network is
 * task-groups.ts.
 */
import { numList, type ConfigIssue } from '../params/spec';
import { defineArchitectureCard } from './card';
import { headsRow, inputsRow, type DiagramRow } from './diagram';
import { headSpecs, hiddenWidths } from './specs';

/** The most tasks a suite has (tasks/data-specs.ts): a group index is below it. */
const MAX_GROUPS = 8;

/** One line naming `groups` when the list does not fit the tasks or skips a group index. */
export function checkGroups(groups: readonly number[], numTasks: number): ConfigIssue[] {
  if (groups.length === 0) return [];
  if (groups.length !== numTasks)
    return [
      {
        path: 'groups',
        message: `expected ${numTasks} group indices (one per task) or an empty list (all tasks in one group), got ${groups.length}`,
        accepted: `${numTasks} values or an empty list`,
      },
    ];
  const used = new Set(groups);
  const missing = Array.from({ length: used.size }, (_, g) => g).filter((g) => !used.has(g));
  if (missing.length === 0) return [];
  return [
    {
      path: 'groups',
      message: `expected group indices 0..${used.size - 1} each used by some task (G groups are numbered 0..G-1), got [${groups.join(', ')}] with no task in group ${missing.join(', ')}`,
      accepted: `integers 0..G-1, each used`,
    },
  ];
}

/** Per task its group (empty: everyone in group 0). */
export const groupsOf = (groups: readonly number[], numTasks: number): number[] =>
  groups.length === 0 ? Array.from({ length: numTasks }, () => 0) : [...groups];

export const taskGroupsCard = defineArchitectureCard({
  id: 'task-groups',
  label: 'Task groups',
  group: 'hard',
  summary:
    'Tasks in one group share a trunk; different groups get separate trunks (one group: the shared bottom; one per task: independent nets). Pick the groups from the affinity matrix.',
  citation:
    'Fifty, Amid, Zhao, Yu, Anil & Finn, "Efficiently Identifying Task Groupings for Multi-Task Networks", NeurIPS 2021; Caruana, "Multitask Learning", Machine Learning 28, 1997',
  params: {
    widths: hiddenWidths('Hidden widths', "Units in each hidden layer of every group's trunk, bottom first."),
    groups: numList({
      label: 'Groups',
      help: "Per task, its group's index: tasks with the same index share a trunk, e.g. [0, 0, 1, 1]. Indices run 0..G-1; an empty list puts every task in one group.",
      min: 0,
      max: MAX_GROUPS - 1,
      integer: true,
      minLength: 0,
      maxLength: MAX_GROUPS,
      default: [],
    }),
    ...headSpecs,
  },
  stackedCost: 'linear',
  check: (p, { numTasks }) => checkGroups(p.groups, numTasks),
  diagram: (p, numTasks) => {
    const groups = groupsOf(p.groups, numTasks);
    const count = new Set(groups).size;
    const members = (g: number) => groups.flatMap((h, t) => (h === g ? [t + 1] : []));
    return [
      inputsRow(),
      ...p.widths.map((width, l): DiagramRow =>
        Array.from({ length: count }, (_, g) => {
          const tasks = members(g);
          return {
            label: count === 1 ? `layer ${l + 1}: ${width} units, shared` : `${width}: ${tasks.join('+')}`,
            // A group of one task is that task's own trunk.
            kind: tasks.length > 1 ? 'shared' : 'task',
            span: tasks.length,
            title: `Layer ${l + 1} (${width} units) of the trunk of task${tasks.length > 1 ? 's' : ''} ${tasks.join(', ')}.`,
          };
        }),
      ),
      headsRow(numTasks, p.headLayers),
    ];
  },
});
