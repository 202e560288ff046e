/**
 * Charts drawn by their own component (matrices, decision boundaries, landscapes), and the union the
 * registry holds. The component file exports its definition: `defineChart` for a chart drawn whatever the
 * experiment, `defineViewChart` for one drawn per declared view of a kind, given that view.
 */
import { createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { CHART_HEIGHT } from './chart-height';
import type { ViewKind, ViewOf, ViewSpec } from '../../engine/views';
import type { ChartContext, TimeSeriesChartSpec } from './define';

export interface ComponentChartSpec {
  kind: 'component';
  id: string;
  view?: ViewKind;
  /** The card for one view (undefined for a chart without a view kind). */
  render(ctx: ChartContext, view: ViewSpec | undefined): ReactNode;
}

export type ChartSpec = TimeSeriesChartSpec | ComponentChartSpec;

export function defineChart(id: string, Component: ComponentType<{ ctx: ChartContext }>): ComponentChartSpec {
  return { kind: 'component', id, render: (ctx) => createElement(Component, { ctx }) };
}

export function defineViewChart<K extends ViewKind>(
  id: string,
  view: K,
  Component: ComponentType<{ ctx: ChartContext; view: ViewOf<K> }>,
): ComponentChartSpec {
  const isKind = (v: ViewSpec | undefined): v is ViewOf<K> => v?.kind === view;
  return {
    kind: 'component',
    id,
    view,
    render: (ctx, v) => (isKind(v) ? createElement(Component, { ctx, view: v }) : null),
  };
}

/**
 * A view chart whose component loads when first drawn: charts built on Recharts stay off the first bundle
 * (test/browser/bundle.test.ts), as TimeSeriesCard's do. The registry line names the module to load.
 */
export function defineLazyViewChart<K extends ViewKind>(
  id: string,
  view: K,
  load: () => Promise<ComponentType<{ ctx: ChartContext; view: ViewOf<K> }>>,
): ComponentChartSpec {
  const Loaded = lazy(async () => ({ default: await load() }));
  const fallback = createElement('div', { style: { minHeight: CHART_HEIGHT } });
  return defineViewChart(id, view, (props) =>
    createElement(Suspense, { fallback }, createElement(Loaded, props)),
  );
}
