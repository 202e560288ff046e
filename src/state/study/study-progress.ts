/**
 * How the study on screen moves with the worker's progress messages: its plan and backend once started,
 * each finished run, and the steps, elapsed time and ETA in between. Pure: the controller stores and
 * saves.
 */
import type { FromStudyWorker } from '../../worker/study/study-protocol';
import type { StudyView } from './study-store';

export type ProgressMessage = Extract<FromStudyWorker, { type: 'started' | 'progress' | 'steps' }>;

/** "WASM" or, when helpers train beside the study worker, "WASM, 2 workers in parallel". */
export const backendLine = (label: string, lanes = 1): string =>
  lanes > 1 ? `${label}, ${lanes} workers in parallel` : label;

export function advance(view: StudyView, message: ProgressMessage): StudyView {
  switch (message.type) {
    case 'started':
      return { ...view, total: message.total, backend: backendLine(message.label, message.lanes) };
    case 'progress':
      return {
        ...view,
        runs: [...view.runs, message.run],
        total: message.total,
        elapsed: message.elapsed,
        eta: message.eta,
      };
    case 'steps':
      return {
        ...view,
        steps: { done: message.done, total: message.total },
        elapsed: message.elapsed,
        eta: message.eta,
      };
  }
}
