/**
 * Bandit prioritiser: the steps go to the tasks whose loss is falling fastest. Each step trains one task,
 * chosen by Exp3.S as in Graves et al., "Automated Curriculum Learning for Neural Networks", ICML 2017,
 * arXiv:1704.03003 (Exp3.S of Auer et al., "The Nonstochastic Multiarmed Bandit Problem", SIAM J. Comput.
 * 2002), with learning progress as the reward:
 *   π(t) = (1 − ε) softmax(w)_t + ε / T,
 *   r̂_t = relative decrease of task t's train loss between two reports, per step spent on t in between,
 *   r = −1 below the 20th percentile of recent r̂, +1 above the 80th, linear in between (their rescaling),
 *   w_t += η · n_t · r / π(t)   (n_t steps on t in between: the importance-weighted Exp3 update summed
 *                                over those pulls; with a report after every step n_t = 1, as in the paper),
 *   every step: w_i ← log[(1 − α_s) e^{w_i} + α_s/(T−1) Σ_{j≠i} e^{w_j}], α_s = 1/(s+2) (the decaying
 *   weight sharing of the public Exp3.S curriculum implementations), β = 0 as in the paper.
 *
 * Graves et al. measure progress on the same batch before and after the step; the trainer here reports
 * the tasks' mean train losses, possibly late and not every step. With `taskLossesStep` the steps between
 * two reports are known exactly (a log of recent choices says which task each trained); without it, a
 * report is taken to cover the steps since the previous one arrived. A task not trained in between gets
 * no reward (its loss change is transfer from the others). The percentile history keeps the last HISTORY
 * values of r̂ (the paper: a reservoir sample). Shared inputs: the batch comes from the one pool; the
 * bandit only picks whose loss counts.
 */
import { num } from '../params/spec';
import { MethodState } from '../stateful/state';
import { checkContext, drawCategorical, shareTracker, singleTaskPlanner } from './plan';
import { defineSampler, type SamplerFeedback } from './types';

const HISTORY = 1000;
/** Recent choices kept to credit a late report: more than any report interval plus lag. */
const LOG = 4096;

/** Linear-interpolation quantile (numpy's default) of an ascending list. */
export function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] ?? 0) + (at - lo) * ((sorted[hi] ?? 0) - (sorted[lo] ?? 0));
}

/** Graves et al.'s rescaling of a raw reward into [−1, 1] by the 20th/80th percentiles of the history. */
export function rescaleReward(raw: number, sortedHistory: readonly number[]): number {
  const lo = quantile(sortedHistory, 0.2);
  const hi = quantile(sortedHistory, 0.8);
  if (raw < lo) return -1;
  if (raw > hi) return 1;
  return hi > lo ? (2 * (raw - lo)) / (hi - lo) - 1 : 0;
}

export function exp3Policy(w: readonly number[], epsilon: number): number[] {
  const top = Math.max(...w);
  const e = w.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => (1 - epsilon) * (v / sum) + epsilon / w.length);
}

/** Exp3.S weight sharing, in log space, shifted so the largest weight is 0 (the policy is shift-invariant). */
export function shareWeights(w: readonly number[], alpha: number): number[] {
  const T = w.length;
  if (T < 2) return [...w];
  const top = Math.max(...w);
  const e = w.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  const mixed = e.map((v) => Math.log((1 - alpha) * v + (alpha * (sum - v)) / (T - 1)));
  const peak = Math.max(...mixed);
  return mixed.map((v) => v - peak);
}

/** Insert into / remove from an ascending list. */
function insertSorted(list: number[], x: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, x);
}
function removeSorted(list: number[], x: number): void {
  const at = list.indexOf(x);
  if (at >= 0) list.splice(at, 1);
}

export const bandit = defineSampler({
  id: 'bandit',
  label: 'Bandit (learning progress)',
  summary:
    'One task per step, chosen by an Exp3.S bandit rewarded by how fast that task’s loss falls: steps flow to the tasks that are learning most.',
  citation:
    'Graves et al., "Automated Curriculum Learning for Neural Networks", ICML 2017, arXiv:1704.03003; Auer et al., "The Nonstochastic Multiarmed Bandit Problem", SIAM J. Comput. 2002',
  params: {
    eta: num({
      label: 'Step size η',
      help: 'How strongly each reward moves the bandit’s preferences; larger adapts faster but noisier.',
      default: 0.01,
      min: 0.0001,
      max: 1,
      scale: 'log',
    }),
    epsilon: num({
      label: 'Exploration ε',
      help: 'Fraction of the steps spread uniformly over the tasks, so each keeps a probability of at least ε / T.',
      default: 0.05,
      min: 0,
      max: 1,
    }),
  },
  partial: true,
  usesTaskLosses: true,
  views: [{ kind: 'task-shares' }],
  create: (ctx) => {
    checkContext(ctx);
    const { numTasks: T, params, rng } = ctx;
    const state = new MethodState();
    const plan = singleTaskPlanner(state, ctx);
    const tracker = shareTracker(state, T);
    const w = state.box<number[]>('weights', new Array<number>(T).fill(0));
    const report = state.box<number[]>('report', []); // the last report's losses ([] before any)
    const reportStep = state.box('reportStep', -1); // its taskLossesStep (−1: not given)
    const pulls = state.box<number[]>('pulls', new Array<number>(T).fill(0)); // choices since it arrived
    const log = state.box<number[][]>('log', []); // recent [step, task] choices
    const history = state.box<number[]>('history', []); // recent r̂, oldest first
    const sorted = state.box<number[]>('sortedHistory', []); // the same, ascending
    const calls = state.box('calls', 0);

    /** Steps per task between the last report and `fresh` (see the header). */
    const stepsBetween = (freshStep: number | undefined): number[] => {
      if (freshStep === undefined || reportStep.value < 0) return [...pulls.value];
      const n = new Array<number>(T).fill(0);
      for (const [step = 0, task = 0] of log.value)
        if (step >= reportStep.value && step < freshStep) n[task] = (n[task] ?? 0) + 1;
      return n;
    };
    const observe = ({ taskLosses: losses, taskLossesStep: freshStep }: SamplerFeedback): void => {
      if (!losses) return;
      if (losses.length !== T) throw new Error(`bandit: ${losses.length} task losses for ${T} tasks`);
      const fresh =
        report.value.length === 0 ||
        (freshStep !== undefined
          ? freshStep !== reportStep.value
          : losses.some((l, t) => l !== report.value[t]));
      if (!fresh) return;
      if (report.value.length > 0) {
        const n = stepsBetween(freshStep);
        const policy = exp3Policy(w.value, params.epsilon);
        losses.forEach((loss, t) => {
          const before = report.value[t] ?? 0;
          const steps = n[t] ?? 0;
          if (steps === 0 || !Number.isFinite(loss) || before === 0) return;
          const progress = (before - loss) / Math.max(Math.abs(before), 1e-12) / steps;
          history.value.push(progress);
          insertSorted(sorted.value, progress);
          if (history.value.length > HISTORY) removeSorted(sorted.value, history.value.shift() ?? 0);
          const r = rescaleReward(progress, sorted.value);
          w.value[t] = (w.value[t] ?? 0) + (params.eta * steps * r) / (policy[t] ?? 1);
        });
      }
      // Non-finite losses keep the previous value (and stay out of the JSON state).
      report.value = losses.map((l, t) => (Number.isFinite(l) ? l : (report.value[t] ?? 0)));
      reportStep.value = freshStep ?? -1;
      pulls.value = new Array<number>(T).fill(0);
    };

    return {
      next: (feedback) => {
        observe(feedback);
        const task = drawCategorical(rng, exp3Policy(w.value, params.epsilon));
        pulls.value[task] = (pulls.value[task] ?? 0) + 1;
        log.value.push([feedback.step, task]);
        if (log.value.length > LOG) log.value.shift();
        w.value = shareWeights(w.value, 1 / (calls.value + 2));
        calls.value++;
        return tracker.record(plan(task));
      },
      shares: tracker.shares,
      state,
    };
  },
});
