/**
 * The network as a clickable picture. Per-layer sharing: one wide box for a shared layer, one box per task
 * for a per-task layer; click a hidden layer to switch it. MMoE: experts and one gate per task. Cross-stitch:
 * one column per task with the α units between layers. The caption gives the parameter counts.
 */
import type { ReactElement } from 'react';
import type { ExperimentConfig } from '../../engine/config/types';
import type { TrainerInfo } from '../../engine/train/trainer-info';

interface Props {
  config: ExperimentConfig;
  taskNames: string[];
  info: TrainerInfo | null;
  onToggleShared: (layer: number) => void;
}

const W = 320;
const ROW = 34;
const BOX_H = 22;

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
  kind: string;
  onClick?: (() => void) | undefined;
  title: string;
}) {
  return (
    <g
      className={`arch-box arch-${kind}${onClick ? ' arch-clickable' : ''}`}
      onClick={onClick}
      role={onClick ? 'button' : undefined}
      tabIndex={onClick ? 0 : undefined}
      onKeyDown={(e) => onClick && (e.key === 'Enter' || e.key === ' ') && onClick()}
    >
      <title>{title}</title>
      <rect x={x} y={y} width={w} height={BOX_H} rx={4} />
      <text x={x + w / 2} y={y + BOX_H / 2 + 4} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

export function ArchitectureDiagram({ config, taskNames, info, onToggleShared }: Props) {
  const T = taskNames.length;
  const p = config.architecture.params;
  const colW = (W - 8 * (T + 1)) / Math.max(T, 1);
  const colX = (t: number) => 8 + t * (colW + 8);
  const rows: ReactElement[] = [];
  let y = 4;
  const inputRow = () =>
    rows.push(
      <Box
        key="in"
        x={8}
        y={y}
        w={W - 16}
        label="inputs"
        kind="io"
        title="The same inputs feed every task"
      />,
    );

  if (config.architecture.id === 'point') {
    rows.push(
      <Box
        key="theta"
        x={8}
        y={y}
        w={W - 16}
        label="θ ∈ ℝ² (the point itself)"
        kind="shared"
        title="The toy trains the point θ: both losses are functions of it"
      />,
    );
    y += ROW;
  } else if (config.architecture.id === 'mmoe') {
    inputRow();
    y += ROW;
    const E = Number(p.experts);
    const ew = (W - 8 * (E + 1)) / E;
    for (let e = 0; e < E; e++)
      rows.push(
        <Box
          key={`e${e}`}
          x={8 + e * (ew + 8)}
          y={y}
          w={ew}
          label={`expert ${e + 1}`}
          kind="shared"
          title="Experts are shared by every task"
        />,
      );
    y += ROW;
    taskNames.forEach((name, t) =>
      rows.push(
        <Box
          key={`g${t}`}
          x={colX(t)}
          y={y}
          w={colW}
          label={`gate ${t + 1}`}
          kind="task"
          title={`Softmax gate of ${name}: how it mixes the experts`}
        />,
      ),
    );
    y += ROW;
  } else {
    inputRow();
    y += ROW;
    const widths = (p.widths as number[]) ?? [];
    const shared = (p.shared as boolean[] | undefined) ?? widths.map(() => false);
    const stitched = config.architecture.id === 'cross-stitch';
    widths.forEach((width, l) => {
      const toggle = stitched ? undefined : () => onToggleShared(l);
      if (!stitched && shared[l]) {
        rows.push(
          <Box
            key={`l${l}`}
            x={8}
            y={y}
            w={W - 16}
            label={`layer ${l + 1}: ${width} units, shared`}
            kind="shared"
            onClick={toggle}
            title="Shared by every task. Click to give each task its own copy."
          />,
        );
      } else {
        taskNames.forEach((name, t) =>
          rows.push(
            <Box
              key={`l${l}t${t}`}
              x={colX(t)}
              y={y}
              w={colW}
              label={`${width}`}
              kind="task"
              onClick={toggle}
              title={stitched ? `Column of ${name}` : `${name}'s own layer ${l + 1}. Click to share it.`}
            />,
          ),
        );
      }
      y += ROW;
      if (stitched) {
        rows.push(
          <Box
            key={`cs${l}`}
            x={8}
            y={y - 8}
            w={W - 16}
            label="cross-stitch α"
            kind="stitch"
            title="Learned mixing of the task columns"
          />,
        );
        y += ROW - 8;
      }
    });
  }
  if (config.architecture.id !== 'point') {
    taskNames.forEach((name, t) =>
      rows.push(
        <Box key={`h${t}`} x={colX(t)} y={y} w={colW} label={name} kind="head" title={`Head of ${name}`} />,
      ),
    );
    y += ROW;
  }
  const counts = info
    ? `${info.parameters.shared.toLocaleString()} shared parameters, ${info.parameters.taskSpecificPerTask.toLocaleString()} per task`
    : '';
  return (
    <figure className="arch-diagram">
      <svg
        viewBox={`0 0 ${W} ${y}`}
        width="100%"
        role="img"
        aria-label={`Network diagram: ${config.architecture.id}`}
      >
        {rows}
      </svg>
      <figcaption>
        {counts}
        {config.architecture.id === 'layer-sharing'
          ? ' — click a layer to share it or split it per task.'
          : ''}
      </figcaption>
    </figure>
  );
}
