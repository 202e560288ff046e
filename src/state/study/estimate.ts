/**
 * The time a study will take, said before it starts: its planned steps (every run's budget, baselines
 * included) over a measured training rate. The rate comes from what this browser measured for this app:
 * the last study's own rate when there was one, else the Training tab's live run (its steps/s on the
 * open config). Seeds that train side by side (the engine's replica axis) make a study faster than this
 * run-by-run figure, so it is an upper bound; with no rate measured yet there is no estimate, and the
 * progress bar's ETA (from the study's own runs) takes over once it runs.
 */
export interface RateSource {
  stepsPerSecond: number;
  /** Where the rate was measured, in words for the estimate line. */
  from: string;
}

export function pickRate(studyRate: number | null, liveRate: number): RateSource | null {
  if (studyRate !== null && studyRate > 0) return { stepsPerSecond: studyRate, from: 'the last study' };
  if (liveRate > 0) return { stepsPerSecond: liveRate, from: 'the live run in the Training tab' };
  return null;
}

/** Seconds to train `steps` at `rate`, or null without a rate. */
export const estimateSeconds = (steps: number, rate: RateSource | null): number | null =>
  rate ? steps / rate.stepsPerSecond : null;

/** "45 s", "3 min 20 s", "1 h 5 min": a duration a person reads at a glance. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  // "0 s" would read as "instant" or "broken": say how short it is instead.
  if (seconds < 1) return 'under 1 s';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
