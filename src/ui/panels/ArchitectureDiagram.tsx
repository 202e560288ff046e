/**
 * The network as a clickable picture, drawn from the architecture's own `diagram` description (rows of
 * typed boxes, engine/architectures/types.ts): no per-architecture code here. A box that names a layer of
 * the `shared` mask (layer sharing) toggles it on click. The caption gives the parameter counts.
 */
import type { ReactElement } from 'react';
import { findArchitectureCard } from '../../engine/architectures/catalogue';
import type { DiagramBox, DiagramRow } from '../../engine/architectures/diagram';
import type { ExperimentConfig } from '../../engine/config/types';
import { defaultParams } from '../../engine/params/spec';
import { findTaskSuite } from '../../engine/tasks/registry';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { shortTaskNames } from '../charts';

interface Props {
  config: ExperimentConfig;
  taskNames: string[];
  info: TrainerInfo | null;
  onToggleShared: (layer: number) => void;
}

const W = 320;
const ROW = 34;
const BOX_H = 22;
const GAP = 8;

/** The stylesheet's fill for each kind of box; gates and attention masks are also dashed. */
const FILL: Record<DiagramBox['kind'], string> = {
  io: 'io',
  shared: 'shared',
  expert: 'shared',
  task: 'task',
  attention: 'task',
  gate: 'stitch',
  head: 'head',
};

/** Average glyph width of the diagram's 11 px labels, for truncating them to their box. */
const GLYPH_PX = 6.2;

/** The label, cut with an ellipsis to fit a box `width` wide (the full text stays in the tooltip). */
export function fitLabel(label: string, width: number): string {
  const room = Math.floor((width - 8) / GLYPH_PX);
  return label.length <= room ? label : `${label.slice(0, Math.max(room - 1, 1)).trimEnd()}…`;
}

function Box({
  x,
  y,
  w,
  label,
  kind,
  onClick,
  title,
}: {
  x: number;
  y: number;
  w: number;
  label: string;
  kind: DiagramBox['kind'];
  onClick?: (() => void) | undefined;
  title: string;
}) {
  const dashed = kind === 'gate' || kind === 'attention';
  return (
    <g
      className={`arch-box arch-${FILL[kind]}${onClick ? ' arch-clickable' : ''}`}
      data-kind={kind}
      onClick={onClick}
      role={onClick ? 'button' : undefined}
      tabIndex={onClick ? 0 : undefined}
      onKeyDown={(e) => onClick && (e.key === 'Enter' || e.key === ' ') && onClick()}
    >
      <title>{title}</title>
      <rect x={x} y={y} width={w} height={BOX_H} rx={4} strokeDasharray={dashed ? '4 2' : undefined} />
      <text x={x + w / 2} y={y + BOX_H / 2 + 4} textAnchor="middle">
        {fitLabel(label, w)}
      </text>
    </g>
  );
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

export function ArchitectureDiagram({ config, taskNames, info, onToggleShared }: Props) {
  // Boxes show the short name ("task 1"); their tooltips the full one ("task 1 (φ = 0.00π, a = 1)").
  const short = shortTaskNames(taskNames);
  const name = (box: DiagramBox, text: string, names: readonly string[]) =>
    text.replaceAll(
      '{task}',
      box.task === undefined ? 'the task' : (names[box.task] ?? `task ${box.task + 1}`),
    );
  const rows = diagramRows(config, taskNames);
  const boxes: ReactElement[] = [];
  let clickable = false;
  rows.forEach((row, r) => {
    const spans = row.reduce((n, b) => n + (b.span ?? 1), 0);
    const unit = (W - GAP * (row.length + 1)) / Math.max(spans, 1);
    let x = GAP;
    row.forEach((box, i) => {
      const w = unit * (box.span ?? 1);
      const layer = box.toggleShared;
      clickable ||= layer !== undefined;
      boxes.push(
        <Box
          key={`${r}.${i}`}
          x={x}
          y={4 + r * ROW}
          w={w}
          label={name(box, box.label, short)}
          kind={box.kind}
          onClick={layer === undefined ? undefined : () => onToggleShared(layer)}
          title={name(box, box.title, taskNames)}
        />,
      );
      x += w + GAP;
    });
  });
  const counts = info
    ? `${info.parameters.shared.toLocaleString()} shared parameters, ${info.parameters.taskSpecificPerTask.toLocaleString()} per task`
    : '';
  return (
    <figure className="arch-diagram">
      <svg
        viewBox={`0 0 ${W} ${4 + rows.length * ROW}`}
        width="100%"
        role="img"
        aria-label={`Network diagram: ${findArchitectureCard(config.architecture.id)?.label ?? config.architecture.id}`}
      >
        {boxes}
      </svg>
      <figcaption>
        {counts}
        {clickable ? ' — click a layer to share it or split it per task.' : ''}
      </figcaption>
    </figure>
  );
}
