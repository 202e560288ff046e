/** Ids of stored runs: new runs' ids, and fresh ids for imported runs and studies. */
import type { RunFileContents } from './run-file';

let counter = 0;
/** Unique and stable: creation time plus randomness (two tabs may create runs in the same millisecond). */
export const newRunId = (now = Date.now()): string =>
  `run-${now.toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * New ids for imported runs (and their study, whose run list and whose runs' tags follow), so that an
 * import never overwrites a stored run, even its own original.
 */
export function withFreshIds(contents: RunFileContents, now: number): RunFileContents {
  const studyId = contents.study ? `study-${newRunId(now).slice(4)}` : null;
  const runs = contents.runs.map((r, i) => ({
    ...r,
    id: newRunId(now + i),
    createdAt: now + i,
    ...(r.study && studyId ? { study: { ...r.study, id: studyId } } : {}),
  }));
  const study =
    contents.study && studyId
      ? { ...contents.study, id: studyId, runIds: runs.map((r) => r.id), createdAt: now }
      : null;
  return { runs, study };
}
