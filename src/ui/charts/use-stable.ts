/**
 * Keeps a value's identity while its content stays the same. Recharts 3 keeps each axis' props in its own
 * store: a new ticks or domain array, even an equal one, is a store update that recomputes the chart's
 * selectors and renders it again, so a live chart passes the same arrays until the numbers change.
 */
import { useRef } from 'react';

/** Whether two arrays of numbers hold the same numbers in the same order. */
export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** `value`, or the one returned last time when it holds the same numbers. */
export function useStableNumbers<T extends readonly number[]>(value: T): T {
  const last = useRef(value);
  if (!sameNumbers(last.current, value)) last.current = value;
  return last.current;
}
