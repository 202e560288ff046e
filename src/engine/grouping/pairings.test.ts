import { describe, expect, it } from 'vitest';
import { bestPairing, pairingLabel, pairings, pairingScore } from './pairings';

describe('affinity grouping (Fifty et al. 2021, groups of two)', () => {
  it('lists every pairing once: (T-1)!! of them', () => {
    expect(pairings(2)).toEqual([[[0, 1]]]);
    expect(pairings(4)).toEqual([
      [
        [0, 1],
        [2, 3],
      ],
      [
        [0, 2],
        [1, 3],
      ],
      [
        [0, 3],
        [1, 2],
      ],
    ]);
    expect(pairings(6)).toHaveLength(15);
    expect(pairings(8)).toHaveLength(105);
    expect(() => pairings(3)).toThrow(/even number of tasks, got 3/);
  });

  it('scores a pairing by the affinity its partners give each other, both ways', () => {
    const z = [
      [9, 0.3, -0.1, 0],
      [0.2, 9, 0, 0.05],
      [0.1, 0, 9, 0.4],
      [0, -0.2, 0.5, 9],
    ];
    // 1+2 | 3+4: (0.3 + 0.2) + (0.4 + 0.5) = 1.4; the diagonal (own progress) never counts.
    expect(
      pairingScore(z, [
        [0, 1],
        [2, 3],
      ]),
    ).toBeCloseTo(1.4, 12);
    // 1+3 | 2+4: (-0.1 + 0.1) + (0.05 - 0.2) = -0.15.
    expect(
      pairingScore(z, [
        [0, 2],
        [1, 3],
      ]),
    ).toBeCloseTo(-0.15, 12);
    const best = bestPairing(z);
    expect(pairingLabel(best.pairing)).toBe('1+2 | 3+4');
    expect(best.score).toBeCloseTo(1.4, 12);
  });

  it('finds pairs that are not neighbours', () => {
    // Tasks 1 and 4 help each other, and 2 and 3.
    const z = [
      [1, 0, 0, 0.6],
      [0, 1, 0.3, 0],
      [0, 0.2, 1, 0],
      [0.4, 0, 0, 1],
    ];
    expect(pairingLabel(bestPairing(z).pairing)).toBe('1+4 | 2+3');
  });
});
