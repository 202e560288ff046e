/**
 * Live charts of the MTL Playground: the only Recharts importer (docs/architecture.md); updates per frame slot.
 * Time charts paint on canvases (time-scene.ts, draw-scene.ts); the picture charts built on Recharts
 * (~100 kB gzip) load when first drawn (registry.ts), not with the page.
 */
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
export { CHART_HEIGHT } from './chart-height';
export type { TimeSeriesChartProps } from './TimeSeriesChart';
export { TimeSeriesCard } from './TimeSeriesCard';
export { REFRESH_MS, chartScheduler, useScheduledSelection } from './use-scheduled';
export * from './downsample';
export * from './palette';
export * from './raster';
export * from './series';
export * from './task-labels';
