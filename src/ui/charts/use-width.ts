/**
 * A chart's width, measured once and then followed with a ResizeObserver, so the chart lays out in fixed
 * pixel sizes and never measures its box while it redraws.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The element's content width in CSS pixels (0 until laid out), kept current by a ResizeObserver. */
export function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.round(el.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
