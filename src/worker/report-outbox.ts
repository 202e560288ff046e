/**
 * The reports a training session has made and not yet posted, and when to post them: at most every
 * POST_EVERY_MS while running (charts cannot use more, and posts cost), at once when forced, and an empty
 * message every HEARTBEAT_MS without new reports so the step counter and steps/s still move. It also keeps
 * the steps/s meter and the clock that asks for a timed report when training is slow (pacing.ts).
 */
import type { Report } from '../engine/train/report';
import { HEARTBEAT_MS, POST_EVERY_MS, RateMeter, ReportClock } from './pacing';
import type { Post } from './protocol';

export class ReportOutbox {
  private pending: Report[] = [];
  private lastPost = -Infinity;
  private readonly meter = new RateMeter();
  /** Reports on time, not only every `reportEvery` steps, when training is slow. */
  private readonly clock = new ReportClock();

  constructor(private readonly post: Post) {}

  /** Reports made so far and not posted (a chunk compares it to see whether it made one). */
  get size(): number {
    return this.pending.length;
  }

  /** Training (re)starts now: the meter and the report clock count from here. */
  start(now: number): void {
    this.meter.start(now);
    this.clock.start(now);
  }

  /** A fresh trainer: no steps/s to show yet. */
  resetRate(): void {
    this.meter.value = 0;
  }

  /** Forget what was not posted (the trainer is dropped). */
  clear(): void {
    this.pending = [];
  }

  stepped(count: number): void {
    this.meter.add(count);
  }

  /** Reports that are not measured (the step-0 report, a resumed run's history). */
  add(...reports: Report[]): void {
    this.pending.push(...reports);
  }

  /** A report made during training that took `tookMs` (timed reports are spaced by their cost). */
  addMeasured(report: Report, now: number, tookMs: number): void {
    this.pending.push(report);
    this.clock.mark(now, tookMs);
  }

  /** Whether the chunk ending now should end with a timed report. */
  timedReportDue(now: number): boolean {
    return this.clock.due(now);
  }

  /** Post the pending reports (see the file's comment); `step` is what the step counter shows. */
  flush(force: boolean, state: { step: number; playing: boolean }): void {
    const now = performance.now();
    const wait = this.pending.length ? POST_EVERY_MS : HEARTBEAT_MS;
    if (!force && now - this.lastPost < wait) return;
    if (state.playing) this.meter.sample(now);
    this.lastPost = now;
    const reports = this.pending.splice(0);
    this.post({
      type: 'reports',
      reports,
      step: state.step,
      stepsPerSecond: this.meter.value,
      running: state.playing,
    });
  }
}
