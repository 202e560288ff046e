/**
 * Timing helpers for the run loop: how many steps fit in one chunk, how fast we are going, and how to let
 * queued messages (pause, live changes) run between chunks.
 */
import * as tf from '@tensorflow/tfjs-core';

/** A chunk of steps should take about this long: long enough to amortise the yield, short enough that
 * pause and live changes take effect within a frame or two. */
export const CHUNK_MS = 24;
/** Chart rate: report messages go out at most this often (charts cannot use more, and posts cost). */
export const POST_EVERY_MS = 100;
/** While running without new reports, an empty message this often keeps the step counter moving. */
export const HEARTBEAT_MS = 500;
const MAX_CHUNK = 2000;
/**
 * Charts need a point at least this often (issue 12: "a chart with 5 points after 30 s"): a run whose
 * `reportEvery` steps take longer than this also reports at the end of the chunk that crosses it.
 */
export const REPORT_AT_LEAST_EVERY_MS = 250;

/**
 * Next chunk size from how long the last one took. Proportional, damped, at most doubling: the first
 * steps on a GPU are slow (shader compiles), later ones 100x faster.
 */
export function nextChunk(chunk: number, steps: number, tookMs: number): number {
  if (steps <= 0) return chunk;
  const perStep = Math.max(tookMs, 0.01) / steps;
  const target = CHUNK_MS / perStep;
  const damped = Math.min(2 * chunk, 0.5 * chunk + 0.5 * target);
  return Math.max(1, Math.min(MAX_CHUNK, Math.round(damped)));
}

/** Steps per second over each posting window, smoothed so the number on screen does not flicker. */
export class RateMeter {
  private steps = 0;
  private since = 0;
  value = 0;

  start(now: number): void {
    this.steps = 0;
    this.since = now;
  }

  add(steps: number): void {
    this.steps += steps;
  }

  sample(now: number): number {
    const seconds = (now - this.since) / 1000;
    if (seconds < 0.05) return this.value;
    const rate = this.steps / seconds;
    this.value = this.value ? 0.5 * this.value + 0.5 * rate : rate;
    this.start(now);
    return this.value;
  }
}

/**
 * When a report is due on time rather than on the step count: at the end of the first chunk that ends
 * REPORT_AT_LEAST_EVERY_MS or more of training after the last report. Time paused does not count: `start`
 * on play. The step-count reports (`reportEvery`) still come as before; these come between them only when
 * training is slow, so a fast run's history is exactly what the CLI prints.
 *
 * A report costs an evaluation of the test split: on MultiMNIST 4,048 images, 116 ms for the MLP and ~330 ms
 * for LeNet on WASM, so reports every 250 ms took half the training time or more (issue 14: 47 s to 85%
 * with 119 reports where the preset asks for 3; 35 s with the wait below). A timed report therefore also
 * waits four times as long as the last report took: reports stay at most ~20% of the time.
 */
export class ReportClock {
  private last = 0;
  private cost = 0;

  constructor(private readonly everyMs = REPORT_AT_LEAST_EVERY_MS) {}

  /** Training (re)starts now: the time before was not training. */
  start(now: number): void {
    this.last = now;
  }

  /** A report was made now (of either kind), taking `tookMs` to make. */
  mark(now: number, tookMs = 0): void {
    this.last = now;
    this.cost = tookMs;
  }

  /** Whether the chunk ending now should end with a report. */
  due(now: number): boolean {
    return now - this.last >= Math.max(this.everyMs, 4 * this.cost);
  }
}

/**
 * Let the event loop run queued messages, then continue. A MessageChannel round trip rather than
 * setTimeout(0): browsers clamp nested timeouts to 4 ms, which would cost ~15% of a 24 ms chunk. The port
 * is closed at once so that, in Node, it does not keep the process alive.
 */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Resolves when the device has finished all work queued so far. WebGPU only: tfjs queues its dispatches and
 * returns at once, so without a fence JS would run far ahead of a slow GPU. Not a readback of a trainer
 * tensor: the next step would dispose it while the read is pending. CPU and WASM run synchronously, and
 * WebGL's driver queue is bounded, so they need none.
 */
export function deviceFence(): Promise<void> {
  if (tf.getBackend() !== 'webgpu') return Promise.resolve();
  const backend = tf.backend() as unknown as {
    ensureCommandEncoderReady(): void;
    endComputePassEncoder(): void;
    submitQueue(): void;
    device: { queue: { onSubmittedWorkDone(): Promise<void> } };
  };
  // Submit what tfjs holds back (up to WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE dispatches), in the order its own
  // readback uses: an encoder must exist and its compute pass be ended before submitQueue() finishes it.
  backend.ensureCommandEncoderReady();
  backend.endComputePassEncoder();
  backend.submitQueue();
  return backend.device.queue.onSubmittedWorkDone();
}
