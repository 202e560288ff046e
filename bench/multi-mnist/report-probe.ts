/**
 * Installed in the page before the app's scripts (playwright `addInitScript`, so it must not close over
 * anything in this module): wraps the Worker constructor so that every `reports` message the training
 * worker posts (src/worker/protocol.ts) is seen as the page receives it, and stamps (performance.now())
 * the first report at which every task's test metric reaches `window.__accuracyTarget`. Listening
 * alongside the app changes nothing it does.
 */
export interface AccuracyProbe {
  /** Page time and step of the first report with every task at or above the target; null until then. */
  reachedAt: number | null;
  reachedStep: number | null;
  /** The latest report: its step, per-task test metrics and when it arrived. */
  last: { step: number; at: number; metrics: number[] } | null;
  /** The first report after the click on Train with a step above 0, for steps/s. */
  first: { step: number; at: number } | null;
  /** Reports received so far (each evaluated the test set and a training sample in the worker). */
  count: number;
}

export interface AccuracyWindow {
  __accuracy: AccuracyProbe;
  __accuracyTarget: number;
}

interface ReportsMessage {
  type?: string;
  reports?: { step: number; tasks: { testMetric: number }[] }[];
}

export function installAccuracyProbe(): void {
  const w = globalThis as unknown as AccuracyWindow & {
    Worker: new (...args: unknown[]) => {
      addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
    };
  };
  const probe: AccuracyProbe = { reachedAt: null, reachedStep: null, last: null, first: null, count: 0 };
  w.__accuracy = probe;
  w.__accuracyTarget ??= 0.85;
  const Native = w.Worker;
  w.Worker = class extends Native {
    constructor(...args: unknown[]) {
      super(...args);
      this.addEventListener('message', (e) => {
        const data = e.data as ReportsMessage;
        if (data?.type !== 'reports' || !data.reports) return;
        const at = performance.now();
        for (const r of data.reports) {
          const metrics = r.tasks.map((t) => t.testMetric);
          probe.last = { step: r.step, at, metrics };
          probe.count += 1;
          if (r.step > 0 && probe.first === null) probe.first = { step: r.step, at };
          if (probe.reachedAt === null && r.step > 0 && metrics.every((m) => m >= w.__accuracyTarget)) {
            probe.reachedAt = at;
            probe.reachedStep = r.step;
          }
        }
      });
    }
  };
}
