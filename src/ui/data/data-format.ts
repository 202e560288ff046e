/**
 * How the data dialog and the "Your data" list write sizes, dates and a column's numbers (pure, tested in
 * Node).
 */
import type { ColumnProfile } from '../../engine/tasks/csv/types';

/** 1,234 bytes -> "1.2 kB"; decimal units as file managers show them. */
export function bytesText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toPrecision(2)} ${units[unit]}`;
}

/** A count with thousands grouped: 12500 -> "12,500". */
export const countText = (n: number): string => n.toLocaleString('en-US');

/** "2026-11-30 13:40": the date a file was added, in the reader's time zone, sortable at a glance. */
export function dateText(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const short = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3))));

/** What the preview says of a column's values: its range and mean, or its classes (a few of them). */
export function valuesText(profile: ColumnProfile, shown = 4): string {
  if (profile.type === 'constant')
    return profile.values?.[0] !== undefined ? `always "${profile.values[0]}"` : 'empty';
  if (profile.values && (profile.type === 'text' || profile.distinct <= 10)) {
    const head = profile.values.slice(0, shown).join(', ');
    const more = profile.values.length - shown;
    return `${profile.distinct} values: ${head}${more > 0 ? ` and ${more} more` : ''}`;
  }
  if (profile.min !== undefined && profile.max !== undefined)
    return `${short(profile.min)} to ${short(profile.max)}${profile.mean !== undefined ? `, mean ${short(profile.mean)}` : ''}`;
  return `${profile.distinct > 100 ? 'over 100' : profile.distinct} distinct values`;
}

/** The detected type in words a student reads without knowing the term. */
export const TYPE_TEXT: Record<ColumnProfile['type'], string> = {
  numeric: 'numbers',
  text: 'text',
  constant: 'one value',
};
