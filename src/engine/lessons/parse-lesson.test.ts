/**
 * parseLesson / parseLessonIndex: a valid lesson comes back as it was, and every kind of mistake is one
 * ConfigError whose issue names the field (with its list index) and what that field accepts.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/types';
import { parseLesson, parseLessonIndex } from './parse-lesson';

const valid = () => ({
  id: 'toy-lesson',
  title: 'A lesson',
  summary: 'One line.',
  paper: { cite: 'A. Author (2021), A paper', url: 'https://arxiv.org/abs/2110.14048', where: 'Fig. 1' },
  finding: 'Something holds.',
  setup: {
    kind: 'config',
    config: {
      task: { id: 'toy' },
      architecture: { id: 'point' },
      method: { id: 'ew' },
      steps: 100,
      reportEvery: 10,
    },
  },
  steps: [
    { text: 'Train.', set: { 'method.id': 'mgda' }, train: true, focus: 'landscape' },
    { text: 'Now CAGrad.', set: { 'method.id': 'cagrad', 'method.params.c': 0.5 }, train: true },
    { text: 'Look.' },
  ],
  notice: 'Notice this.',
  question: 'Why?',
  expected: 'CAGrad reaches -15.09 from 5/5 starts.',
});

/** The issues parseLesson throws for `raw` (it must throw a ConfigError). */
function issuesOf(raw: unknown, parse: (raw: unknown) => unknown = parseLesson) {
  try {
    parse(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.message).not.toContain('\n');
    return e.issues;
  }
  throw new Error('expected a ConfigError');
}

describe('parseLesson', () => {
  it('returns a valid lesson unchanged', () => {
    expect(parseLesson(valid())).toEqual(valid());
  });

  it('names a missing or wrong field and what it accepts', () => {
    const { title: _t, ...noTitle } = valid();
    expect(issuesOf(noTitle)[0]?.path).toBe('title');
    expect(issuesOf(noTitle)[0]?.message).toBe('expected text of 1 to 120 characters, got nothing');
    const id = issuesOf({ ...valid(), id: 'Not Kebab' })[0];
    expect(id?.path).toBe('id');
    expect(id?.message).toMatch(/^expected kebab-case .*, got "Not Kebab"$/);
    expect(issuesOf({ ...valid(), paper: { ...valid().paper, url: 'http://x' } })[0]?.path).toBe('paper.url');
    const steps = valid().steps;
    expect(issuesOf({ ...valid(), steps: [...steps, { text: 'x', train: 'yes' }] })[0]).toMatchObject({
      path: 'steps[3].train',
      accepted: 'true or false',
    });
  });

  it('refuses unknown fields, naming them and the accepted ones', () => {
    const issue = issuesOf({ ...valid(), colour: 'red' })[0];
    expect(issue?.path).toBe('colour');
    expect(issue?.message).toContain('accepted: id, title');
    expect(issuesOf({ ...valid(), steps: [{ text: 'a', wait: 1 }, ...valid().steps] })[0]?.path).toBe(
      'steps[0].wait',
    );
  });

  it('takes 3 to 6 steps', () => {
    const step = { text: 'x' };
    expect(issuesOf({ ...valid(), steps: [step, step] })[0]?.path).toBe('steps');
    expect(issuesOf({ ...valid(), steps: Array(7).fill(step) })[0]?.accepted).toContain('3 to 6 steps');
    expect(() => parseLesson({ ...valid(), steps: Array(6).fill(step) })).not.toThrow();
  });

  it("validates the setup with the config parser, under the setup's path", () => {
    const bad = { ...valid(), setup: { kind: 'config', config: { method: { id: 'nope' } } } };
    expect(issuesOf(bad)[0]?.path).toBe('setup.config.method.id');
    expect(issuesOf({ ...valid(), setup: { kind: 'run', config: {} } })[0]).toMatchObject({
      path: 'setup.kind',
      accepted: '"config" or "study"',
    });
  });

  it('applies every step on top of the earlier ones: a step that breaks the config is named', () => {
    const steps = valid().steps;
    // c belongs to CAGrad: after step 0 switched to MGDA, setting it is an unknown parameter.
    const bad = { ...valid(), steps: [steps[0], { text: 'c', set: { 'method.params.c': 0.5 } }, steps[2]] };
    expect(issuesOf(bad)[0]?.path).toMatch(/^steps\[1\]\.set\.method\.params/);
    const badPath = { ...valid(), steps: [{ text: 'x', set: { 'colour.id': 1 } }, ...steps] };
    expect(issuesOf(badPath)[0]?.path).toMatch(/^steps\[0\]\.set/);
  });

  it('validates a study setup with the study parser', () => {
    const study = {
      base: { task: { id: 'toy' }, steps: 100, reportEvery: 10 },
      grid: { 'method.id': ['ew', 'mgda'] },
      seeds: 2,
    };
    const lesson = {
      ...valid(),
      setup: { kind: 'study', study },
      steps: [{ text: 'a' }, { text: 'b' }, { text: 'c' }],
    };
    expect(() => parseLesson(lesson)).not.toThrow();
    const bad = { ...lesson, setup: { kind: 'study', study: { ...study, seeds: 0 } } };
    expect(issuesOf(bad)[0]?.path).toBe('setup.study.seeds');
  });
});

describe('parseLessonIndex', () => {
  it('takes { lessons: [{ id, file }] } and refuses an id listed twice', () => {
    const entry = { id: 'cagrad-toy', file: 'cagrad-toy.json' };
    expect(parseLessonIndex({ lessons: [entry] })).toEqual({ lessons: [entry] });
    expect(issuesOf({ lessons: [entry, entry] }, parseLessonIndex)[0]?.path).toBe('lessons[1].id');
    expect(issuesOf({ lessons: [{ id: 'x', file: 'x.md' }] }, parseLessonIndex)[0]?.path).toBe(
      'lessons[0].file',
    );
  });
});
