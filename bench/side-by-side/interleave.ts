/**
 * Interleaved timing: every round times each contender once, in an order that reverses every other round,
 * so slow drift of a shared machine (other processes, thermal state, GC) hits both sides of a comparison
 * alike. A contender's speed relative to the naive step is the median over rounds of that round's ratio,
 * which cancels drift between rounds as well; its steps/s is the median of its per-round rates.
 */
import { median } from '../report/table';
import { NAIVE_ID, type Contender } from './contenders';

export interface InterleaveOptions {
  rounds: number;
  /** Steps per timed block; null: sized from the warm-up so that a block of the naive step lasts ~`blockMs`. */
  steps: number | null;
  warmupSteps: number;
  blockMs: number;
  /** Fewest steps in a sized block (a warm-up rate still paying for compiles would size blocks too small). */
  minSteps: number;
  /** Work units (kernels or GPU dispatches) of `fn`, e.g. tf.profile's kernel count or a dispatch counter. */
  count: (fn: () => Promise<void>) => Promise<number>;
  /** Steps whose work is counted (divided out: the count is per step). */
  countSteps: number;
  now: () => number;
  log?: (line: string) => void;
}

export interface ContenderResult {
  id: string;
  label: string;
  stepsPerSecond: number;
  /** Median over rounds of (this contender's steps/s) / (the naive step's steps/s in the same round). */
  relativeToNaive: number;
  workPerStep: number;
  stepsPerBlock: number;
  rounds: number;
}

async function timed(contender: Contender, steps: number, now: () => number): Promise<number> {
  const start = now();
  await contender.run(steps);
  return steps / ((now() - start) / 1000);
}

export async function interleave(contenders: Contender[], o: InterleaveOptions): Promise<ContenderResult[]> {
  const naive = contenders.find((c) => c.id === NAIVE_ID);
  if (!naive) throw new Error('interleave: the naive contender is missing');
  // A second warm-up pass (startContenders ran the first, which paid for compiles): its rate of the naive
  // step sizes the timed blocks.
  let naiveRate = 0;
  for (const c of contenders) {
    const rate = await timed(c, o.warmupSteps, o.now);
    if (c === naive) naiveRate = rate;
    o.log?.(`  warm-up ${c.label}: ${rate.toFixed(1)} steps/s`);
  }
  const steps = o.steps ?? Math.min(500, Math.max(o.minSteps, Math.round((naiveRate * o.blockMs) / 1000)));
  const work = new Map<string, number>();
  for (const c of contenders)
    work.set(c.id, (await o.count(() => c.runUnfenced(o.countSteps))) / o.countSteps);
  const rates = new Map<string, number[]>(contenders.map((c) => [c.id, []]));
  const ratios = new Map<string, number[]>(contenders.map((c) => [c.id, []]));
  for (let round = 0; round < o.rounds; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    const thisRound = new Map<string, number>();
    for (const c of order) thisRound.set(c.id, await timed(c, steps, o.now));
    const base = thisRound.get(NAIVE_ID) as number;
    for (const c of contenders) {
      const rate = thisRound.get(c.id) as number;
      rates.get(c.id)?.push(rate);
      ratios.get(c.id)?.push(rate / base);
    }
    o.log?.(
      `  round ${round + 1}/${o.rounds}: ${order.map((c) => `${c.id} ${thisRound.get(c.id)?.toFixed(1)}`).join(', ')}`,
    );
  }
  return contenders.map((c) => ({
    id: c.id,
    label: c.label,
    stepsPerSecond: median(rates.get(c.id) ?? []),
    relativeToNaive: median(ratios.get(c.id) ?? []),
    workPerStep: work.get(c.id) ?? NaN,
    stepsPerBlock: steps,
    rounds: o.rounds,
  }));
}
