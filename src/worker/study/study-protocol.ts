/**
 * Typed messages between the page and the study worker (both directions). Studies train in a worker of
 * their own, so the Training tab's live run keeps its worker and stays responsive while a study runs.
 * The state layer imports this file: types only, no runtime code.
 */
import type { ConfigIssue } from '../../engine/params/spec';
import type { RunRecord, StudySpec, StudySummary } from '../../engine/study/types';
import type { BackendChoice, BackendPreference } from '../../backend/names';

export type ToStudyWorker =
  /**
   * Validate and plan `spec`, then train every planned run on `backend` (the app's backend preference).
   * `studyId` goes into each run's `study.id`, so the page can file the runs under the study it stores.
   */
  | { type: 'start'; studyId: string; spec: StudySpec; backend: BackendPreference }
  /** Stop after the run (or batch of seeds) in progress; what finished is kept and summarised. */
  | { type: 'cancel' }
  /**
   * Start the backend for `backend` and the helper workers now (the Studies tab opened), so that the first
   * study does not wait for them. No answer: a backend that cannot start says so when a study needs it.
   */
  | { type: 'prepare'; backend: BackendPreference };

export type StudyErrorKind = 'config' | 'backend' | 'internal';

export type FromStudyWorker =
  /**
   * The backend is up and the study is planned: `total` runs (baselines included) will train, on `lanes`
   * threads side by side (the study worker and its helpers).
   */
  | ({ type: 'started'; studyId: string; total: number; lanes?: number } & BackendChoice)
  /**
   * One more run finished (seeds that train side by side finish together, one message each). `elapsed`
   * is seconds since 'started'; `eta` the seconds still expected at the rate so far (null before any run).
   */
  | {
      type: 'progress';
      studyId: string;
      done: number;
      total: number;
      run: RunRecord;
      elapsed: number;
      eta: number | null;
    }
  /**
   * Steps trained in the whole study so far, at most every STEPS_EVERY_MS: the ETA moves during a run, not
   * only when one ends. `eta` is from the steps' rate (null until there is one).
   */
  | { type: 'steps'; studyId: string; done: number; total: number; elapsed: number; eta: number | null }
  /** Every run finished, or the study was cancelled: the summary of what finished. */
  | {
      type: 'done';
      studyId: string;
      summary: StudySummary | null;
      cancelled: boolean;
      done: number;
      total: number;
      elapsed: number;
    }
  | {
      type: 'error';
      studyId: string | null;
      kind: StudyErrorKind;
      message: string;
      /** A bad study: every problem, each naming its field and what it accepts. */
      issues?: ConfigIssue[];
    };

/** How often the worker says how many steps are done (the progress bar's rate). */
export const STEPS_EVERY_MS = 250;

export type StudyPost = (message: FromStudyWorker) => void;
