/**
 * The step a chart shows, for the names of exported files. A function, read when the user exports, so
 * that the charts' cards do not re-render for it; the panel provides it (the newest report's step).
 */
import { createContext } from 'react';

export const ChartStepContext = createContext<() => number | null>(() => null);
