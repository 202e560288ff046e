/**
 * Stepping a session's trainer: n steps with a report at every multiple of `reportEvery` (so a run's
 * history has the same steps however its chunks fell), each report timed into the outbox, whose clock
 * spaces the extra reports a slow run gets by what a report costs (report-outbox.ts, pacing.ts).
 */
import type { Trainer } from '../engine/train/trainer';
import type { ReportOutbox } from './report-outbox';

/** A report, and how long it took. */
export async function measuredReport(trainer: Trainer, outbox: ReportOutbox): Promise<void> {
  const started = performance.now();
  const report = await trainer.report();
  const now = performance.now();
  outbox.addMeasured(report, now, now - started);
}

/** n steps, reporting at every multiple of reportEvery and, with `reportAtEnd`, after the last. */
export async function advance(
  trainer: Trainer,
  outbox: ReportOutbox,
  n: number,
  reportAtEnd: boolean,
): Promise<void> {
  const every = trainer.config.reportEvery;
  for (let left = n; left > 0;) {
    const count = Math.min(left, every - (trainer.stepCount % every));
    left -= count;
    const report = (trainer.stepCount + count) % every === 0 || (reportAtEnd && left === 0);
    // No finiteness check here: its readback of the trainer's flags would stall the device every chunk.
    // Each report reads back and checks anyway, naming the exact first bad step.
    await trainer.step(count, { check: false });
    outbox.stepped(count);
    if (report) await measuredReport(trainer, outbox);
  }
}
