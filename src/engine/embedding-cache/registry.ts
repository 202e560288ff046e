/**
 * The tfjs side of the embedding caches: one implementation per card of catalogue.ts (`none` has none).
 * Adding one: its implementation file plus one line in CACHES.
 */
import type { ExperimentConfig } from '../config/types';
import type { Optimizer } from '../optim/types';
import { narrowParams } from '../params/narrow';
import type { AnyParams } from '../params/spec';
import type { Model } from '../train/model';
import { createBottomCache } from './bottom-cache';
import { bottomCacheCard } from './cache.card';
import type { EmbeddingCache } from './types';

type CacheFactory = (params: AnyParams, model: Model, optimizer: Optimizer) => EmbeddingCache;

const CACHES: Record<string, CacheFactory> = {
  [bottomCacheCard.id]: (p, model, optimizer) =>
    createBottomCache(narrowParams(bottomCacheCard.params, p), model, optimizer),
};

/** The config's embedding cache over `model`, or null when the section is off. */
export function createEmbeddingCache(
  config: ExperimentConfig,
  model: Model,
  optimizer: Optimizer,
): EmbeddingCache | null {
  const selection = config.embeddingCache;
  if (!selection || selection.id === 'none') return null;
  const create = CACHES[selection.id];
  if (!create) throw new Error(`unknown embedding cache '${selection.id}'`);
  return create(selection.params, model, optimizer);
}
