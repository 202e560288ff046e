/**
 * The words of a health issue (training-health.ts finds it): what was seen, with the numbers, why it
 * happens, and what to try. Collapse: exactly zero gradients mean every unit of a shared layer is off for
 * every input (dead ReLUs), tiny ones saturated units (tanh, sigmoid); either way only the heads still learn.
 * Unstable: the loss stays far above its best while the gradients are large: the steps overshoot.
 */
import type { ExperimentConfig } from '../config/types';
import { METRICS, type MetricKind } from '../tasks/losses';
import { short } from './explosion';
import type { HealthIssue } from './report';

/** One affected task as the report shows it. */
export interface TaskSign {
  name: string;
  metric: number;
  metricKind: MetricKind;
  /** Its metric is at chance (a collapse; else its loss is far above its best). */
  atChance: boolean;
  /** Its shared gradient norm now and in the first report. */
  norm: number;
  firstNorm: number;
  loss: number;
  best: number;
  /** The step of the first report showing the sign. */
  since: number;
}

/** "a", "a and b", "a, b and c". */
const list = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const names = (tasks: TaskSign[]) => list(tasks.map((t) => t.name));

/** "the training loss of a is far above its best" / "the training losses of a and b are ... their best". */
const lossesFarAbove = (tasks: TaskSign[]) =>
  tasks.length > 1
    ? `the training losses of ${names(tasks)} are far above their best`
    : `the training loss of ${names(tasks)} is far above its best`;

const lossValues = (tasks: TaskSign[]) => list(tasks.map((t) => `${short(t.loss)} against ${short(t.best)}`));

function activationOf(config: ExperimentConfig): string | undefined {
  const value = (config.architecture.params as Record<string, unknown>).activation;
  return typeof value === 'string' ? value : undefined;
}

const lowerRate = (lr: number, then: string) =>
  `Lower the learning rate (now ${short(lr)}; try ${short(lr / 100)} or less) ${then}`;
const CLIP = 'Clip the gradients (isolation.clipNorm) so that no single step can be too large.';

function collapseCause(objective: boolean, zero: boolean, activation: string | undefined): string {
  if (objective) return 'θ sits on a flat stretch of the landscape, far from where it did best.';
  if (activation === 'relu' && zero)
    return 'Every ReLU unit of a shared layer is off for every input (dead units): they pass no gradient, so they never switch back on.';
  if (activation === 'tanh' || activation === 'sigmoid')
    return `The ${activation} units of the shared layers are saturated: their inputs grew so large that they pass almost no gradient.`;
  return 'The units of a shared layer are off or saturated for every input.';
}

function collapseAdvice(objective: boolean, activation: string | undefined, lr: number): string[] {
  const reset = lowerRate(lr, `and reset: ${objective ? 'θ' : 'the network'} does not recover on its own.`);
  if (objective) return [reset];
  return [
    reset,
    ...(activation === 'relu'
      ? ['Use ELU or tanh units instead of ReLU (the activation setting): they cannot switch off for good.']
      : []),
    ...(activation === 'tanh' || activation === 'sigmoid'
      ? [`Use ELU or ReLU units instead of ${activation} (the activation setting): they do not saturate.`]
      : []),
    CLIP,
    'Or keep training: the run goes on, but only the task-specific layers can still learn.',
  ];
}

/** How collapsed tasks do: at chance, or far above their best loss. */
function collapseState(tasks: TaskSign[]): string {
  const chance = tasks.filter((t) => t.atChance);
  const stalled = tasks.filter((t) => !t.atChance);
  const metrics = list(chance.map((t) => `${t.name}'s ${METRICS[t.metricKind].label}`));
  return list([
    ...(chance.length
      ? [
          `${metrics} ${chance.length > 1 ? 'are' : 'is'} at chance (${list(chance.map((t) => short(t.metric)))})`,
        ]
      : []),
    ...(stalled.length ? [`${lossesFarAbove(stalled)} (${lossValues(stalled)})`] : []),
  ]);
}

export function collapseIssue(
  tasks: TaskSign[],
  info: { kind: 'data' | 'objective' },
  config: ExperimentConfig,
): HealthIssue {
  const objective = info.kind === 'objective';
  const zero = tasks.every((t) => t.norm === 0);
  const activation = activationOf(config);
  const since = Math.min(...tasks.map((t) => t.since));
  const start = `${list(tasks.map((t) => short(t.firstNorm)))} at the start`;
  const norms = zero ? start : `${list(tasks.map((t) => short(t.norm)))} now, ${start}`;
  const where = objective ? 'θ' : 'the shared layers';
  const seen =
    `Since step ${since} the gradients of ${names(tasks)} on ${where} are ` +
    `${zero ? 'exactly zero' : 'below 1/1000 of their start'} (${norms}), so ${where} no longer ` +
    `learn${objective ? 's' : ''}.`;
  return {
    kind: 'collapsed',
    tasks: tasks.map((t) => t.name),
    since,
    reason: `${seen} ${collapseCause(objective, zero, activation)} Meanwhile ${collapseState(tasks)}.`,
    advice: collapseAdvice(objective, activation, config.learningRate),
  };
}

export function unstableIssue(tasks: TaskSign[], config: ExperimentConfig): HealthIssue {
  const since = Math.min(...tasks.map((t) => t.since));
  const norms = `${list(tasks.map((t) => short(t.norm)))} now, ${list(tasks.map((t) => short(t.firstNorm)))} at the start`;
  return {
    kind: 'unstable',
    tasks: tasks.map((t) => t.name),
    since,
    reason:
      `Since step ${since} ${lossesFarAbove(tasks)} (${lossValues(tasks)}) while ` +
      `${tasks.length > 1 ? 'their gradients are' : 'its gradient is'} large ` +
      `(${norms}): each step overshoots, so the parameters thrash instead of settling.`,
    advice: [
      lowerRate(config.learningRate, 'and reset: the run may settle on its own, but slowly if at all.'),
      CLIP,
      'Or keep training: the run goes on as it is.',
    ],
  };
}
