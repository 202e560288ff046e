/**
 * Validation of a lesson file (public/lessons/<id>.json, types.ts) for the app's lesson player,
 * `cli lesson list|check` and the tests. A bad lesson is a ConfigError whose issues each name the field
 * (`steps[2].set`, `setup.config.method.id`) and what is accepted there, one line in all.
 *
 * The shape is checked with zod (the `zod/mini` build: the page loads this file, and mini tree-shakes to a
 * few kB); the setup then goes through the same validators as everything else: `parseConfig` for a config
 * lesson, `parseStudy` for a study lesson, and every step's `set` is applied in order (steps build on each
 * other) and the result must still parse, so a lesson that loads can run every one of its steps.
 */
import * as z from 'zod/mini';
import { applyOverride } from '../config/overrides';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { describeValue } from '../params/describe';
import type { ConfigIssue } from '../params/spec';
import { parseStudy } from '../study/parse-study';
import type { Lesson, LessonIndex, LessonSetup } from './types';

/** Kebab-case: the file name and the URL's `#lesson=<id>`. */
export const LESSON_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MIN_STEPS = 3;
export const MAX_STEPS = 6;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const record = z.record(z.string(), z.unknown());

const stepSchema = z.strictObject({
  text: text(1000),
  set: z.optional(record),
  train: z.optional(z.boolean()),
  focus: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/i))),
});

const lessonSchema = z.strictObject({
  id: z.string().check(z.regex(LESSON_ID), z.maxLength(60)),
  title: text(120),
  summary: text(300),
  paper: z.strictObject({
    cite: text(400),
    url: z.string().check(z.regex(/^https:\/\/\S+$/), z.maxLength(300)),
    where: z.optional(text(100)),
  }),
  finding: text(500),
  setup: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('config'), config: record }),
    z.strictObject({ kind: z.literal('study'), study: record }),
  ]),
  steps: z.array(stepSchema).check(z.minLength(MIN_STEPS), z.maxLength(MAX_STEPS)),
  notice: text(1000),
  question: text(1000),
  expected: text(1000),
  text: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*\.md$/))),
});

const indexSchema = z.strictObject({
  lessons: z.array(
    z.strictObject({
      id: z.string().check(z.regex(LESSON_ID)),
      file: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*\.json$/)),
    }),
  ),
});

const LESSON_FIELDS = 'id, title, summary, paper, finding, setup, steps, notice, question, expected, text';

/** What each field accepts, by path with list indices written `[]`. */
const ACCEPTED: Record<string, string> = {
  '': `a JSON object { ${LESSON_FIELDS} }`,
  id: 'kebab-case text of up to 60 characters (a-z, 0-9 and single dashes), the file name',
  title: 'text of 1 to 120 characters',
  summary: 'text of 1 to 300 characters',
  paper: 'an object { cite, url, where? }',
  'paper.cite': 'text of 1 to 400 characters naming the authors, venue and title',
  'paper.url': 'an https:// address of up to 300 characters',
  'paper.where': 'text of 1 to 100 characters (e.g. "Fig. 1")',
  finding: 'one sentence of 1 to 500 characters',
  setup: '{ "kind": "config", "config": {...} } or { "kind": "study", "study": {...} }',
  'setup.kind': '"config" or "study"',
  'setup.config': 'a config object (as public/presets/*.json)',
  'setup.study': 'a study object { base, grid, seeds, baselines } (as public/studies/*.json)',
  steps: `a list of ${MIN_STEPS} to ${MAX_STEPS} steps { text, set?, train?, focus? }`,
  'steps[]': 'an object { text, set?, train?, focus? }',
  'steps[].text': 'Markdown text of 1 to 1,000 characters',
  'steps[].set': 'an object of config paths to values, e.g. { "method.id": "pcgrad" }',
  'steps[].train': 'true or false',
  'steps[].focus': 'a chart id, "network" or "explorer" (letters, digits and dashes, up to 40)',
  notice: 'text of 1 to 1,000 characters',
  question: 'text of 1 to 1,000 characters',
  expected: 'one sentence of 1 to 1,000 characters with the numbers `cli lesson check` measured',
  text: 'a Markdown file name next to the JSON, e.g. "cagrad-toy.md"',
  lessons: 'a list of { id, file }',
  'lessons[]': 'an object { id, file }',
  'lessons[].id': 'a kebab-case lesson id',
  'lessons[].file': 'a JSON file name next to index.json, e.g. "cagrad-toy.json"',
};

const shownPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

const valueAt = (raw: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, key) =>
      typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key as string] : undefined,
    raw,
  );

/** zod's issues as ours: the path, what was found, what is accepted (never zod's own wording). */
function issuesOf(raw: unknown, error: z.core.$ZodError): ConfigIssue[] {
  return error.issues.map((issue) => {
    const generic = issue.path.map((p) => (typeof p === 'number' ? '[]' : String(p)));
    const key = generic.join('.').replace(/\.\[\]/g, '[]');
    if (issue.code === 'unrecognized_keys') {
      const fields = Object.keys(schemaShape(key));
      const accepted = fields.join(', ');
      const path = [...issue.path, issue.keys[0] ?? ''];
      return { path: shownPath(path), message: `unknown field; accepted: ${accepted}`, accepted };
    }
    const accepted = ACCEPTED[key] ?? 'see src/engine/lessons/types.ts';
    const found = valueAt(raw, issue.path);
    const got = found === undefined ? 'nothing' : describeValue(found);
    return { path: shownPath(issue.path), message: `expected ${accepted}, got ${got}`, accepted };
  });
}

/** The fields an object at `key` accepts, for "unknown field" messages. */
function schemaShape(key: string): Record<string, unknown> {
  if (key === 'paper') return lessonSchema.shape.paper.shape;
  if (key === 'steps[]') return stepSchema.shape;
  if (key === 'setup') return { kind: 1, config: 1, study: 1 };
  if (key === 'lessons[]') return { id: 1, file: 1 };
  return key === '' ? lessonSchema.shape : { lessons: 1 };
}

/** A config or study error re-pathed under the field it came from. */
function under(prefix: string, error: unknown): ConfigIssue[] {
  if (!(error instanceof ConfigError)) throw error;
  return error.issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}

/** The setup parses, and so does every step's `set` applied on top of the steps before it. */
function setupIssues(setup: LessonSetup, steps: Lesson['steps']): ConfigIssue[] {
  const check = (prefix: string, raw: Record<string, unknown> | null): ConfigIssue[] => {
    try {
      if (setup.kind === 'config') parseConfig(raw ?? setup.config);
      else parseStudy(raw ? { ...setup.study, base: raw } : setup.study);
      return [];
    } catch (error) {
      return under(prefix, error);
    }
  };
  const first = check(setup.kind === 'config' ? 'setup.config' : 'setup.study', null);
  if (first.length) return first;
  // Parsed: a study's base is a config object.
  let raw: Record<string, unknown> = setup.kind === 'config' ? setup.config : setup.study.base;
  for (const [i, step] of steps.entries()) {
    try {
      for (const [path, value] of Object.entries(step.set ?? {}))
        raw = applyOverride(raw, `${path}=${JSON.stringify(value)}`);
    } catch (error) {
      return under(`steps[${i}].set`, error);
    }
    const issues = check(`steps[${i}].set`, raw);
    if (issues.length) return issues;
  }
  return [];
}

/** Validate a raw lesson; throws ConfigError naming every bad field. */
export function parseLesson(raw: unknown): Lesson {
  const shape = lessonSchema.safeParse(raw);
  if (!shape.success) throw new ConfigError(issuesOf(raw, shape.error));
  // zod types optional fields as `T | undefined`; parsed JSON has no undefined values.
  const lesson = shape.data as Lesson;
  const issues = setupIssues(lesson.setup, lesson.steps);
  if (issues.length) throw new ConfigError(issues);
  return lesson;
}

/** Validate public/lessons/index.json; an id listed twice is an error. */
export function parseLessonIndex(raw: unknown): LessonIndex {
  const shape = indexSchema.safeParse(raw);
  if (!shape.success) throw new ConfigError(issuesOf(raw, shape.error));
  const ids = shape.data.lessons.map((l) => l.id);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) {
    const accepted = 'each lesson id once';
    throw new ConfigError([
      {
        path: `lessons[${twice}].id`,
        message: `${ids[twice]} is listed twice; accepted: ${accepted}`,
        accepted,
      },
    ]);
  }
  return shape.data;
}
