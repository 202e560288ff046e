/**
 * The live charts, mounted once and kept mounted whatever the tab: ChartsPanel renders through a portal into
 * one host element, which sits in the Training tab's slot while that tab is shown and in a hidden, laid-out
 * parking spot otherwise.
 *
 * Why (issue 11, no main-thread task over 50 ms while training): a first visit opens the Lessons tab, and
 * pressing Train there opens Training. Mounting the charts then, as the run starts, cost 2-4 tasks of
 * 70-400 ms (each plot's mount was ~40-60 ms under Recharts on a 2-core machine; bench/app.bench.ts). Parked, the
 * charts mount while the page is idle after load (their plots one per frame, use-plot.ts), measured at the
 * width they will have, so opening the tab moves an element instead of building the charts. While parked
 * they do not follow the run (ChartsShownContext): shown again, each redraws once, in its own frame slot.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PlaygroundStore } from '../../state/store';
import { ChartsShownContext } from '../charts/use-scheduled';
import { ChartsPanel } from './ChartsPanel';

/** The host element the charts render into, and where it waits while no tab shows it. */
export interface ChartsHost {
  readonly element: HTMLDivElement;
  parking: HTMLDivElement | null;
}

export function useChartsHost(): ChartsHost {
  const [host] = useState<ChartsHost>(() => ({ element: document.createElement('div'), parking: null }));
  return host;
}

/** How long after load, at most, the parked charts wait for an idle moment before mounting. */
const PARK_WITHIN_MS = 1500;

/**
 * The charts' portal and their parking spot (always rendered, at the end of the workspace). `now`: mount
 * the charts at once (the Training tab is shown); else at the page's first idle moment.
 */
export function ParkedCharts({
  host,
  store,
  now,
}: {
  host: ChartsHost;
  store: PlaygroundStore;
  now: boolean;
}) {
  const [mounted, setMounted] = useState(now);
  useEffect(() => {
    if (mounted) return;
    if (now) return void setMounted(true);
    const idle = window.requestIdleCallback?.(() => setMounted(true), { timeout: PARK_WITHIN_MS });
    const timer = idle === undefined ? window.setTimeout(() => setMounted(true), PARK_WITHIN_MS) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [mounted, now]);
  const park = useCallback(
    (spot: HTMLDivElement | null) => {
      host.parking = spot;
      // At first, and whenever the tab showing the charts has gone, they wait here.
      if (spot && !host.element.isConnected) spot.appendChild(host.element);
    },
    [host],
  );
  return (
    <>
      <div className="charts-parking" aria-hidden="true" inert ref={park} />
      {mounted
        ? createPortal(
            // Hidden charts stop redrawing (a run may train behind another tab) and catch up when shown.
            <ChartsShownContext.Provider value={now}>
              <ChartsPanel store={store} />
            </ChartsShownContext.Provider>,
            host.element,
          )
        : null}
    </>
  );
}

/** Where the Training tab shows the charts: takes the host on mount, parks it again on unmount. */
export function ChartsSlot({ host }: { host: ChartsHost }) {
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    slot.current?.appendChild(host.element);
    return () => {
      host.parking?.appendChild(host.element);
    };
  }, [host]);
  return <div ref={slot} />;
}
