/** Rows the architectures' `diagram` descriptions (types.ts) have in common. */
import type { DiagramBox, DiagramRow } from './types';

export const inputsRow = (): DiagramRow => [
  { label: 'inputs', kind: 'io', title: 'The same inputs feed every task' },
];

/** One box per task; `{task}` in its label or title is the task's name. */
export const perTask = (numTasks: number, box: (t: number) => Omit<DiagramBox, 'task'>): DiagramRow =>
  Array.from({ length: numTasks }, (_, t) => ({ ...box(t), task: t }));

export const headsRow = (numTasks: number, headLayers: number): DiagramRow =>
  perTask(numTasks, () => ({
    label: '{task}',
    kind: 'head',
    title:
      headLayers > 0
        ? `Head of {task}: ${headLayers} hidden layer${headLayers > 1 ? 's' : ''} and a linear output`
        : 'Head of {task}: one linear layer',
  }));

/** A row of `count` equal boxes (experts, blocks) labelled 1..count. */
export const numbered = (count: number, box: (i: number) => DiagramBox): DiagramRow =>
  Array.from({ length: count }, (_, i) => box(i));

/** `widths` as text, e.g. "32-16". */
export const widthsText = (widths: readonly number[]): string => widths.join('-');
