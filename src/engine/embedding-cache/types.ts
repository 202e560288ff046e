/** What an embedding cache gives the trainer (registry.ts builds one per config). */
import type { MethodState } from '../stateful/state';
import type { Model } from '../train/model';
import type { EmbeddingCacheReport } from './report';

export interface EmbeddingCache {
  /** The trainer's model with its fused pass reading and refreshing the cache. */
  model: Model;
  /** The table and the schedule: a checkpoint part. */
  state: MethodState;
  report(): EmbeddingCacheReport;
  dispose(): void;
}
