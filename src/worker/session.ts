/**
 * A training session: owns the trainer and the run loop, speaks the protocol, and knows nothing of the
 * transport (a Worker's postMessage, or direct calls on the main thread as the fallback), so Node tests
 * drive the very code the worker runs. While playing it steps in chunks of ~24 ms, reports every
 * `reportEvery` steps, posts the reports in batches at chart rate and yields between chunks, so that pause
 * and live changes apply within a chunk. The first chunk of each run ends with a report, posted at once:
 * the chart moves right after Train, not `reportEvery` steps later. With `auto` on a real GPU it trains on
 * WASM at once and moves to WebGPU when a safe moment comes (upgrade.ts). While training it posts a
 * checkpoint of the trainer (parameters, optimizer and method state) at least every CHECKPOINT_EVERY_MS and
 * on pause, so the page can store it and a reload can resume the run ('configure' with `resume`).
 */
import { parseConfig } from '../engine/config/parse';
import type { ExperimentConfig } from '../engine/config/types';
import { TrainingDivergedError } from '../engine/train/errors';
import type { Trainer } from '../engine/train/trainer';
import { deviceFence, nextChunk, yieldToEvents } from './pacing';
import type { BackendPreference, Post, ResumeFrom, ToWorker } from './protocol';
import { errorMessage } from './errors';
import { answerGrid } from './grid-answer';
import type { BackendUpgrade, UpgradeHooks } from './upgrade';
import { warmUpWebGpu } from './warmup';
import { CheckpointClock } from './checkpoint-clock';
import { ReportOutbox } from './report-outbox';
import { LiveChanges } from './live-changes';
import { createSessionTrainer } from './session-trainer';
import { startBackend, type InitBackend } from './backend-start';
import { advance, measuredReport } from './advance';

export { CHECKPOINT_EVERY_MS } from './checkpoint-clock';
export type { BackendStart } from './backend-start';

export interface SessionOptions {
  /** Picks the backend on 'init'. Without it the current tfjs backend is kept (Node tests). */
  initBackend?: InitBackend;
  /** Runs before each trainer is built: the WebGPU shader warm-up by default (a no-op elsewhere). */
  warmUp?: (config: ExperimentConfig) => Promise<void>;
  /** Loads what the config's task needs before its trainer builds (task-data.ts: MultiMNIST's digits). */
  prepareData?: (config: ExperimentConfig) => Promise<void>;
  /** How often a checkpoint is posted while training (CHECKPOINT_EVERY_MS by default). */
  checkpointEveryMs?: number;
}

export class TrainingSession {
  private trainer: Trainer | null = null;
  private playing = false;
  /** The step at which the current play pauses by itself ('play' with `until`), or null. */
  private until: number | null = null;
  private loop: Promise<void> = Promise.resolve();
  private readonly outbox: ReportOutbox;
  private chunk = 1;
  /**
   * The step a diverged run stopped at (the error's step), which the step counter then shows: the chunk
   * may have stepped past it before the report that noticed, and the counter and the error must agree.
   */
  private stoppedAt: number | null = null;
  /** Messages run one at a time, in arrival order, even when one awaits the trainer. */
  private queue: Promise<void> = Promise.resolve();
  /** Learning-rate and method changes, applied between chunks (live-changes.ts). */
  private readonly changes: LiveChanges;
  /** Work that must not overlap a chunk (a background compile), run between two chunks of a run. */
  private betweenChunks: (() => Promise<void>)[] = [];
  /**
   * Settles when such work is done: it makes another backend current for a moment, so no message may
   * touch the trainer meanwhile (a grid request would run the model on the wrong backend).
   */
  private exclusive: Promise<void> = Promise.resolve();
  /** The first chunk since 'play' ends with a report, posted at once. */
  private firstChunk = false;
  private upgrade: BackendUpgrade | null = null;
  private readonly checkpoints: CheckpointClock;

  constructor(
    private readonly post: Post,
    private readonly options: SessionOptions = {},
  ) {
    this.checkpoints = new CheckpointClock(options.checkpointEveryMs);
    this.outbox = new ReportOutbox(post);
    this.changes = new LiveChanges(post);
  }

  handle(message: ToWorker): Promise<void> {
    return this.enqueue(() => this.dispatch(message));
  }

  /** The GPU device is gone: stop at once (the trainer's tensors are unusable) and say so. */
  deviceLost(message: string): void {
    this.playing = false;
    this.post({ type: 'error', kind: 'device-lost', message });
  }

  /** Stop and free the trainer's tensors. */
  dispose(): Promise<void> {
    return this.enqueue(() => this.drop());
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  private async dispatch(message: ToWorker): Promise<void> {
    await this.exclusive;
    switch (message.type) {
      case 'init':
        return this.init(message.backend);
      case 'configure':
        // Validate before stopping anything: a bad config leaves the current run as it was.
        return this.build(parseConfig(message.config), message.resume);
      case 'reset':
        return this.trainer ? this.build(this.trainer.config) : undefined;
      case 'play':
        if (!this.trainer || this.playing) return;
        this.until = message.until ?? null;
        // Already there: say so (the page shows the run paused), train nothing.
        if (this.until !== null && this.trainer.stepCount >= this.until) return this.flush(true);
        this.playing = true;
        this.firstChunk = true;
        this.outbox.start(performance.now());
        this.checkpoints.start(performance.now());
        this.loop = this.run();
        return;
      case 'pause':
        await this.stop();
        this.flush(true);
        return this.checkpoint();
      case 'step':
        if (!this.trainer || this.playing) return;
        await advance(this.trainer, this.outbox, Math.max(1, Math.floor(message.count)), true);
        return this.flush(true);
      case 'set-learning-rate':
        return this.changes.add(() => this.trainer?.setLearningRate(message.value), this.playing);
      case 'set-method':
        return this.changes.add(() => this.trainer?.setMethod(message.method), this.playing);
      case 'predict-grid': {
        const { message: answer, transfer } = await answerGrid(this.trainer, message);
        this.post(answer, transfer);
        return;
      }
    }
  }

  private async init(preference: BackendPreference): Promise<void> {
    this.upgrade?.cancel();
    this.upgrade = null;
    await this.drop(); // the trainer's tensors belong to the old backend
    this.upgrade = await startBackend(preference, this.options.initBackend, this.upgradeHooks(), this.post);
  }

  private upgradeHooks(): UpgradeHooks {
    return {
      whenSafe: (task) => this.whenSafe(task),
      config: () => this.trainer?.config ?? null,
      atStart: () => !this.playing && this.trainer?.stepCount === 0,
      rebuild: (config) => this.build(config),
      announce: (choice) => this.post({ type: 'backend', ...choice }),
    };
  }

  /** Runs `task` when nothing else uses tfjs: in message order, or between two chunks of a run. */
  private whenSafe(task: () => Promise<void>): void {
    void this.enqueue(async () => {
      if (this.playing) this.betweenChunks.push(task);
      else await task();
    });
  }

  /**
   * A fresh trainer for `config` (configure and reset), or, with `resume`, the checkpointed one: then the
   * run's reports so far go out right after 'configured', before the trainer's own. A checkpoint that
   * does not fit this config builds a fresh trainer and says why (the page keeps working).
   */
  private async build(config: ExperimentConfig, resume?: ResumeFrom): Promise<void> {
    await this.drop();
    // A safe moment to move to a backend made ready in the background: nothing has trained yet.
    this.upgrade?.moveIfReady(config);
    await this.options.prepareData?.(config);
    await (this.options.warmUp ?? warmUpWebGpu)(config);
    const { trainer, refused } = createSessionTrainer(config, resume);
    this.trainer = trainer;
    this.chunk = 1;
    this.outbox.resetRate();
    // The step-0 report (charts start from the initial losses) comes before 'configured': its first
    // readback compiles the evaluation kernels (seconds on WebGPU), and a 'play' sent in that time would
    // wait behind it while the UI believed the trainer ready.
    const first = await trainer.report();
    const resumed = resume !== undefined && refused === null;
    this.post({ type: 'configured', info: trainer.info, config, ...(resumed ? { resumed } : {}) });
    if (resumed) this.outbox.add(...resume.history.filter((r) => r.step < first.step));
    this.outbox.add(first);
    this.flush(true);
    if (refused) this.post({ type: 'error', kind: 'config', message: refused });
    this.upgrade?.offer(config);
  }

  /** Post the trainer's state (not of a diverged run: there is nothing to resume). */
  private async checkpoint(): Promise<void> {
    const trainer = this.trainer;
    if (!trainer || trainer.stepCount === 0 || this.stoppedAt !== null) return;
    const checkpoint = await this.checkpoints.take(trainer, performance.now());
    if (checkpoint) this.post({ type: 'checkpoint', step: checkpoint.step, checkpoint });
  }

  private async stop(): Promise<void> {
    this.playing = false;
    await this.loop;
    this.changes.apply();
    // Work left for the next chunk boundary runs after the message that stopped the run.
    for (const task of this.betweenChunks.splice(0)) this.whenSafe(task);
  }

  private async drop(): Promise<void> {
    await this.stop();
    this.trainer?.dispose();
    this.trainer = null;
    this.outbox.clear();
    this.stoppedAt = null;
  }

  private async run(): Promise<void> {
    let previous: Promise<void> = Promise.resolve();
    try {
      while (this.playing && this.trainer) {
        const started = performance.now();
        const left = this.until === null ? Infinity : this.until - this.trainer.stepCount;
        const steps = Math.min(this.chunk, left);
        // The chunk that reaches `until` ends with a report at that very step, then the run pauses.
        const last = steps === left;
        const first = this.firstChunk;
        this.firstChunk = false;
        const reportsBefore = this.outbox.size;
        await advance(this.trainer, this.outbox, steps, first || last);
        if (last) this.playing = false;
        // A slow run (long steps or a large reportEvery) still gets a chart point every so often.
        const now = performance.now();
        if (this.outbox.size === reportsBefore && this.outbox.timedReportDue(now) && this.trainer)
          await measuredReport(this.trainer, this.outbox);
        // Double buffering: wait until the device has finished the previous chunk. It then always has this
        // one queued (no idle gap on a slow GPU), JS stays at most two chunks ahead of it (pause is prompt),
        // and the chunk's time measures the device, not only the cost of issuing its work.
        await previous;
        previous = deviceFence();
        // Awaited at the next chunk; should that chunk throw first (a step on a lost device), the fence's
        // own rejection must not escape as an unhandled one (it read "The training worker failed").
        previous.catch(() => undefined);
        this.chunk = nextChunk(steps, steps, performance.now() - started);
        this.changes.apply();
        this.flush(first || last);
        if (last) await this.checkpoint();
        else if (this.checkpoints.due(performance.now())) {
          // After the reports up to this step, so that the stored history and the checkpoint agree.
          this.flush(true);
          await this.checkpoint();
        }
        for (const task of this.betweenChunks.splice(0)) {
          const done = task();
          this.exclusive = done.catch(() => undefined);
          await done;
        }
        await yieldToEvents();
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** Post pending reports (report-outbox.ts); the counter shows a diverged run's stopping step. */
  private flush(force: boolean): void {
    const step = this.stoppedAt ?? this.trainer?.stepCount ?? 0;
    this.outbox.flush(force, { step, playing: this.playing });
  }

  private fail(error: unknown): void {
    this.playing = false;
    // The reports up to a divergence still belong on the charts, and come before the error.
    if (error instanceof TrainingDivergedError) {
      this.stoppedAt = error.step;
      this.flush(true);
    }
    this.post(errorMessage(error));
  }
}
