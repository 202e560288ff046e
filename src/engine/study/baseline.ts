/**
 * Single-task baselines: the config that trains every task on its own, with the same suite, data, widths,
 * optimizer and step budget as a grid point. One layer-sharing net with no layer shared is T independent
 * networks in one model (each task owns every hidden layer and its head; layer-sharing.card.ts), trained
 * with equal weights: Adam's per-parameter scaling makes each task's own update independent of the weight,
 * and no parameter receives two tasks' gradients. This is the "independent" mask of Zhang et al. 2021
 * (arXiv 2107.11359) and the single-task reference of Δm% (Maninis et al., CVPR 2019).
 */
import { parseConfig } from '../config/parse';
import type { ExperimentConfig } from '../config/types';
import { ConfigError } from '../config/types';
import { findTaskSuite } from '../tasks/registry';
import { stableJson, type Settings } from './grid';

/** The layer-sharing default widths, for an architecture that has none (e.g. the toy's point has none). */
const DEFAULT_WIDTHS = [32, 32];
/** What the task heads look like (architectures/specs.ts headSpecs): kept as the grid point has them. */
const HEAD_KEYS = ['activation', 'headLayers', 'headWidth'] as const;
/** Top-level config paths whose values a baseline replaces, so they do not split the baseline sets. */
const REPLACED = new Set(['architecture', 'method']);

/**
 * The hidden widths of an architecture's params: `widths` where the card has them (layer sharing,
 * cross-stitch, MTAN, LTB, LoRA, FiLM), an expert's `expertWidths` for the mixtures (MMoE, CGC, PLE,
 * DSelect-k), otherwise layer sharing's default.
 */
export function hiddenWidthsOf(params: Record<string, unknown>): number[] {
  for (const key of ['widths', 'expertWidths']) {
    const value = params[key];
    if (Array.isArray(value) && value.length && value.every((w) => typeof w === 'number')) return value;
  }
  return [...DEFAULT_WIDTHS];
}

/**
 * A grid point's baseline config. Isolation that couples tasks or names shared layers (gradient masks,
 * the orthogonality and trace-norm penalties) and the affinity monitor are switched off: with nothing
 * shared they are either meaningless or would tie the tasks back together. Clipping and L2 stay.
 */
export function baselineConfigOf(config: ExperimentConfig, where: string): ExperimentConfig {
  const suite = findTaskSuite(config.task.id);
  if (suite?.kind === 'objective')
    throw new ConfigError([
      {
        path: 'baselines',
        message: `the '${suite.id}' suite trains one point θ for all tasks, so it has no single-task baseline; accepted here: false`,
        accepted: 'false',
      },
    ]);
  const arch = config.architecture.params as Record<string, unknown>;
  const widths = hiddenWidthsOf(arch);
  const heads = Object.fromEntries(HEAD_KEYS.filter((k) => k in arch).map((k) => [k, arch[k]]));
  const raw = {
    ...config,
    architecture: { id: 'layer-sharing', params: { ...heads, widths, shared: widths.map(() => false) } },
    method: { id: 'ew', params: {} },
    isolation: { ...config.isolation, gradientMask: [], orthogonality: 0, traceNorm: 0, affinityEvery: 0 },
  };
  try {
    return parseConfig(raw);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(error.issues.map((i) => ({ ...i, path: `baselines of ${where}: ${i.path}` })));
  }
}

/** The grid settings a baseline keeps: every path outside architecture and method. */
export function baselineSettingsOf(settings: Settings): Settings {
  return Object.fromEntries(
    Object.entries(settings).filter(([path]) => !REPLACED.has(path.split(/[.[]/)[0] ?? '')),
  );
}

/** Equal for two grid points that share one baseline set (their baseline configs agree but for the seed). */
export const baselineIdentity = (config: ExperimentConfig): string => stableJson({ ...config, seed: 0 });
