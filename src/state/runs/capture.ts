/**
 * Capture: every run the app trains becomes a stored RunRecord. It listens to the training session's
 * messages (in order, so everything of a trainer arrives before the 'configured' of the next one) and decides:
 *
 * - a run starts at 'configured' (a fresh trainer; or the resumed one, which keeps its id and history);
 * - it is 'finished' once its step reaches `config.steps` (saved then; it stays finished if trained on,
 *   and its record follows the training at each checkpoint message, so the run list and a reload show
 *   the steps trained past the budget, not the run as it was at the budget);
 * - 'diverged' on a divergence error (stopReason = the error's message), 'stopped' on a lost device or a
 *   crash, and 'stopped' when the trainer is replaced (reset, a preset, a task/model/optimizer change, a
 *   backend switch) after at least one step. A run with 0 steps is not kept.
 * - a 'checkpoint' message is stored with the run so far, so a reload can resume it; a run that ends
 *   deletes its checkpoint.
 *
 * Pure decisions over injected storage (CaptureStorage), so Node tests drive it with hand-made messages.
 */
import type { ExperimentConfig } from '../../engine/config/types';
import type { RunChange, RunRecord, RunStatus } from '../../engine/study/types';
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import type { FromWorker } from '../../worker/protocol';
import { decimate, halve, MAX_STORED_REPORTS } from './decimate';
import type { CheckpointRecord } from './run-db';
import { defaultRunName } from './run-summary';

export interface CaptureStorage {
  /** Store (insert or replace) the run; failures are the storage's to show. */
  save(record: RunRecord): Promise<unknown>;
  saveCheckpoint(checkpoint: CheckpointRecord): Promise<unknown>;
  deleteCheckpoint(id: string): Promise<unknown>;
  /** The live run's mid-run changes (the main store's `changes`, when it has them). */
  changes(): RunChange[] | undefined;
  newId(): string;
  /** ms since the epoch. */
  now(): number;
}

interface LiveRun {
  id: string;
  name: string;
  config: ExperimentConfig;
  info: TrainerInfo | null;
  createdAt: number;
  study?: RunRecord['study'];
  reports: Report[];
  /** The trainer's step count as last posted (may be past the last report). */
  step: number;
  wallSeconds: number;
  changes: RunChange[];
  /** Reached config.steps: saved as finished, and stays finished if trained on. */
  finished: boolean;
}

export class RunCapture {
  private live: LiveRun | null = null;
  private backend = 'unknown';
  /** A run being resumed: the next 'configured' continues it instead of starting a new one. */
  private resuming: RunRecord | null = null;
  private lastMessageAt: number | null = null;
  private running = false;
  /** Writes in order, one at a time: a checkpoint must not land after the delete that ended its run. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: CaptureStorage) {}

  /** The next 'configured' resumes `run` (its id, name, history and wall time). */
  expectResume(run: RunRecord): void {
    this.resuming = run;
  }

  /** Settles when every write asked for so far has been attempted. */
  idle(): Promise<unknown> {
    return this.writes;
  }

  /** The run in progress as a record (status 'running'), or null before any trainer. */
  snapshot(status: RunStatus = 'running', stopReason?: string): RunRecord | null {
    const run = this.live;
    if (!run) return null;
    const history = decimate(run.reports, MAX_STORED_REPORTS);
    const last = run.reports[run.reports.length - 1];
    return {
      id: run.id,
      name: run.name,
      config: run.config,
      info: run.info,
      history,
      final: last ? { step: last.step, tasks: last.tasks } : null,
      status,
      ...(stopReason !== undefined ? { stopReason } : {}),
      backend: this.backend,
      wallSeconds: run.wallSeconds,
      createdAt: run.createdAt,
      ...(run.study ? { study: run.study } : {}),
      ...(run.changes.length ? { changes: run.changes } : {}),
    };
  }

  receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        // A backend (re)started: the old trainer is gone.
        this.backend = message.backend;
        return this.end('stopped');
      case 'backend':
        this.backend = message.backend;
        return;
      case 'configured':
        this.end('stopped');
        return this.start(message.config, message.info, message.resumed === true);
      case 'reports':
        return this.record(message);
      case 'checkpoint':
        return this.checkpoint(message.checkpoint);
      case 'error':
        if (message.kind === 'diverged') return this.end('diverged', message.message);
        // A config error leaves the run as it was; anything else stopped the trainer for good.
        if (message.kind !== 'config') return this.end('stopped', message.message);
        return;
      case 'grid':
        return;
    }
  }

  private start(config: ExperimentConfig, info: TrainerInfo, isResume: boolean): void {
    // Only the trainer built from the checkpoint continues the run (another 'configure' may be in flight).
    const resumed = isResume ? this.resuming : null;
    if (isResume) this.resuming = null;
    this.running = false;
    this.live = resumed
      ? {
          id: resumed.id,
          name: resumed.name,
          config,
          info,
          createdAt: resumed.createdAt,
          ...(resumed.study ? { study: resumed.study } : {}),
          reports: [...resumed.history],
          step: resumed.final?.step ?? 0,
          wallSeconds: resumed.wallSeconds,
          changes: resumed.changes ?? [],
          finished: false,
        }
      : {
          id: this.storage.newId(),
          name: defaultRunName(config),
          config,
          info,
          createdAt: this.storage.now(),
          reports: [],
          step: 0,
          wallSeconds: 0,
          changes: [],
          finished: false,
        };
  }

  private record(message: Extract<FromWorker, { type: 'reports' }>): void {
    const run = this.live;
    if (!run) return;
    const now = this.storage.now();
    // Wall time counts the intervals that began while training ran (a pause's idle time is not training).
    if (this.running && this.lastMessageAt !== null) run.wallSeconds += (now - this.lastMessageAt) / 1000;
    this.lastMessageAt = now;
    this.running = message.running;
    for (const report of message.reports) {
      const last = run.reports[run.reports.length - 1];
      // A resumed session echoes the history it was given: keep each step once.
      if (last && report.step <= last.step) continue;
      run.reports.push(report);
      if (run.reports.length >= 2 * MAX_STORED_REPORTS) run.reports = halve(run.reports);
    }
    run.step = Math.max(run.step, message.step);
    const changes = this.storage.changes();
    // Changes only grow during a run; a shorter list means the store already moved on to the next run.
    if (Array.isArray(changes) && changes.length >= run.changes.length) run.changes = [...changes];
    if (!run.finished && run.step >= run.config.steps) {
      run.finished = true;
      this.write(run.id, 'finished');
    }
  }

  private checkpoint(trainer: unknown): void {
    // A finished run is not resumed (no checkpoint kept); trained on, its stored record is brought up to date.
    if (this.live?.finished) return this.write(this.live.id, 'finished');
    const run = this.snapshot('running');
    if (!run || run.history.length === 0) return;
    const record: CheckpointRecord = { id: run.id, savedAt: this.storage.now(), run, trainer };
    this.writes = this.writes.then(() => this.storage.saveCheckpoint(record)).catch(() => undefined);
  }

  /** The live run ends: keep it (when it trained) with `status`, and drop its checkpoint. */
  private end(status: RunStatus, stopReason?: string): void {
    const run = this.live;
    this.running = false;
    this.lastMessageAt = null;
    if (!run) return;
    if (run.step >= 1) this.write(run.id, run.finished ? 'finished' : status, stopReason);
    else this.writes = this.writes.then(() => this.storage.deleteCheckpoint(run.id)).catch(() => undefined);
    this.live = null;
  }

  private write(id: string, status: RunStatus, stopReason?: string): void {
    const record = this.snapshot(status, stopReason);
    if (!record) return;
    this.writes = this.writes
      .then(() => this.storage.save(record))
      .then(() => this.storage.deleteCheckpoint(id))
      .catch(() => undefined);
  }
}
