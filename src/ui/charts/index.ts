/** Live charts of the MTL Playground: the only Recharts importer (docs/architecture.md). */
export { AffinityHeatmap, type AffinityHeatmapProps } from './AffinityHeatmap';
export { ChartCard, type ChartCardProps } from './ChartCard';
export { latestSummary, useLogScale } from './chartParts';
export { CosineHeatmap, type CosineHeatmapProps } from './CosineHeatmap';
export { DecisionBoundary, type DecisionBoundaryProps } from './DecisionBoundary';
export * from './component-chart';
export * from './define';
export { Landscape, type LandscapeProps } from './LandscapeChart';
export { MatrixGrid, type MatrixGridProps } from './MatrixGrid';
export { metricLabel } from './MetricChart';
export { CHARTS } from './registry';
export { CHART_HEIGHT, TimeSeriesChart, type TimeSeriesChartProps } from './TimeSeriesChart';
export { TimeSeriesCard } from './TimeSeriesCard';
export * from './downsample';
export * from './palette';
export * from './raster';
export * from './series';
export * from './task-labels';
