/** Live charts of the MTL Playground: the only Recharts importer (DESIGN.md §1). */
export { ChartCard, type ChartCardProps } from './ChartCard';
export { latestSummary, useLogScale } from './chartParts';
export { CosineChart, type CosineChartProps } from './CosineChart';
export { CosineHeatmap, type CosineHeatmapProps } from './CosineHeatmap';
export { DecisionBoundary, type DecisionBoundaryProps } from './DecisionBoundary';
export { LossChart, type LossChartProps } from './LossChart';
export { MetricChart, metricLabel, type MetricChartProps } from './MetricChart';
export { NormsChart, type NormsChartProps } from './NormsChart';
export { CHART_HEIGHT, TimeSeriesChart, type SeriesSpec, type TimeSeriesChartProps } from './TimeSeriesChart';
export { SharesChart, type SharesChartProps } from './SharesChart';
export { ToyLandscape, type ToyLandscapeProps } from './ToyLandscape';
export { toyLandscapeImages, ToyPanel } from './ToyPanel';
export { WeightsChart, type WeightsChartProps } from './WeightsChart';
export * from './downsample';
export * from './palette';
export * from './raster';
export * from './series';
