/**
 * The keyboard shortcuts (issue 13): space trains or pauses, `s` takes one step, `r` resets, `?` opens the
 * help that lists them. None fires while the student types in a field (or uses a menu), nor with Ctrl,
 * Alt or Meta held (the browser's own shortcuts stay the browser's).
 */
export interface Shortcut {
  /** As KeyboardEvent.key reports it. */
  key: string;
  /** The key as the help shows it. */
  label: string;
  does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: ' ', label: 'Space', does: 'Train, or pause the training' },
  { key: 's', label: 'S', does: 'Take one training step (while paused)' },
  { key: 'r', label: 'R', does: 'Reset: start the run again from new weights' },
  { key: '?', label: '?', does: 'Show or hide this list' },
  { key: 'Escape', label: 'Esc', does: 'Close this list' },
];

/** What a shortcut needs of a key event (typed here, not as the DOM's, so Node tests can build one). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: unknown;
}

interface ElementLike {
  closest(selector: string): unknown;
  isContentEditable?: boolean;
}

const isElement = (target: unknown): target is ElementLike =>
  typeof (target as ElementLike | null)?.closest === 'function';

/** Elements where a key is text or a choice, not a command. */
export function isTyping(target: unknown): boolean {
  if (!isElement(target)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]') !== null;
}

export type ShortcutAction = 'toggle' | 'step' | 'reset' | 'help' | 'close';

/** The action a key press asks for, or null when it is not a shortcut here. */
export function shortcutOf(event: KeyPress): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === 'Escape') return 'close';
  if (isTyping(event.target)) return null;
  switch (event.key) {
    case ' ':
      return 'toggle';
    case 's':
    case 'S':
      return 'step';
    case 'r':
    case 'R':
      return 'reset';
    case '?':
      return 'help';
    default:
      return null;
  }
}
