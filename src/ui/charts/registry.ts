/**
 * Every chart, in page order. A chart without a view kind is always drawn; one with a view kind is drawn
 * for each view of that kind the experiment declares (engine/config/views.ts `viewsOf`). Adding a chart:
 * one file that exports its definition (define.ts, component-chart.ts) plus one line here.
 */
import { affinityChart } from './AffinityHeatmap';
import { cosineChart } from './CosineChart';
import { cosineHeatmapChart } from './CosineHeatmap';
import { decisionBoundaryChart } from './DecisionBoundary';
import { imagePredictionsChart } from './ImagePredictions';
import type { ChartSpec } from './component-chart';
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
  imagePredictionsChart,
  cosineChart,
  cosineHeatmapChart,
  affinityChart,
  layerCosineChart,
  normsChart,
  weightsChart,
  sharesChart,
  decisionBoundaryChart,
  landscapeChart,
];
