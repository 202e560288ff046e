/** Height of a time chart's plot in pixels (the legend sits above it); also its placeholder's while it loads. */
export const CHART_HEIGHT = 210;
