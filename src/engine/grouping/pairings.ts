/**
 * Grouping tasks by their lookahead affinity (Fifty, Amid, Zhao, Yu, Anil & Finn, "Efficiently Identifying
 * Task Groupings for Multi-Task Networks", NeurIPS 2021, arXiv:2109.04617, §3.2): tasks that lower each
 * other's loss when one steps should train together. The paper searches the groupings under a budget of
 * networks for the one whose members receive the most affinity from their group; with an even number of
 * tasks and groups of two (the lesson's setting), that search is over the pairings, and a pairing's score
 * is the affinity the partners give each other, Z[i][j] + Z[j][i] summed over its pairs. Exhaustive: T = 8
 * has 105 pairings. Plain numbers, no tfjs: the same function can label the app's affinity heatmap.
 */

/** Tasks by index; a pairing lists each pair with its smaller index first, pairs ordered by it. */
export type Pairing = [number, number][];

/** Every way to split tasks 0..T-1 (T even) into pairs. */
export function pairings(numTasks: number): Pairing[] {
  if (numTasks % 2 !== 0) throw new Error(`pairings: expected an even number of tasks, got ${numTasks}`);
  const pair = (rest: number[]): Pairing[] => {
    const [first, ...others] = rest;
    if (first === undefined) return [[]];
    return others.flatMap((partner) =>
      pair(others.filter((t) => t !== partner)).map((p): Pairing => [[first, partner], ...p]),
    );
  };
  return pair(Array.from({ length: numTasks }, (_, t) => t));
}

/** The affinity a pairing keeps inside its pairs: Σ over pairs (i, j) of Z[i][j] + Z[j][i]. */
export function pairingScore(affinity: readonly (readonly number[])[], pairing: Pairing): number {
  return pairing.reduce((s, [i, j]) => s + (affinity[i]?.[j] ?? 0) + (affinity[j]?.[i] ?? 0), 0);
}

/** The pairing with the most affinity inside its pairs (the first of equals, in pairings() order). */
export function bestPairing(affinity: readonly (readonly number[])[]): { pairing: Pairing; score: number } {
  let best: { pairing: Pairing; score: number } | null = null;
  for (const pairing of pairings(affinity.length)) {
    const score = pairingScore(affinity, pairing);
    if (!best || score > best.score) best = { pairing, score };
  }
  if (!best) throw new Error('bestPairing: no tasks');
  return best;
}

/** "1+2 | 3+4": a pairing in 1-based task numbers, as the lesson text writes it. */
export const pairingLabel = (pairing: Pairing): string =>
  pairing.map(([i, j]) => `${i + 1}+${j + 1}`).join(' | ');
