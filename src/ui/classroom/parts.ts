/**
 * What a classroom link may hide or lock (`#hide=method,loss&lock=task`): the names, in words for the
 * teacher's share form, and the check that names what a link asked for that does not exist here.
 */
import { CHARTS } from '../charts';

/** Controls and panels that can be hidden, in page order. */
export const PANEL_PARTS: Readonly<Record<string, string>> = {
  controls: 'All controls (the left column)',
  task: 'Task suite and its settings',
  architecture: 'Architecture and its settings',
  method: 'Method and its settings',
  isolation: 'Data sharing and isolation',
  levers: 'More levers (compression, cache, meta-learning, merging)',
  training: 'Training settings (all)',
  optimizer: 'Optimizer and its settings',
  learningRate: 'Learning rate',
  batchSize: 'Batch size',
  seed: 'Seed',
  reportEvery: 'Report every',
  gradients: 'Gradient strategy',
  backend: 'Backend',
  presets: 'Presets menu',
  tabs: 'Workspace tabs',
  network: 'Network view',
  runs: 'Run list',
};

/** Fields a link can show but not let the student change. */
export const LOCKABLE_PARTS = [
  'task',
  'architecture',
  'method',
  'isolation',
  'levers',
  'training',
  'optimizer',
  'learningRate',
  'batchSize',
  'seed',
  'reportEvery',
  'gradients',
  'backend',
] as const;

const CHART_WORDS: Readonly<Record<string, string>> = {
  loss: 'Loss per task',
  metric: 'Test metric per task',
  cosine: 'Gradient cosine',
  heatmap: 'Cosine heatmap',
  affinity: 'Task affinity',
  'layer-cosine': 'Cosine per layer',
  norms: 'Gradient norms',
  weights: 'Task weights',
  shares: 'Task shares',
  boundary: 'Decision boundary',
  landscape: 'Loss landscape',
};

/** Every chart of the registry: id → words (the id itself where no words are written yet). */
export const CHART_PARTS: Readonly<Record<string, string>> = Object.fromEntries(
  CHARTS.map((c) => [c.id, CHART_WORDS[c.id] ?? c.id]),
);

/** The names a link gave that are not parts of this page, in one line (null when all are known). */
export function unknownPartsNotice(hide: readonly string[], lock: readonly string[]): string | null {
  const lockable = new Set<string>(LOCKABLE_PARTS);
  const badHide = hide.filter((p) => !(p in PANEL_PARTS) && !(p in CHART_PARTS));
  const badLock = lock.filter((p) => !lockable.has(p));
  const lines: string[] = [];
  if (badHide.length)
    lines.push(
      `hide=${badHide.join(',')} names nothing on this page (accepted: ${[...Object.keys(PANEL_PARTS), ...Object.keys(CHART_PARTS)].join(', ')})`,
    );
  if (badLock.length)
    lines.push(`lock=${badLock.join(',')} names no field (accepted: ${LOCKABLE_PARTS.join(', ')})`);
  return lines.length ? `The classroom link: ${lines.join('; ')}.` : null;
}
