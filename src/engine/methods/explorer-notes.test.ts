/**
 * The explorer's notes: each names a catalogue method that runs from the task gradients alone with its
 * defaults, once; the methods issue 13 names are shown first, each with its construction.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/spec';
import { findMethodCard } from './catalogue';
import { EXPLORER_NOTES } from './explorer-notes';

describe('explorer notes', () => {
  it('name catalogue methods that need only the gradients, each once', () => {
    const ids = EXPLORER_NOTES.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const card = findMethodCard(id);
      expect(card, id).toBeDefined();
      expect(card?.needsKpis ?? false, id).toBe(false);
      expect(card?.needsRepGrads?.(defaultParams(card.params)) ?? false, id).toBe(false);
    }
  });

  it('show the methods of the issue first, each with the construction it asks for', () => {
    const shown = EXPLORER_NOTES.filter((n) => n.shownFirst);
    expect(Object.fromEntries(shown.map((n) => [n.id, n.construction?.kind]))).toEqual({
      ew: 'tip-to-tail',
      pcgrad: 'conflict-projections',
      mgda: 'hull-min-norm',
      cagrad: 'ball-around-mean',
      upgrad: 'dual-cone-projections',
      imtl: 'equal-projections',
      'nash-mtl': 'bargaining',
    });
    expect(EXPLORER_NOTES.filter((n) => n.focusFirst)).toHaveLength(1);
  });

  it("draws CAGrad's ball with the card's defaults: c = 0.5, divided by 1 + c² = 1.25", () => {
    const cagrad = EXPLORER_NOTES.find((n) => n.id === 'cagrad')?.construction;
    expect(cagrad).toMatchObject({ radius: 0.5, divideBy: 1.25 });
  });
});
