/**
 * The Studies tab's state, kept apart from React (zustand/vanilla) and from the Training tab's store: the
 * builder's draft, the study on screen (running, finished or reopened: its spec, runs and summary,
 * progress and ETA), the stored studies, and what went wrong. Everything that changes it is in
 * study-controller.ts.
 */
import { createStore } from 'zustand/vanilla';
import type { RunRecord, StudySpec, StudySummary } from '../../engine/study/types';
import type { StudyRecord } from '../runs/run-db';
import type { DraftIssue, StudyDraft } from './builder';

/**
 * idle: nothing started; starting: waiting for the worker's backend and plan; running; cancelling: stops
 * after the runs in progress; finished / cancelled: a summary to read; error: the message says why.
 */
export type StudyPhase = 'idle' | 'starting' | 'running' | 'cancelling' | 'finished' | 'cancelled' | 'error';

/** The study on screen: the one running, or one reopened from the stored list. */
export interface StudyView {
  id: string;
  name: string;
  spec: StudySpec;
  /** Finished runs, in the order they finished. */
  runs: RunRecord[];
  summary: StudySummary | null;
  /** Planned runs (baselines included); null until the worker planned it. */
  total: number | null;
  /** Steps trained so far and planned, over all runs (the ETA's basis). */
  steps: { done: number; total: number } | null;
  /** Seconds since the study started, and the seconds still expected (null before any step). */
  elapsed: number;
  eta: number | null;
  /** The backend it trains on, as the status line names it. */
  backend: string | null;
  createdAt: number;
}

/** An example study from public/studies/index.json. */
export interface ExampleStudy {
  file: string;
  title: string;
  description: string;
}

export interface StudyState {
  draft: StudyDraft;
  /** The draft's problems, each naming its field (shown beside the row). */
  draftIssues: DraftIssue[];
  phase: StudyPhase;
  current: StudyView | null;
  /** A failed study: the message, and a bad spec's issues naming their fields. */
  error: { message: string; issues: string[] } | null;
  /** Stored studies, newest first. */
  stored: StudyRecord[];
  /** A storage failure (quota): the study goes on in memory and nothing stored is lost. */
  storageError: string | null;
  /** Steps per second the last study trained at (all its steps over its wall time), for the next estimate. */
  studyStepsPerSecond: number | null;
  /** The Training tab's last measured steps/s (it reads 0 while paused: the last rate is kept). */
  liveStepsPerSecond: number;
  examples: ExampleStudy[];
  examplesError: string | null;
}

export const initialStudyState = (draft: StudyDraft): StudyState => ({
  draft,
  draftIssues: [],
  phase: 'idle',
  current: null,
  error: null,
  stored: [],
  storageError: null,
  studyStepsPerSecond: null,
  liveStepsPerSecond: 0,
  examples: [],
  examplesError: null,
});

export const createStudyStore = (draft: StudyDraft) =>
  createStore<StudyState>()(() => initialStudyState(draft));

export type StudyStore = ReturnType<typeof createStudyStore>;

/** Whether a study is in flight (the builder's Start is disabled, Cancel shown). */
export const isBusy = (phase: StudyPhase) =>
  phase === 'starting' || phase === 'running' || phase === 'cancelling';
