/**
 * A study session: validates and plans a study, picks the backend once (again only when the preference
 * changes), trains every planned run with the engine's study runner and speaks the study protocol. It
 * knows nothing of the transport, so Node tests drive the very code the worker runs. One study at a
 * time; 'cancel' stops after the run (or batch of side-by-side seeds) in progress, and what finished is
 * summarised and sent as a normal 'done'.
 */
import { ConfigError } from '../../engine/config/types';
import { runStudy } from '../../engine/runner/run-study';
import { parseStudy } from '../../engine/study/parse-study';
import { planStudy } from '../../engine/study/plan-study';
import * as tf from '@tensorflow/tfjs-core';
import {
  asBackendName,
  BACKEND_LABELS,
  type BackendChoice,
  type BackendName,
  type BackendPreference,
} from '../../backend/names';
import { trainGroup, type GroupTrainer } from '../../engine/runner/train-group';
import { STEPS_EVERY_MS, type StudyPost, type ToStudyWorker } from './study-protocol';

export interface StudySessionOptions {
  /** Picks and initialises the backend; without it the current tfjs backend is used (Node tests). */
  initBackend?: (preference: BackendPreference) => Promise<BackendChoice>;
  /** Milliseconds, for elapsed and ETA (performance.now by default). */
  now?: () => number;
  /** Loads what the study's tasks need before they build (../task-data.ts: MultiMNIST's digits). */
  prepareData?: (config: { task: { id: string } }) => Promise<void>;
  /**
   * Lanes beside this thread for a study on `backend` (helper-lanes.ts: Workers on other cores); none
   * by default. The study's numbers do not depend on them.
   */
  helperLanes?: (backend: BackendName) => GroupTrainer[];
}

/** The tfjs backend already current (Node tests pick it before the session starts). */
function currentBackend(): BackendChoice {
  const backend = asBackendName(tf.getBackend()) ?? 'cpu';
  return { backend, label: BACKEND_LABELS[backend] };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class StudySession {
  private backend: { preference: BackendPreference; choice: Promise<BackendChoice> } | null = null;
  private abort: AbortController | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly post: StudyPost,
    private readonly options: StudySessionOptions = {},
  ) {}

  /** Handle one message; resolves when a started study has finished (tests await it). */
  handle(message: ToStudyWorker): Promise<void> {
    if (message.type === 'cancel') {
      this.abort?.abort();
      return this.running;
    }
    if (message.type === 'prepare') return this.prepare(message.backend);
    if (this.abort) {
      this.post({
        type: 'error',
        studyId: message.studyId,
        kind: 'internal',
        message: 'A study is already running: cancel it or wait for it to finish.',
      });
      return this.running;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.running = this.run(message, abort.signal).finally(() => {
      this.abort = null;
    });
    return this.running;
  }

  private async run(message: Extract<ToStudyWorker, { type: 'start' }>, signal: AbortSignal): Promise<void> {
    const { studyId } = message;
    let spec;
    let total: number;
    try {
      spec = parseStudy(message.spec);
      total = planStudy(spec).length;
    } catch (error) {
      if (error instanceof ConfigError)
        return this.post({
          type: 'error',
          studyId,
          kind: 'config',
          message: error.message,
          issues: error.issues,
        });
      throw error;
    }
    let choice: BackendChoice | null;
    try {
      choice = await this.ensureBackend(message.backend);
    } catch (error) {
      return this.post({ type: 'error', studyId, kind: 'backend', message: describe(error) });
    }
    try {
      for (const run of planStudy(spec)) await this.options.prepareData?.(run.config);
    } catch (error) {
      return this.post({ type: 'error', studyId, kind: 'internal', message: describe(error) });
    }
    const now = this.options.now ?? (() => performance.now());
    const start = now();
    const elapsed = () => (now() - start) / 1000;
    const backend = choice ?? currentBackend();
    const lanes = [trainGroup, ...(this.options.helperLanes?.(backend.backend) ?? [])];
    this.post({
      type: 'started',
      studyId,
      total,
      ...backend,
      lanes: lanes.length,
    });
    // ETA from the share of all planned steps done: runs of a study may differ in budget.
    let stepShare = 0;
    let lastSteps = -Infinity;
    const eta = (seconds: number) => (stepShare > 0 ? (seconds / stepShare) * (1 - stepShare) : null);
    try {
      const result = await runStudy(spec, {
        signal,
        studyId,
        lanes,
        onSteps: (done, planned) => {
          stepShare = planned > 0 ? done / planned : 0;
          if (now() - lastSteps < STEPS_EVERY_MS) return;
          lastSteps = now();
          const seconds = elapsed();
          this.post({ type: 'steps', studyId, done, total: planned, elapsed: seconds, eta: eta(seconds) });
        },
        onProgress: (done, planned, run) => {
          const seconds = elapsed();
          this.post({
            type: 'progress',
            studyId,
            done,
            total: planned,
            run,
            elapsed: seconds,
            eta: eta(seconds),
          });
        },
      });
      this.post({
        type: 'done',
        studyId,
        summary: result.summary,
        cancelled: signal.aborted,
        done: result.runs.length,
        total,
        elapsed: elapsed(),
      });
    } catch (error) {
      const kind = error instanceof ConfigError ? 'config' : 'internal';
      this.post({
        type: 'error',
        studyId,
        kind,
        message: describe(error),
        ...(error instanceof ConfigError ? { issues: error.issues } : {}),
      });
    }
  }

  /**
   * The backend for `preference`, started once and kept while the preference stays the same (a 'prepare'
   * and a 'start' share one start); one that failed is tried again next time.
   */
  private ensureBackend(preference: BackendPreference): Promise<BackendChoice | null> {
    const init = this.options.initBackend;
    if (!init) return Promise.resolve(null);
    if (this.backend?.preference === preference) return this.backend.choice;
    const started = { preference, choice: init(preference) };
    this.backend = started;
    started.choice.catch(() => {
      if (this.backend === started) this.backend = null;
    });
    return started.choice;
  }

  /** Start the backend and the helpers before any study (idle while a study runs: it has them already). */
  private async prepare(preference: BackendPreference): Promise<void> {
    if (this.abort) return;
    try {
      const backend = (await this.ensureBackend(preference)) ?? currentBackend();
      this.options.helperLanes?.(backend.backend);
    } catch {
      // Said when a study needs the backend ('start' answers with kind 'backend').
    }
  }
}
