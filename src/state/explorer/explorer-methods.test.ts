/**
 * Every method the explorer offers answers, through the worker's session, with finite numbers on the
 * plane's awkward cases (opposite, identical, a zero gradient, three tasks), and the ones that promise
 * not to conflict keep that promise on what the student would drag.
 */
import { describe, expect, it } from 'vitest';
import type { FromExplorerWorker, MethodAnswer } from '../../worker/explorer/explorer-protocol';
import { ExplorerSession } from '../../worker/explorer/explorer-session';
import { DEFAULT_SELECTED, EXPLORER_METHODS } from './explorer-methods';
import { dot, type Vec2 } from './geometry';

async function answers(grads: number[][]): Promise<MethodAnswer[]> {
  const posted: FromExplorerWorker[] = [];
  const session = new ExplorerSession((m) => posted.push(m));
  const methods = EXPLORER_METHODS.filter((m) => m.minTasks <= grads.length).map((m) => m.id);
  await session.handle({ type: 'aggregate', id: 1, grads, methods, seed: 1 });
  const answer = posted.find((m) => m.type === 'answer');
  if (answer?.type !== 'answer') throw new Error(JSON.stringify(posted));
  return answer.answers;
}

const CASES: Record<string, number[][]> = {
  conflicting: [
    [2, 0.5],
    [-1, 1.5],
  ],
  opposite: [
    [1, 1],
    [-2, -2],
  ],
  identical: [
    [1, -0.5],
    [1, -0.5],
  ],
  'a zero gradient': [
    [0, 0],
    [1, 2],
  ],
  'three tasks': [
    [2, 0.5],
    [-1, 1.5],
    [0.3, -2],
  ],
};

/**
 * Methods whose direction conflicts with no task: up to float32 rounding and, for UPGrad and DualProj,
 * their reg_eps = 1e-4 on the trace-normalised Gram matrix (g_t·d ≥ −reg_eps·Σ|g|²·w_t, upgrad.ts).
 */
const NON_CONFLICTING = ['mgda', 'upgrad', 'dualproj', 'imtl', 'nash-mtl'];
/**
 * ConFIG only while the gradients are linearly independent (config.ts: U⁺1 has equal projections then):
 * three gradients in the plane are not, and the explorer shows ConFIG conflicting there.
 */
const NON_CONFLICTING_IF_INDEPENDENT = ['config'];

describe('the explorer’s methods', () => {
  it('offers the methods the issue names, each in the catalogue', () => {
    for (const id of ['ew', 'pcgrad', 'mgda', 'cagrad', 'upgrad', 'imtl', 'nash-mtl'])
      expect(DEFAULT_SELECTED).toContain(id);
    expect(new Set(EXPLORER_METHODS.map((m) => m.id)).size).toBe(EXPLORER_METHODS.length);
  });

  for (const [name, grads] of Object.entries(CASES))
    it(`answers every method with finite numbers: ${name}`, async () => {
      for (const answer of await answers(grads)) {
        expect(answer.ok, `${answer.method}: ${answer.ok ? '' : answer.message}`).toBe(true);
        if (!answer.ok) continue;
        expect(answer.direction.every(Number.isFinite), answer.method).toBe(true);
        expect(answer.weights.every(Number.isFinite), answer.method).toBe(true);
        const promised =
          NON_CONFLICTING.includes(answer.method) ||
          (NON_CONFLICTING_IF_INDEPENDENT.includes(answer.method) && grads.length <= 2);
        if (!promised || name === 'opposite') continue;
        const d: Vec2 = [answer.direction[0] ?? 0, answer.direction[1] ?? 0];
        const trace = grads.reduce((sum, g) => sum + dot(g as unknown as Vec2, g as unknown as Vec2), 0);
        const tolerance = 1e-4 * trace * Math.max(1, ...answer.weights) + 1e-5;
        for (const g of grads)
          expect(dot(g as unknown as Vec2, d), answer.method).toBeGreaterThan(-tolerance);
      }
    });
});
