import { describe, expect, it } from 'vitest';
import { shortcutOf, SHORTCUTS } from './shortcuts';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) =>
  shortcutOf({ key, ctrlKey: false, altKey: false, metaKey: false, target: null, ...mods });

describe('keyboard shortcuts', () => {
  it('maps space, s, r, ? and Escape to their actions, either case', () => {
    expect([' ', 's', 'S', 'r', 'R', '?', 'Escape'].map((k) => press(k))).toEqual([
      'toggle',
      'step',
      'step',
      'reset',
      'reset',
      'help',
      'close',
    ]);
    expect(press('x')).toBeNull();
    expect(press('Enter')).toBeNull();
  });

  it("leaves the browser's own shortcuts alone (Ctrl+R reloads, Ctrl+S saves)", () => {
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('s', { metaKey: true })).toBeNull();
    expect(press(' ', { altKey: true })).toBeNull();
  });

  it('lists every key it answers in the help', () => {
    expect(SHORTCUTS.map((s) => s.label)).toEqual(['Space', 'S', 'R', '?', 'Esc']);
  });

  it('never fires while the student types in a field or picks from a menu; Escape still closes', () => {
    const inField = { closest: (sel: string) => (sel.includes('input') ? {} : null) };
    const onPage = { closest: () => null };
    const editable = { closest: () => null, isContentEditable: true };
    const at = (key: string, target: unknown) =>
      shortcutOf({ key, ctrlKey: false, altKey: false, metaKey: false, target });
    expect([at('s', inField), at(' ', inField), at('?', editable)]).toEqual([null, null, null]);
    expect(at('Escape', inField)).toBe('close');
    expect(at('s', onPage)).toBe('step');
  });
});
