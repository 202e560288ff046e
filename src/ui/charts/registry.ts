/**
 * Every chart, in page order. A chart without a view kind is always drawn; one with a view kind is drawn
 * for each view of that kind the experiment declares (engine/config/views.ts `viewsOf`). Adding a chart:
 * one file that exports its definition (define.ts, component-chart.ts) plus one line here; a view chart
 * built on Recharts is defined here with defineLazyViewChart, so its module loads when first drawn.
 */
import { affinityChart } from './AffinityHeatmap';
import { cosineChart } from './CosineChart';
import { cosineHeatmapChart } from './CosineHeatmap';
import { decisionBoundaryChart } from './DecisionBoundary';
import { embeddingCacheChart } from './EmbeddingCacheChart';
import { imagePredictionsChart } from './ImagePredictions';
import { defineLazyViewChart, type ChartSpec } from './component-chart';
import { landscapeChart } from './LandscapeChart';
import { layerCosineChart } from './LayerCosineChart';
import { lossChart } from './LossChart';
import { metricChart } from './MetricChart';
import { normsChart } from './NormsChart';
import { sharesChart } from './SharesChart';
import { weightsChart } from './WeightsChart';

export const CHARTS: readonly ChartSpec[] = [
  lossChart,
  metricChart,
  defineLazyViewChart('merging', 'merging', () => import('./MergingChart').then((m) => m.MergingChart)),
  imagePredictionsChart,
  defineLazyViewChart('meta-fits', 'meta-adaptation', () =>
    import('./MetaFitsChart').then((m) => m.MetaFitsChart),
  ),
  defineLazyViewChart('meta-adaptation', 'meta-adaptation', () =>
    import('./MetaFitsLossChart').then((m) => m.MetaFitsLossChart),
  ),
  cosineChart,
  cosineHeatmapChart,
  affinityChart,
  embeddingCacheChart,
  defineLazyViewChart('communication', 'communication', () =>
    import('./CommunicationChart').then((m) => m.CommunicationChart),
  ),
  layerCosineChart,
  normsChart,
  weightsChart,
  sharesChart,
  decisionBoundaryChart,
  landscapeChart,
];
