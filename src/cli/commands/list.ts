/**
 * `cli list`: every task suite, architecture, method, optimizer, training setting and optional section
 * (compressors, embedding caches, meta-learners, merge methods), as JSON.
 */
import { ARCHITECTURE_CARDS } from '../../engine/architectures/catalogue';
import { DEFAULT_SELECTIONS } from '../../engine/config/parse';
import { OPTIMIZER_CARDS } from '../../engine/config/optimizers';
import { TRAINING_SETTINGS } from '../../engine/config/settings';
import { partialTaskPolicy } from '../../engine/methods/card';
import { METHOD_CARDS } from '../../engine/methods/catalogue';
import { SAMPLERS } from '../../engine/sampling/registry';
import { ISOLATION_SETTINGS } from '../../engine/config/isolation';
import { SECTION_KEYS, SECTIONS } from '../../engine/config/sections';
import { describeParams } from '../../engine/params/validate';
import { TASK_SUITES } from '../../engine/tasks/registry';
import { EXIT } from '../errors';
import { type CliIo, writeJson } from '../io';

const SCALE_NOTES = {
  sum: 'direction = Σ_t w_t g_t with weights around 1 (the gradient of the weighted sum of losses, as LibMTL)',
  mean: 'direction is on the scale of the mean gradient (1/T) Σ_t g_t',
  convex: 'direction = Σ_t w_t g_t with weights on the simplex (Σ_t w_t = 1)',
} as const;

/** What a method does on steps where a partial sampling strategy left tasks out. */
const PARTIAL_NOTES = {
  skip: 'tasks left out of a step contribute nothing to it (zero gradient row, last known loss)',
  reuse: 'tasks left out of a step are represented by their last gradient and loss',
  disabled: 'needs every task at every step: refused with strategies that leave tasks out',
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
    architectures: ARCHITECTURE_CARDS.map((a) => ({
      id: a.id,
      label: a.label,
      group: a.group,
      summary: a.summary,
      citation: a.citation,
      params: describeParams(a.params),
    })),
    methods: METHOD_CARDS.map((m) => ({
      id: m.id,
      label: m.label,
      group: m.group,
      summary: m.summary,
      citation: m.citation,
      scale: m.scale,
      scaleNote: SCALE_NOTES[m.scale],
      stateful: m.stateful,
      stochastic: m.stochastic,
      partialTasks: partialTaskPolicy(m),
      partialTasksNote: PARTIAL_NOTES[partialTaskPolicy(m)],
      params: describeParams(m.params),
    })),
    samplers: SAMPLERS.map((s) => ({
      id: s.id,
      label: s.label,
      summary: s.summary,
      citation: s.citation,
      partial: s.partial,
      params: describeParams(s.params),
    })),
    optimizers: OPTIMIZER_CARDS.map((o) => ({
      id: o.id,
      label: o.label,
      citation: o.citation,
      params: describeParams(o.params),
    })),
    settings: describeParams(TRAINING_SETTINGS),
    isolation: describeParams(ISOLATION_SETTINGS),
    // The optional sections (communication, embeddingCache, meta, merging): each a registry of choices.
    sections: Object.fromEntries(
      SECTION_KEYS.map((key) => [
        key,
        {
          title: SECTIONS[key].title,
          replacesJointTraining: SECTIONS[key].procedure,
          choices: SECTIONS[key].cards().map((c) => ({
            id: c.id,
            label: c.label,
            summary: c.summary,
            citation: c.citation,
            params: describeParams(c.params),
          })),
        },
      ]),
    ),
  };
}

export async function listCommand(io: CliIo): Promise<number> {
  await writeJson(io, catalogue());
  return EXIT.ok;
}
