/**
 * Whether a config's seeds can train as one batch (seed-batch.ts) and give each seed exactly the numbers of
 * its one-by-one run; if not, why not, in words the study shows the user. Batching is offered where it is
 * exact and common: the layer-sharing network (any mask; the hand-written dense-chain pass), data suites,
 * any method that needs no KPIs (a stochastic one runs per seed with each seed's own draws:
 * per-seed-method.ts), sampling whose batches come from each seed's own stream alone, and
 * no setting that would need a per-seed readback or a per-seed choice inside the step. Everything else
 * trains its seeds one by one, which is always correct, only slower.
 *
 * Page-safe: it reads cards and registries only (no tfjs), so a study can say before it starts which of
 * its groups will batch.
 */
import { activeSections, SECTIONS } from '../config/sections';
import type { ExperimentConfig } from '../config/types';
import { findMethodCard } from '../methods/catalogue';
import { findSampler } from '../sampling/registry';
import { findTaskSuite } from '../tasks/registry';

const ONE_BY_ONE = 'so its seeds train one by one';

/** null when `config` can train its seeds as one batch; otherwise why not, in words (shown to the user). */
export function seedBatchBlocker(config: ExperimentConfig): string | null {
  const section = activeSections(config)[0];
  if (section)
    return `${SECTIONS[section].title.toLowerCase()} (${section}) keeps its own per-run state, ${ONE_BY_ONE}`;
  const suite = findTaskSuite(config.task.id);
  if (!suite) return `the task suite '${config.task.id}' is unknown`;
  if (suite.kind !== 'data')
    return `the '${suite.id}' suite already trains its start points side by side, ${ONE_BY_ONE}`;
  if (config.architecture.id !== 'layer-sharing')
    return `only the layer-sharing network (a chain of dense layers) trains several seeds in one pass; '${config.architecture.id}' does not, ${ONE_BY_ONE}`;
  if (config.gradients !== 'auto' && config.gradients !== 'fused')
    return `gradients '${config.gradients}' asks for autodiff passes; seeds share a pass only with 'auto' or 'fused', ${ONE_BY_ONE}`;
  const method = findMethodCard(config.method.id);
  if (!method) return `the method '${config.method.id}' is unknown`;
  if (method.needsKpis)
    return `the method '${method.id}' weighs tasks by a per-batch KPI that the batched pass does not compute, ${ONE_BY_ONE}`;
  const sampler = findSampler(config.sampling.id);
  if (!sampler) return `the sampling strategy '${config.sampling.id}' is unknown`;
  if (sampler.partial)
    return `the sampling strategy '${sampler.id}' leaves different tasks out of each seed's steps, which one method call cannot serve, ${ONE_BY_ONE}`;
  if (sampler.usesTaskLosses || sampler.sampleLossesEvery)
    return `the sampling strategy '${sampler.id}' reads each seed's losses to choose its batches, ${ONE_BY_ONE}`;
  const iso = config.isolation;
  if (iso.affinityEvery > 0)
    return `lookahead affinity (isolation.affinityEvery) takes extra steps per run, ${ONE_BY_ONE}`;
  const regularizer = (['l2', 'orthogonality', 'traceNorm'] as const).find((k) => iso[k] > 0);
  if (regularizer)
    return `the regularizer isolation.${regularizer} acts on one run's task-specific weights, ${ONE_BY_ONE}`;
  return null;
}
