/**
 * The classroom part of the URL hash (issue 13): `#lesson=<id>&step=<n>&hide=a,b&lock=c&embed=lesson`, which
 * may sit in front of the experiment (`&config=...`, url-codec.ts). The experiment's value is
 * URI-encoded JSON, so it holds no raw `&`: splitting on `&` separates the two without ambiguity. A hash
 * with none of these keys is handed to the experiment codec untouched, so links made before lessons
 * existed decode exactly as they did.
 *
 * Decoding never throws: an unusable value is dropped and named in one line (what it was, what is
 * accepted), and the rest of the link still applies.
 */
import type { ClassroomView } from './types';

export const CLASSROOM_KEYS = ['lesson', 'step', 'hide', 'lock', 'embed'] as const;
type ClassroomKey = (typeof CLASSROOM_KEYS)[number];
const isClassroomKey = (key: string): key is ClassroomKey =>
  (CLASSROOM_KEYS as readonly string[]).includes(key);

/** Lesson ids are kebab-case file names (public/lessons/<id>.json). */
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A part to hide or lock: a control, panel or chart name (e.g. `method`, `learningRate`, `layer-cosine`). */
const PART = /^[A-Za-z][\w-]{0,39}$/;
const EMBED = /^(lesson|chart:[a-z][\w-]{0,39})$/;
/** No lesson has more than a handful of steps; the cap keeps a typo from meaning anything. */
export const MAX_STEP = 99;
const MAX_PARTS = 40;

export interface SplitHash {
  /** The classroom keys, or null when the hash has none (the experiment alone, as before). */
  classroom: ClassroomView | null;
  /** The rest, for url-codec's decodeHash: `#config=...`, or '' when there is no experiment. */
  experiment: string;
  /** One line per unusable classroom value, when there were any. */
  notice?: string;
}

export const emptyClassroom = (): ClassroomView => ({ hide: [], lock: [] });

function partsOf(key: 'hide' | 'lock', value: string, problems: string[]): string[] {
  const names = value.split(',').filter(Boolean);
  const good = names.filter((n) => PART.test(n)).slice(0, MAX_PARTS);
  const bad = names.filter((n) => !PART.test(n));
  if (bad.length)
    problems.push(
      `ignored ${key}=${bad.map((b) => `'${b.slice(0, 40)}'`).join(', ')} (expected names of controls, panels or charts such as method, learningRate, loss)`,
    );
  return [...new Set(good)];
}

function decodePart(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function splitHash(hash: string): SplitHash {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const pieces = text.split('&');
  const keyOf = (piece: string) => piece.slice(0, Math.max(0, piece.indexOf('=')));
  if (!pieces.some((p) => isClassroomKey(keyOf(p)))) return { classroom: null, experiment: hash };
  const view = emptyClassroom();
  const problems: string[] = [];
  const rest: string[] = [];
  for (const piece of pieces) {
    const key = keyOf(piece);
    if (!isClassroomKey(key)) {
      if (piece) rest.push(piece);
      continue;
    }
    const value = decodePart(piece.slice(key.length + 1));
    if (value === null) {
      problems.push(`ignored ${key}= (not a valid URL text)`);
      continue;
    }
    if (key === 'lesson') {
      if (LESSON_ID.test(value)) view.lesson = value;
      else problems.push(`ignored lesson='${value.slice(0, 40)}' (expected a lesson id such as cagrad-toy)`);
    } else if (key === 'step') {
      const n = Number(value);
      if (/^\d+$/.test(value) && n >= 1 && n <= MAX_STEP) view.step = n;
      else
        problems.push(`ignored step='${value.slice(0, 20)}' (expected a whole number from 1 to ${MAX_STEP})`);
    } else if (key === 'embed') {
      if (EMBED.test(value)) view.embed = value;
      else problems.push(`ignored embed='${value.slice(0, 40)}' (expected lesson or chart:<chart id>)`);
    } else view[key] = partsOf(key, value, problems);
  }
  return {
    classroom: view,
    experiment: rest.length ? `#${rest.join('&')}` : '',
    ...(problems.length ? { notice: `The classroom link: ${problems.join('; ')}.` } : {}),
  };
}

/** `lesson=x&step=2&hide=a,b&lock=c&embed=lesson` (no `#`); '' for a view that asks nothing. */
export function classroomText(view: ClassroomView): string {
  const parts: string[] = [];
  if (view.lesson) parts.push(`lesson=${view.lesson}`);
  if (view.lesson && view.step !== undefined) parts.push(`step=${view.step}`);
  if (view.hide.length) parts.push(`hide=${view.hide.join(',')}`);
  if (view.lock.length) parts.push(`lock=${view.lock.join(',')}`);
  if (view.embed) parts.push(`embed=${view.embed}`);
  return parts.join('&');
}

/** The whole hash: the classroom keys first, then the experiment (`#config=...` or ''). */
export function joinHash(view: ClassroomView | null, experiment: string): string {
  const classroom = view ? classroomText(view) : '';
  const rest = experiment.startsWith('#') ? experiment.slice(1) : experiment;
  if (!classroom) return rest ? `#${rest}` : '';
  return `#${classroom}${rest ? `&${rest}` : ''}`;
}
