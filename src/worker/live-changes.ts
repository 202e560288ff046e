/**
 * Changes made to a run while it trains (learning rate, method), held until the end of the current chunk:
 * a step may be awaiting a readback inside the method, and swapping the method under it would dispose
 * tensors it still uses. Applied in arrival order; a change the config rejects (say, a method that does
 * not fit this architecture) is reported and the run goes on.
 */
import { ConfigError } from '../engine/config/types';
import type { Post } from './protocol';

export class LiveChanges {
  private readonly pending: (() => void)[] = [];

  constructor(private readonly post: Post) {}

  /** Queues `change`; applies it (and any before it) at once when the run is not stepping. */
  add(change: () => void, stepping: boolean): void {
    this.pending.push(change);
    if (!stepping) this.apply();
  }

  /** Applies every queued change: call between chunks, and when a run stops. */
  apply(): void {
    for (const change of this.pending.splice(0)) {
      try {
        change();
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        this.post({ type: 'error', kind: 'config', message: error.message, issues: error.issues });
      }
    }
  }
}
