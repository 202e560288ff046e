/**
 * The shared bottom's embedding cache (engine/embedding-cache/): over the steps, how many batch rows read
 * their embedding from the cache (recently and overall) and what share of the trunk's compute that saved,
 * so a student can set the hit rate beside the loss curves and see what stale embeddings cost.
 */
import { lazy, Suspense, useRef } from 'react';
import type { EmbeddingCacheView } from '../../engine/views';
import { CHART_HEIGHT } from './chart-height';
import { ChartCard } from './ChartCard';
import { defineViewChart } from './component-chart';
import type { ChartContext } from './define';
import { CacheTrace, cacheSummary } from './EmbeddingCacheTrace';

// Recharts stays off the first bundle (as TimeSeriesCard's charts do): the plot loads when first drawn.
const EmbeddingCachePlot = lazy(() =>
  import('./EmbeddingCachePlot').then((m) => ({ default: m.EmbeddingCachePlot })),
);

export function EmbeddingCacheChart({ ctx, view }: { ctx: ChartContext; view: EmbeddingCacheView }) {
  const trace = useRef(new CacheTrace()).current;
  const latest = ctx.history.latest;
  if (ctx.history.reports === 0) trace.clear();
  else if (latest) trace.add(latest.step, latest.embeddingCache);
  const rows = trace.rows;
  const c = latest?.embeddingCache;
  const ready = rows.length > 0;
  const mode = view.frozen ? 'frozen bottom' : `refresh every ${view.refreshEvery} steps`;
  return (
    <ChartCard
      id="embedding-cache"
      title={`Embedding cache of the shared bottom (${mode})`}
      info="Every training example's shared-bottom output (its embedding) is kept. A batch row whose embedding is younger than the refresh period reads it from the cache: the shared bottom runs neither forward nor backward for it, so the trunk compute saved (dotted) follows the hit rate. The price: a reused embedding was computed by older weights (stale), and the bottom learns only from the rows it recomputes. Compare the loss charts with refresh 1 (no reuse, the exact run): a longer period saves more but, past a point, the heads fit embeddings the bottom no longer produces and the test loss rises. A frozen bottom stops learning after its warm-up, so its reused embeddings are exact."
      ready={ready}
      empty="Train to see how often the cache is hit and how much trunk compute it saves."
      footer={c && ready ? cacheSummary(c) : null}
    >
      <Suspense fallback={<div style={{ height: CHART_HEIGHT }} />}>
        <EmbeddingCachePlot rows={rows} mode={mode} />
      </Suspense>
    </ChartCard>
  );
}

export const embeddingCacheChart = defineViewChart('embedding-cache', 'embedding-cache', EmbeddingCacheChart);
