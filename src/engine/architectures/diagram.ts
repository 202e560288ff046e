/**
 * The network diagram a card describes (rows of boxes the UI draws alike for every architecture), and the
 * rows the architectures have in common. Pure data: the page draws diagrams without the engine.
 */

/** One box of the network diagram. */
export interface DiagramBox {
  /** Text in the box; `{task}` stands for the name of the box's task. */
  label: string;
  /** Hover text; `{task}` as in the label. */
  title: string;
  /** Inputs, a module every task reads, a task's own module, an expert, a gate, an attention mask, a head. */
  kind: 'io' | 'shared' | 'task' | 'expert' | 'gate' | 'attention' | 'head';
  /** The task (0-based) that owns the box, for `{task}`. */
  task?: number;
  /** Share of its row's width (default 1). */
  span?: number;
  /** Index into the boolean-list parameter `shared` that a click on the box flips. */
  toggleShared?: number;
}

/** One row of the diagram, drawn left to right across the full width. */
export type DiagramRow = DiagramBox[];

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

/**
 * The diagram of a shared trunk that every task reads through a small module of its own per layer (FiLM,
 * LoRA adapters, MTAN masks): inputs, then per layer the shared layer and a row of task modules, then heads.
 */
export const trunkWithTaskModules = (
  widths: readonly number[],
  numTasks: number,
  headLayers: number,
  shared: { title: string },
  module: (layer: number, width: number) => Omit<DiagramBox, 'task'>,
): DiagramRow[] => [
  inputsRow(),
  ...widths.flatMap((width, l) => [
    [{ label: `layer ${l + 1}: ${width} units, shared`, kind: 'shared' as const, title: shared.title }],
    perTask(numTasks, () => module(l, width)),
  ]),
  headsRow(numTasks, headLayers),
];
