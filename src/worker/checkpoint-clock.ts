/**
 * When the session posts a checkpoint of the run in progress (issue 12: "checkpointed at least every 10 s so
 * a reload can resume it"): every `everyMs` of training time and on pause, never twice for the same step of
 * the same trainer (a pause right after a checkpoint has nothing new to save).
 */
import type { TrainerCheckpoint } from '../engine/train/checkpoint';
import type { Trainer } from '../engine/train/trainer';

export const CHECKPOINT_EVERY_MS = 10_000;

export class CheckpointClock {
  private last = 0;
  private taken: { trainer: Trainer; step: number } | null = null;

  constructor(private readonly everyMs = CHECKPOINT_EVERY_MS) {}

  /** Training (re)started at `now`: the next checkpoint is due `everyMs` later. */
  start(now: number): void {
    this.last = now;
  }

  due(now: number): boolean {
    return now - this.last >= this.everyMs;
  }

  /** The trainer's checkpoint, or null when this step of this trainer was saved already. */
  async take(trainer: Trainer, now: number): Promise<TrainerCheckpoint | null> {
    this.last = now;
    const step = trainer.stepCount;
    if (this.taken?.trainer === trainer && this.taken.step === step) return null;
    this.taken = { trainer, step };
    return trainer.checkpoint();
  }
}
