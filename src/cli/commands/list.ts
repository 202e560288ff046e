/** `cli list`: every task suite, architecture, method, optimizer and training setting, as JSON. */
import { ARCHITECTURES } from '../../engine/architectures/registry';
import { DEFAULT_SELECTIONS } from '../../engine/config/parse';
import { OPTIMIZERS, TRAINING_SETTINGS } from '../../engine/config/settings';
import { METHODS } from '../../engine/methods/registry';
import { describeParams } from '../../engine/params/validate';
import { TASK_SUITES } from '../../engine/tasks/registry';
import { EXIT } from '../errors';
import { writeJson } from '../io';

const SCALE_NOTES = {
  sum: 'direction = Σ_t w_t g_t with weights around 1 (the gradient of the weighted sum of losses, as LibMTL)',
  mean: 'direction is on the scale of the mean gradient (1/T) Σ_t g_t',
  convex: 'direction = Σ_t w_t g_t with weights on the simplex (Σ_t w_t = 1)',
} as const;

export function catalogue() {
  return {
    defaults: DEFAULT_SELECTIONS,
    taskSuites: TASK_SUITES.map((s) => ({
      id: s.id,
      label: s.label,
      kind: s.kind,
      summary: s.summary,
      citation: s.citation,
      params: describeParams(s.params),
    })),
    architectures: ARCHITECTURES.map((a) => ({
      id: a.id,
      label: a.label,
      group: a.group,
      summary: a.summary,
      citation: a.citation,
      params: describeParams(a.params),
    })),
    methods: METHODS.map((m) => ({
      id: m.id,
      label: m.label,
      group: m.group,
      summary: m.summary,
      citation: m.citation,
      scale: m.scale,
      scaleNote: SCALE_NOTES[m.scale],
      stateful: m.stateful,
      stochastic: m.stochastic,
      params: describeParams(m.params),
    })),
    optimizers: Object.entries(OPTIMIZERS).map(([id, o]) => ({
      id,
      label: o.label,
      citation: o.citation,
      params: describeParams(o.params),
    })),
    settings: describeParams(TRAINING_SETTINGS),
  };
}

export async function listCommand(): Promise<number> {
  await writeJson(catalogue());
  return EXIT.ok;
}
