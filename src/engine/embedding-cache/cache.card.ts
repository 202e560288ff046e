/**
 * The embedding cache of a shared bottom (issue 15 §2), page-safe card. The founding documents' lever of
 * "caching and reusing intermediate embeddings" of shared layers: the output of the leading run of shared
 * layers (the trunk) is kept per training example and reused instead of recomputed. Within a step the
 * fused dense-chain pass already runs the trunk once for all tasks; across steps a cached row younger than
 * `refreshEvery` steps is reused stale, as historical embeddings are in GNNAutoScale (Fey, Lenssen, Weichert
 * and Leskovec, "GNNAutoScale: Scalable and Expressive Graph Neural Networks via Historical Embeddings",
 * ICML 2021), or the bottom is frozen after a warm-up and every embedding is computed once, as features of a
 * pre-trained network are (Yosinski et al., "How transferable are features in deep neural networks?",
 * NeurIPS 2014). The tfjs side is registry.ts.
 */
import { findArchitectureCard } from '../architectures/catalogue';
import { defineSectionCard } from '../config/section-card';
import { bool, int, type ConfigIssue } from '../params/spec';
import { findTaskSuite } from '../tasks/registry';

export const bottomCacheCard = defineSectionCard({
  id: 'bottom-cache',
  label: 'Shared-bottom embedding cache',
  summary:
    'Keeps the shared bottom’s output for every training example and reuses it for up to refreshEvery steps (or, frozen, for ever after a warm-up): a reused row costs no trunk forward or backward pass, but its embedding is stale and the bottom learns only from the rows recomputed.',
  citation:
    'Fey et al., "GNNAutoScale: Scalable and Expressive Graph Neural Networks via Historical Embeddings", ICML 2021 (stale historical embeddings); Yosinski et al., "How transferable are features in deep neural networks?", NeurIPS 2014 (a frozen, pre-trained bottom)',
  params: {
    refreshEvery: int({
      label: 'Refresh every (steps)',
      help: 'A cached embedding younger than this many steps is reused; an older one is recomputed (and the bottom trains on that row). 1 recomputes every row: exactly the uncached run.',
      min: 1,
      max: 100000,
      default: 10,
    }),
    frozen: bool({
      label: 'Freeze the bottom',
      help: 'After the warm-up the shared bottom stops learning, so each example’s embedding is computed once and reused for ever, never stale: a pre-trained bottom. refreshEvery is then unused.',
      default: false,
    }),
    warmupSteps: int({
      label: 'Warm-up steps (frozen)',
      help: 'With the bottom frozen: steps of ordinary training before it freezes.',
      min: 0,
      max: 1000000,
      default: 200,
    }),
  },
  check(_params, { config }) {
    const issues: ConfigIssue[] = [];
    const accepted =
      "the layer-sharing architecture with its first layer shared (shared: [true, ...]), or id 'none'";
    const suite = findTaskSuite(config.task.id);
    if (suite && suite.kind !== 'data')
      issues.push({
        path: '',
        message: `the '${suite.id}' suite trains a point, not a network: there is no shared bottom to cache; accepted: ${accepted}`,
        accepted,
      });
    const arch = config.architecture;
    const label = findArchitectureCard(arch.id)?.label ?? arch.id;
    if (arch.id !== 'layer-sharing')
      issues.push({
        path: '',
        message: `architecture '${arch.id}' (${label}) has no shared bottom of dense layers to cache; accepted: ${accepted}`,
        accepted,
      });
    else if ((arch.params.shared as boolean[] | undefined)?.[0] !== true)
      issues.push({
        path: '',
        message: `architecture.params.shared starts with false: the first layer is per task, so there is no shared bottom to cache; accepted: ${accepted}`,
        accepted,
      });
    if (config.gradients !== 'auto' && config.gradients !== 'fused')
      issues.push({
        path: '',
        message: `gradients '${config.gradients}' runs autodiff copies of the trunk, and the cache replaces the fused pass; accepted: gradients 'auto' or 'fused'`,
        accepted: "gradients 'auto' or 'fused'",
      });
    return issues;
  },
  views: (params) => [
    { kind: 'embedding-cache', refreshEvery: params.refreshEvery as number, frozen: params.frozen === true },
  ],
});
