/**
 * What every merge method shares (page-safe): the joint warm-up before the specialists split off, and
 * what it needs from the rest of the experiment (page-safe): at least two tasks, and a
 * data suite (the toy objective suites train a point, not a network with heads, and several start points
 * at once). Paths are '' (the section prefixes them: "merging.id: ...").
 */
import type { SectionContext } from '../config/section-card';
import { int, type ConfigIssue } from '../params/spec';
import { findTaskSuite } from '../tasks/registry';

/**
 * Joint steps before the specialists split off (then θ0 is the joint model at that step). Merging works
 * when the models to merge share a trained start, as fine-tuned copies of one pre-trained network do
 * (Frankle et al., "Linear Mode Connectivity and the Lottery Ticket Hypothesis", ICML 2020: copies split off
 * early in training stay linearly connected; from the random start they need not).
 */
export const warmupSteps = int({
  label: 'Joint warm-up steps',
  help: 'Steps the joint model trains on all tasks before every specialist starts from its parameters (θ0). 0 starts the specialists from the random initialisation; a few hundred give them a shared trained start, as fine-tuning from a pre-trained model does. Until then every specialist is the joint model (a run shorter than this never splits).',
  default: 0,
  min: 0,
  max: 10_000_000,
});

export function mergeFits({ numTasks, config }: SectionContext): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (findTaskSuite(config.task.id)?.kind === 'objective')
    issues.push({
      path: '',
      message: `merging trains networks with task heads; the '${config.task.id}' suite trains a point`,
      accepted: "a data suite (e.g. linear-tasks), or merging.id 'none'",
    });
  if (numTasks < 2)
    issues.push({
      path: '',
      message: `merging needs at least 2 tasks (one specialist each), got ${numTasks}`,
      accepted: "a suite with 2 or more tasks, or merging.id 'none'",
    });
  return issues;
}
