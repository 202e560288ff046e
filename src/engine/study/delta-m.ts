/**
 * Δm%: the average relative change of a multi-task model's metrics against single-task baselines
 * (Maninis, Radosavovic & Kokkinos, "Attentive Single-Tasking of Multiple Tasks", CVPR 2019; the convention
 * of the CAGrad and Nash-MTL tables):
 *   Δm = (100 / K) Σ_k (-1)^{δ_k} (M_{m,k} - M_{b,k}) / M_{b,k},   δ_k = 1 when higher is better.
 * NEGATIVE IS BETTER than the single-task baselines (label chart axes "Δm% (lower is better)").
 */

export interface MetricEntry {
  /** The multi-task model's value of metric k. */
  value: number;
  /** The single-task baseline's value of metric k. */
  baseline: number;
  higherIsBetter: boolean;
}

export function deltaM(entries: readonly MetricEntry[]): number {
  if (entries.length === 0) throw new Error('deltaM: expected at least one metric');
  let sum = 0;
  for (const { value, baseline, higherIsBetter } of entries) {
    if (baseline === 0 || !Number.isFinite(baseline)) {
      throw new Error(
        `deltaM: a baseline of ${baseline} has no relative change; expected a finite non-zero baseline`,
      );
    }
    const relative = (value - baseline) / baseline;
    sum += higherIsBetter ? -relative : relative;
  }
  return (100 * sum) / entries.length;
}

/** Δm% of a run's final test metrics against per-task baselines (e.g. from runs with one task each). */
export function deltaMOfRun(
  tasks: readonly { testMetric: number }[],
  baselines: readonly number[],
  higherIsBetter: readonly boolean[],
): number {
  if (baselines.length !== tasks.length || higherIsBetter.length !== tasks.length) {
    throw new Error(`deltaM: expected ${tasks.length} baselines and directions (one per task)`);
  }
  return deltaM(
    tasks.map((t, k) => ({
      value: t.testMetric,
      baseline: baselines[k] as number,
      higherIsBetter: higherIsBetter[k] as boolean,
    })),
  );
}
