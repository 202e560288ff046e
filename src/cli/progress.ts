/**
 * A progress bar on stderr (stdout carries only the JSON result). On a terminal it redraws in place; in a
 * pipe or CI log it prints a line every 10% so logs stay short.
 */
import type { ErrorStream } from './io';

export class ProgressBar {
  private readonly started = performance.now();
  private lastDecile = -1;

  constructor(
    private readonly total: number,
    private readonly stream: ErrorStream,
  ) {}

  update(done: number, detail = ''): void {
    const fraction = this.total ? done / this.total : 1;
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const text = `${String(Math.round(fraction * 100)).padStart(3)}% ${done}/${this.total} steps, ${rate.toFixed(0)} steps/s${detail ? `, ${detail}` : ''}`;
    if (this.stream.isTTY) {
      const width = 24;
      const filled = Math.round(fraction * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      if (done >= this.total) this.stream.write('\n');
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${text}\n`);
    }
  }

  get elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
