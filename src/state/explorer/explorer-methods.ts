/**
 * The methods the gradient-geometry explorer offers, as engine/methods/explorer-notes.ts lists them (those
 * of the catalogue that need nothing but the task gradients on a first step), each with its card, a
 * colour and the fewest tasks it accepts with its default parameters. Nothing here names a method: what
 * is shown and drawn comes from the notes and the cards.
 */
import type { MethodCardEntry } from '../../engine/methods/card';
import { findMethodCard } from '../../engine/methods/catalogue';
import { EXPLORER_NOTES, type ExplorerNote } from '../../engine/methods/explorer-notes';
import { validateParams } from '../../engine/params/validate';

export interface ExplorerMethod {
  id: string;
  card: MethodCardEntry;
  note: ExplorerNote;
  /** Stroke colour of its arrow and construction. */
  color: string;
  /** Fewest tasks it accepts with its default parameters (Krum and the trimmed mean need 3). */
  minTasks: number;
}

/**
 * Arrow colours in the notes' order. The first seven are palette.ts colours the tasks do not use (tasks
 * are blue, vermillion and green), whose contrast on both themes palette.test.ts checks; the rest are
 * mid-tones of the same lightness.
 */
const COLORS = [
  '#808894',
  '#d9434b',
  '#8e6cd1',
  '#6b8e23',
  '#cf4f8b',
  '#b7791f',
  '#1b8fb0',
  '#a05fb0',
  '#a0642d',
  '#6c7ae0',
  '#c0562b',
  '#b8860b',
  '#7a8a3a',
  '#6d7d8e',
  '#2a9d8f',
];

/** The fewest tasks (2 to 8) for which the card's own check accepts its default parameters. */
function fewestTasks(card: MethodCardEntry): number {
  const defaults = validateParams(card.params, {}, 'params');
  if (!defaults.ok) return Infinity;
  return [2, 3, 4, 5, 6, 7, 8].find((T) => !card.check?.(defaults.value, { numTasks: T }).length) ?? Infinity;
}

export const EXPLORER_METHODS: readonly ExplorerMethod[] = EXPLORER_NOTES.map((note, k) => {
  const card = findMethodCard(note.id);
  if (!card) throw new Error(`explorer-notes.ts: '${note.id}' is not in the method catalogue`);
  return {
    id: note.id,
    card,
    note,
    color: COLORS[k % COLORS.length] ?? '#808894',
    minTasks: fewestTasks(card),
  };
});

/** The methods the issue names: shown on a first visit. */
export const DEFAULT_SELECTED: readonly string[] = EXPLORER_METHODS.filter((m) => m.note.shownFirst).map(
  (m) => m.id,
);

/** The method whose construction is drawn on a first visit. */
export const DEFAULT_FOCUS: string =
  EXPLORER_METHODS.find((m) => m.note.focusFirst)?.id ?? DEFAULT_SELECTED[0] ?? '';

export function explorerMethod(id: string): ExplorerMethod | undefined {
  return EXPLORER_METHODS.find((m) => m.id === id);
}
