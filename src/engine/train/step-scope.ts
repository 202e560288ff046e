/**
 * One training step's tensors. Every stage hands what it creates to the scope (`own`), and the step ends
 * with `close(keep)`, which disposes everything except what the next step keeps (the telemetry gradients,
 * the weights). The trainer used to decide each tensor's lifetime by comparing references (31 `dispose`
 * calls); a forgotten comparison leaked a tensor per step. tf.tidy cannot span the step: methods await
 * readbacks in the middle of it, and a tidy across an await would also collect tensors created by other
 * work interleaved there (a prediction grid the app asks for while training).
 *
 * Variables are never owned: they are the trainer's persistent state, whatever a stage returns.
 */
import * as tf from '@tensorflow/tfjs-core';

type Owned = tf.Tensor | null | undefined | readonly Owned[] | { readonly [key: string]: unknown };

export class StepScope {
  private readonly owned = new Set<tf.Tensor>();
  private closed = false;

  /** Adopt every tensor in `value` (a tensor, or arrays and plain objects holding tensors) and return it. */
  own<T>(value: T): T {
    if (this.closed) throw new Error('this step is over: its scope owns nothing more');
    this.collect(value as Owned);
    return value;
  }

  /** Dispose every owned tensor except those in `keep` (which the caller now owns). */
  close(keep: readonly (tf.Tensor | null | undefined)[] = []): void {
    if (this.closed) return;
    this.closed = true;
    const kept = new Set(keep.filter((t): t is tf.Tensor => t != null));
    for (const t of this.owned) if (!kept.has(t)) t.dispose();
    this.owned.clear();
  }

  /** How many tensors the scope holds (tests). */
  get size(): number {
    return this.owned.size;
  }

  private collect(value: Owned): void {
    if (value == null) return;
    if (value instanceof tf.Tensor) {
      if (!(value instanceof tf.Variable)) this.owned.add(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly Owned[]) this.collect(item);
      return;
    }
    if (typeof value === 'object') for (const item of Object.values(value)) this.collect(item as Owned);
  }
}
