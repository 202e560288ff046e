/** What the embedding cache reports (Report.embeddingCache): plain numbers, posted to the page and stored. */
export interface EmbeddingCacheReport {
  refreshEvery: number;
  frozen: boolean;
  /** Rows of the last step whose embedding came from the cache, over its rows. */
  stepHitRate: number;
  /** Hits over rows since the first step. */
  hitRate: number;
  hits: number;
  rows: number;
  /** Mean age in steps of the embeddings reused so far (0 before the first hit; 0 for a frozen bottom's exact ones). */
  meanStaleness: number;
  /** Trunk floating-point operations avoided by hits (and by a frozen bottom's skipped backward), in total. */
  flopsSaved: number;
  /** Trunk floating-point operations the cached pass still ran, in total. */
  flopsSpent: number;
  /** Trunk forward FLOPs the fused pass avoids against T autodiff copies (the stacked strategy), in total. */
  withinStepFlopsSaved: number;
}
