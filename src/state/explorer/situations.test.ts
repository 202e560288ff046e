/** Each ready-made situation shows what its hint says, in the engine's own numbers. */
import { describe, expect, it } from 'vitest';
import type { FromExplorerWorker } from '../../worker/explorer/explorer-protocol';
import { ExplorerSession } from '../../worker/explorer/explorer-session';
import { cosine, dot, norm, type Vec2 } from './geometry';
import { SITUATIONS, type Situation } from './situations';

const situation = (label: string): Situation => {
  const found = SITUATIONS.find((s) => s.label === label);
  if (!found) throw new Error(label);
  return found;
};

/** Each method's direction for the situation's active gradients. */
async function directions(s: Situation, methods: string[]): Promise<Record<string, Vec2>> {
  const posted: FromExplorerWorker[] = [];
  const grads = s.grads.slice(0, s.taskCount).map((g) => [...g]);
  await new ExplorerSession((m) => posted.push(m)).handle({
    type: 'aggregate',
    id: 1,
    grads,
    methods,
    seed: 1,
  });
  const out: Record<string, Vec2> = {};
  for (const m of posted)
    if (m.type === 'answer')
      for (const a of m.answers) if (a.ok) out[a.method] = [a.direction[0] ?? 0, a.direction[1] ?? 0];
  return out;
}

const gains = (s: Situation, d: Vec2) => s.grads.slice(0, s.taskCount).map((g) => dot(g, d));

describe('explorer situations', () => {
  it('mild conflict: cosine −0.34, and the sum still lowers both losses', async () => {
    const s = situation('Mild conflict');
    expect(cosine(s.grads[0], s.grads[1])).toBeCloseTo(-0.336, 3);
    const { ew } = await directions(s, ['ew']);
    for (const gain of gains(s, ew as Vec2)) expect(gain).toBeGreaterThan(0);
  });

  it('agreement: PCGrad is the sum and UPGrad the mean', async () => {
    const s = situation('Agreement');
    const d = await directions(s, ['pcgrad', 'upgrad']);
    expect(d.pcgrad?.[0]).toBeCloseTo(3, 5);
    expect(d.pcgrad?.[1]).toBeCloseTo(2, 5);
    expect(d.upgrad?.[0]).toBeCloseTo(1.5, 3);
    expect(d.upgrad?.[1]).toBeCloseTo(1, 3);
  });

  it('one gradient 10× larger: the sum raises the small task’s loss, MGDA, IMTL and Nash-MTL do not', async () => {
    const s = situation('One gradient 10× larger');
    expect(norm(s.grads[0]) / norm(s.grads[1])).toBeGreaterThan(10);
    const d = await directions(s, ['ew', 'mgda', 'imtl', 'nash-mtl']);
    expect(gains(s, d.ew as Vec2)[1]).toBeLessThan(0);
    for (const id of ['mgda', 'imtl', 'nash-mtl'])
      for (const gain of gains(s, d[id] as Vec2)) expect(gain, id).toBeGreaterThan(0);
  });

  it('three around the origin: MGDA and UPGrad return about zero', async () => {
    const s = situation('Three around the origin');
    const d = await directions(s, ['mgda', 'upgrad', 'ew']);
    expect(norm(d.mgda as Vec2)).toBeLessThan(1e-3);
    expect(norm(d.upgrad as Vec2)).toBeLessThan(0.02);
    expect(norm(d.ew as Vec2)).toBeGreaterThan(0.5);
  });
});
