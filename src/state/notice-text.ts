/**
 * Text for the notice banner built from what a link held: one line, bounded length, whatever the link's
 * keys and values were (newlines, bidi controls, kilobytes of one id). The banner is the only place a
 * person learns why part of a link was ignored, so it must stay readable.
 */
import { describeValue, oneLine } from '../engine/params/describe';

/** The longest notice we build; the banner shows it on one or two lines. */
export const MAX_NOTICE_LENGTH = 200;

/**
 * Quoted values longer than `keep` characters cut short ("xxxxxxxx…"): the validator quotes what it got in
 * full, and a 2,000-character id would push the accepted values out of the line.
 */
export function shortenQuoted(text: string, keep = 24): string {
  // A quote opens after a space or bracket and closes before one (so "task's" is no quote).
  return text.replace(
    /(?<=^|[\s([])(["'])((?:\\.|(?!\1)[^\\])*)\1(?=$|[\s;,.)\]])/g,
    (whole, quote: string, inner: string) =>
      inner.length > keep ? `${quote}${oneLine(inner, keep)}${quote}` : whole,
  );
}

/** A config path for a message: as it is when it looks like one, else quoted and cut (a hostile key). */
export function describeField(path: string): string {
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(path) && path.length <= 60) return path;
  return describeValue(path, 30);
}

/** What was ignored and why: the field that was dropped, and the parser's reason. */
export interface Ignored {
  field: string;
  reason: string;
}

/**
 * "Ignored method.params.c from the link (expected a number from 0 to 10, got "x"); kept the rest." With
 * more than one field, the first keeps its reason and the others are named as far as the length allows.
 */
export function ignoredNotice(ignored: readonly Ignored[], max: number = MAX_NOTICE_LENGTH): string {
  const [first, ...others] = ignored;
  if (!first) return '';
  const head = `Ignored ${describeField(first.field)} from the link`;
  const tail = '; kept the rest.';
  let also = '';
  if (others.length) {
    const names = [...new Set(others.map((o) => describeField(o.field)))];
    // Name as many as fit in about half the line; count the rest.
    let listed = 0;
    let text = '';
    for (const name of names) {
      const next = text ? `${text}, ${name}` : name;
      if (next.length > max / 2 - 20) break;
      text = next;
      listed++;
    }
    const left = names.length - listed;
    also = ` and ${text}${left ? `${text ? ' and ' : ''}${left} more field${left === 1 ? '' : 's'}` : ''}`;
  }
  const room = max - head.length - also.length - tail.length - ' ()'.length;
  const reason = room > 12 ? ` (${oneLine(shortenQuoted(first.reason), room)})` : '';
  return oneLine(`${head}${reason}${also}${tail}`, max);
}
