/**
 * The width of a chart frame that mounts only once data arrives (ChartCard renders its children only when
 * ready): a callback ref, so the measurement starts when the element appears, not at the card's first render
 * (use-width.ts measures a ref once, at mount).
 */
import { useCallback, useEffect, useState } from 'react';

export function useFrameWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: HTMLDivElement | null) => setElement(el), []);
  useEffect(() => {
    if (!element) return;
    setWidth(Math.round(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, width];
}
