/**
 * Mean, sample standard deviation and the 95% confidence interval of a mean over seeds (Student's t, the
 * convention of Xin et al., "Do Current Multi-Task Optimization Methods in Deep Learning Even Help?",
 * NeurIPS 2022, and of most MTL tables that report seeds). Plain numbers: page-safe, no library.
 */
import type { Estimate } from './types';

/**
 * t_{0.975, df} for df = 1..50: the two-sided 95% quantile of Student's t. Computed with
 * `scipy.stats.t.ppf(0.975, df)` (SciPy 1.x) and rounded to 5 decimals; the same values as the NIST/SEMATECH
 * e-Handbook of Statistical Methods, table 1.3.6.7.2 ("Critical values of the Student's t distribution").
 */
const T975 = [
  12.7062, 4.30265, 3.18245, 2.77645, 2.57058, 2.44691, 2.36462, 2.306, 2.26216, 2.22814, 2.20099, 2.17881,
  2.16037, 2.14479, 2.13145, 2.11991, 2.10982, 2.10092, 2.09302, 2.08596, 2.07961, 2.07387, 2.06866, 2.0639,
  2.05954, 2.05553, 2.05183, 2.04841, 2.04523, 2.04227, 2.03951, 2.03693, 2.03452, 2.03224, 2.03011, 2.02809,
  2.02619, 2.02439, 2.02269, 2.02108, 2.01954, 2.01808, 2.01669, 2.01537, 2.0141, 2.0129, 2.01174, 2.01063,
  2.00958, 2.00856,
];

/** z_{0.975} of the normal distribution, the limit of t as df grows. */
const Z975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom. Beyond the table, the Cornish-Fisher
 * expansion of Abramowitz & Stegun 26.7.5 (error below 1e-6 for df > 50), so long seed lists still work.
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new Error(`tQuantile975: expected a whole df ≥ 1, got ${df}`);
  const tabled = T975[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n - 1 in the denominator); 0 for a single value, NaN for none. */
export function sampleStd(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return 0;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (n - 1));
}

/**
 * Mean ± the half-width of its 95% interval, t_{0.975, n-1} · sd / √n. With one value the interval is
 * unknown: ci95 is 0 and `n` = 1 says why; with none, mean and ci95 are NaN (JSON: null) and n = 0.
 */
export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, ci95: Number.NaN, n: 0 };
  if (n === 1) return { mean: values[0] as number, ci95: 0, n: 1 };
  return { mean: mean(values), ci95: (tQuantile975(n - 1) * sampleStd(values)) / Math.sqrt(n), n };
}

/** Whether the 95% interval of an estimate contains `value`; null when there is no interval (n < 2). */
export function intervalContains(e: Estimate, value = 0): boolean | null {
  if (e.n < 2 || !Number.isFinite(e.mean)) return null;
  return Math.abs(e.mean - value) <= e.ci95;
}
