/**
 * The explorer's session on the test backend: it answers every requested method with the numbers of the
 * engine function `cli aggregate` runs (hand-checked for PCGrad and MGDA), says why a method cannot run
 * instead of failing the request, and refuses malformed gradients with one line naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { FromExplorerWorker, MethodAnswer } from './explorer-protocol';
import { ExplorerSession, gradsProblem } from './explorer-session';

async function ask(grads: number[][], methods: string[]): Promise<FromExplorerWorker[]> {
  const posted: FromExplorerWorker[] = [];
  const session = new ExplorerSession((m) => posted.push(m));
  await session.handle({ type: 'aggregate', id: 7, grads, methods, seed: 1 });
  return posted;
}

const answerOf = (posted: FromExplorerWorker[], method: string): MethodAnswer | undefined =>
  posted.flatMap((m) => (m.type === 'answer' ? m.answers : [])).find((a) => a.method === method);

describe('ExplorerSession', () => {
  it('says ready once, then answers each method with the engine numbers', async () => {
    const posted = await ask(
      [
        [1, 0],
        [-0.5, 1],
      ],
      ['pcgrad', 'mgda', 'ew'],
    );
    expect(posted.map((m) => m.type)).toEqual(['ready', 'answer']);
    const answer = posted[1];
    expect(answer?.type === 'answer' && answer.id).toBe(7);
    // PCGrad by hand: g1·g2 = −0.5, so g1' = g1 + 0.4 g2 = (0.8, 0.4), g2' = g2 + 0.5 g1 = (0, 1).
    const pcgrad = answerOf(posted, 'pcgrad');
    expect(pcgrad?.ok).toBe(true);
    if (pcgrad?.ok) {
      expect(pcgrad.direction[0]).toBeCloseTo(0.8, 5);
      expect(pcgrad.direction[1]).toBeCloseTo(1.4, 5);
    }
    // MGDA by hand: w1 = g2·(g2 − g1)/|g1 − g2|² = 1.75/3.25; d·g1 = d·g2 at the min-norm point.
    const mgda = answerOf(posted, 'mgda');
    if (!mgda?.ok) throw new Error('mgda failed');
    expect(mgda.weights[0]).toBeCloseTo(1.75 / 3.25, 5);
    expect(mgda.direction[0]).toBeCloseTo(0.30769, 4);
    expect(mgda.direction[1]).toBeCloseTo(0.46154, 4);
    expect(answerOf(posted, 'ew')).toMatchObject({ ok: true, direction: [0.5, 1], weights: [1, 1] });
  });

  it('answers a method that cannot run on these gradients with its reason, the others as usual', async () => {
    const posted = await ask(
      [
        [1, 0],
        [0, 1],
      ],
      ['krum', 'ew', 'nope'],
    );
    expect(answerOf(posted, 'krum')).toMatchObject({ ok: false });
    const krum = answerOf(posted, 'krum');
    expect(krum?.ok === false && krum.message).toMatch(/at least 3 tasks/);
    expect(answerOf(posted, 'nope')).toMatchObject({ ok: false, message: "unknown method 'nope'" });
    expect(answerOf(posted, 'ew')).toMatchObject({ ok: true, direction: [1, 1] });
  });

  it('refuses malformed gradients with one line naming the field', async () => {
    const posted = await ask([[1, 0], [0]], ['ew']);
    expect(posted).toEqual([
      {
        type: 'error',
        id: 7,
        message: 'grads: expected 2 to 8 rows of 1 to 16 finite numbers, all rows the same length',
      },
    ]);
    expect(
      gradsProblem([
        [1, NaN],
        [0, 1],
      ]),
    ).toMatch(/^grads:/);
    expect(gradsProblem([[1, 0]])).toMatch(/^grads:/);
    expect(
      gradsProblem([
        [1, 0],
        [0, 1],
        [2, 2],
      ]),
    ).toBeNull();
  });
});
