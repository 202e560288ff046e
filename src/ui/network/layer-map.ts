/**
 * Which of the reports' shared layers (`Report.gradients.layers[].layer`, the `layer` group of each θ
 * segment) a box of the architecture's diagram draws. The diagram (engine/architectures/diagram.ts) says
 * what a box is but not which θ segments it holds, so the names are matched here, by the conventions the
 * architectures name their layers with (mlp.ts, experts.ts, cgc.ts, ple.ts, cross-stitch.ts, ltb.ts,
 * lenet.ts).
 * layer-map.test.ts builds every architecture and checks that each of its reported layers lands on a box,
 * so a renamed layer fails a test instead of silently losing its colour. Pure: no DOM, no tfjs.
 */
import type { DiagramBox, DiagramRow } from '../../engine/architectures/diagram';

/** A box's report layers, bottom layer first (an expert MLP of two layers has two). */
export type BoxLayers = readonly string[];

const LAYER_N = /^layer (\d+)/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `${prefix} layer k` for every k, in order of k: the layers of a stack of expert MLPs. */
function stackLayers(layers: readonly string[], prefix: string): string[] {
  const pattern = new RegExp(`^${escape(prefix)} layer (\\d+)$`);
  return layers
    .map((name) => ({ name, k: Number(pattern.exec(name)?.[1] ?? NaN) }))
    .filter((l) => Number.isFinite(l.k))
    .sort((a, b) => a.k - b.k)
    .map((l) => l.name);
}

/** Row ordinals the naming depends on: the n-th column row, block row, α row, expert level. */
interface Counters {
  columns: number;
  blocks: number;
  stitches: number;
  level: number;
}

const isColumn = (b: DiagramBox) =>
  b.kind === 'task' && /^\d+$/.test(b.label) && b.toggleShared === undefined;
const isBlock = (b: DiagramBox) => b.kind === 'expert' && /^block \d+/.test(b.label);
const isStitch = (b: DiagramBox) => b.kind === 'gate' && /cross-stitch/.test(b.label);
const isSharedExperts = (b: DiagramBox) => b.kind === 'expert' && /shared expert/.test(b.label);

/** The first candidate name (or stack) the report has: PLE prefixes "level n ", CGC does not. */
function firstPresent(layers: readonly string[], candidates: readonly (() => string[])[]): string[] {
  for (const candidate of candidates) {
    const found = candidate().filter((name) => layers.includes(name));
    if (found.length) return found;
  }
  return [];
}

function boxLayers(box: DiagramBox, layers: readonly string[], n: Counters): string[] {
  const level = (what: string) => [
    () => stackLayers(layers, `level ${n.level} ${what}`),
    () => stackLayers(layers, what),
  ];
  if (box.label.startsWith('θ')) return firstPresent(layers, [() => ['theta']]);
  // Layer sharing (a shared layer), FiLM, LoRA, MTAN: "layer N: ... shared".
  const numbered = LAYER_N.exec(box.label);
  if (box.kind === 'shared' && numbered) return firstPresent(layers, [() => [`layer ${numbered[1]}`]]);
  // LeNet (lenet.ts): a shared convolution is "conv n" (n = its place in the `shared` mask), the dense layer "dense".
  if (box.kind === 'shared' && /^conv\b/.test(box.label) && box.toggleShared !== undefined)
    return firstPresent(layers, [() => [`conv ${(box.toggleShared as number) + 1}`]]);
  if (box.kind === 'shared' && /^dense\b/.test(box.label)) return firstPresent(layers, [() => ['dense']]);
  // MMoE and DSelect-k: every expert box holds its slice of each "experts layer k".
  if (box.kind === 'expert' && /^expert \d+/.test(box.label))
    return firstPresent(layers, [() => stackLayers(layers, 'experts')]);
  if (isSharedExperts(box)) return firstPresent(layers, level('shared experts'));
  // PLE below its last level: the task-owned experts feed the shared gate, so they are in θ too.
  if (box.kind === 'task' && /own expert/.test(box.label)) return firstPresent(layers, level('task experts'));
  if (box.kind === 'gate' && /^(shared )?gate$/.test(box.label))
    return firstPresent(layers, [() => [`level ${n.level} gates`]]);
  // Cross-stitch: every task's column is in θ (each task reads all of them through α).
  if (isColumn(box)) return firstPresent(layers, [() => [`layer ${n.columns}`]]);
  if (isStitch(box)) return firstPresent(layers, [() => [`stitch ${n.stitches}`]]);
  // Learning to branch: the blocks of layer n; the softmax between block rows n and n + 1 chooses the
  // parents of layer n + 1's blocks ("branch n + 1").
  if (isBlock(box)) return firstPresent(layers, [() => [`layer ${n.blocks}`]]);
  if (box.kind === 'gate' && /branching/.test(box.label))
    return firstPresent(layers, [() => [`branch ${n.blocks + 1}`]]);
  return [];
}

/**
 * For each row and box of the diagram, the report layers it draws (empty: task-specific or inputs).
 * `layers` are the trainer's shared layer names (TrainerInfo.sharedLayers or a report's layers).
 */
export function mapBoxesToLayers(rows: readonly DiagramRow[], layers: readonly string[]): BoxLayers[][] {
  const n: Counters = { columns: 0, blocks: 0, stitches: 0, level: 0 };
  return rows.map((row) => {
    if (row.some(isColumn)) n.columns++;
    if (row.some(isStitch)) n.stitches++;
    if (row.some(isSharedExperts)) n.level++;
    if (row.some(isBlock)) n.blocks++;
    return row.map((box) => boxLayers(box, layers, n));
  });
}

/** The report layers no box draws (listed apart so that no number is hidden). */
export function unplacedLayers(map: readonly BoxLayers[][], layers: readonly string[]): string[] {
  const placed = new Set(map.flat(2));
  return layers.filter((l) => !placed.has(l));
}
