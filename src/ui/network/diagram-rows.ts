/**
 * The network as the architecture's own `diagram` describes it (rows of typed boxes,
 * engine/architectures/diagram.ts): no per-architecture code in the page. Used by the network view and by
 * the sidebar, which leaves the `shared` mask to the view's clickable boxes.
 */
import { findArchitectureCard } from '../../engine/architectures/catalogue';
import type { DiagramRow } from '../../engine/architectures/diagram';
import type { ExperimentConfig } from '../../engine/config/types';
import { defaultParams } from '../../engine/params/spec';
import { findTaskSuite } from '../../engine/tasks/registry';

/** Average glyph width of the diagram's 11 px labels, for truncating them to their box. */
const GLYPH_PX = 6.2;

/** The label, cut with an ellipsis to fit a box `width` wide (the full text stays in the tooltip). */
export function fitLabel(label: string, width: number): string {
  const room = Math.floor((width - 8) / GLYPH_PX);
  return label.length <= room ? label : `${label.slice(0, Math.max(room - 1, 1)).trimEnd()}…`;
}

/**
 * The rows of the selected architecture, or just inputs and heads for one without a description. Before
 * the trainer's info arrives (no task names yet) the task count comes from the suite's parameters.
 */
export function diagramRows(config: ExperimentConfig, taskNames: readonly string[]): DiagramRow[] {
  const entry = findArchitectureCard(config.architecture.id);
  if (!entry) return [];
  const suite = findTaskSuite(config.task.id);
  const numTasks = taskNames.length || (suite ? suite.numTasks(config.task.params) : 0);
  const params = { ...defaultParams(entry.params), ...config.architecture.params };
  if (entry.diagram) return entry.diagram(params, numTasks);
  return [
    [{ label: 'inputs', kind: 'io', title: 'The same inputs feed every task' }],
    Array.from({ length: numTasks }, (_, t) => ({
      label: '{task}',
      kind: 'head',
      task: t,
      title: 'Head of {task}',
    })),
  ];
}

/** Whether the diagram edits the `shared` mask (a box that flips an entry of it), so no form field should. */
export const editsSharedMask = (rows: readonly DiagramRow[]): boolean =>
  rows.some((row) => row.some((box) => box.toggleShared !== undefined));
