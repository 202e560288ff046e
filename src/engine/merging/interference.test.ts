import { describe, expect, it } from 'vitest';
import { interferenceByLayer, interferenceOver } from './interference';

const f32 = (values: number[]) => Float32Array.from(values);

describe('interference between task vectors', () => {
  it('sign conflicts and cosine by hand', () => {
    // Coordinates where both are nonzero: 0, 1, 3; signs differ at 1 and 3 → 2/3.
    // ⟨τ1, τ2⟩ = 1 − 1 + 0 − 4 = −4; ‖τ1‖ = √6, ‖τ2‖ = √15 → −4/√90.
    const r = interferenceOver([f32([1, -1, 0, 2]), f32([1, 1, 3, -2])], [{ offset: 0, size: 4 }], 'x');
    expect(r.compared).toBe(3);
    expect(r.signConflict).toBeCloseTo(2 / 3, 10);
    expect(r.cosine[0]![1]).toBeCloseTo(-4 / Math.sqrt(90), 6);
    expect(r.cosine[1]![0]).toBeCloseTo(-4 / Math.sqrt(90), 6);
    expect(r.cosine[0]![0]).toBeCloseTo(1, 6);
  });

  it('three tasks: a coordinate conflicts when its nonzero entries do not all share a sign', () => {
    const r = interferenceOver(
      [f32([1, 1, 0, 0]), f32([2, -1, 0, 5]), f32([0, 3, 0, 0])],
      [{ offset: 0, size: 4 }],
      'x',
    );
    // Coordinate 0: +,+ (agree); 1: +,−,+ (conflict); 2: none nonzero; 3: one nonzero (not compared).
    expect(r.compared).toBe(2);
    expect(r.signConflict).toBe(0.5);
  });

  it('per layer over its ranges, then over all of θ', () => {
    const layers = [
      { name: 'a', ranges: [{ offset: 0, size: 2 }] },
      { name: 'b', ranges: [{ offset: 2, size: 2 }] },
    ];
    const r = interferenceByLayer([f32([1, 1, 1, -1]), f32([1, 1, -1, 1])], layers);
    expect(r.map((l) => [l.layer, l.signConflict, Number(l.cosine[0]![1]!.toFixed(6))])).toEqual([
      ['a', 0, 1],
      ['b', 1, -1],
      ['all', 0.5, 0],
    ]);
  });

  it('identical vectors never conflict; a zero vector has cosine 0', () => {
    const v = f32([0.5, -2, 3]);
    const r = interferenceOver([v, v, f32([0, 0, 0])], [{ offset: 0, size: 3 }], 'x');
    expect(r.signConflict).toBe(0);
    expect(r.cosine[0]![1]).toBeCloseTo(1, 6);
    expect(r.cosine[0]![2]).toBe(0);
  });
});
