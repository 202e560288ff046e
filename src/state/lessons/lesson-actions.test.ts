import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../engine/lessons/types';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { connect, type ClientLike } from '../actions';
import { createClassroomStore } from '../classroom/classroom-store';
import { createPlaygroundStore } from '../store';
import { closeLesson, connectLessons, doStep, goToStep, openLesson } from './lesson-actions';
import { createLessonStore } from './lesson-store';
import type { LessonFiles } from './load-lessons';

const toyLesson: Lesson = {
  id: 'methods-stop',
  title: 'Where do methods stop?',
  summary: 'Four methods from the same starts.',
  paper: { cite: 'Liu et al. (NeurIPS 2021)', url: 'https://arxiv.org/abs/2110.14048', where: 'Fig. 1' },
  finding: 'CAGrad reaches the mean-loss minimum; the others stop on the Pareto set.',
  setup: { kind: 'config', config: { task: { id: 'toy' }, method: { id: 'ew' }, learningRate: 0.01 } },
  steps: [
    { text: 'Press **Train**.', train: true, focus: 'loss' },
    { text: 'Switch to MGDA.', set: { 'method.id': 'mgda' } },
    { text: 'Now a larger step.', set: { learningRate: 0.05 }, train: true },
  ],
  notice: 'Where the paths end.',
  question: 'Why?',
  expected: 'CAGrad ends within 0.1 of (0, -8.355).',
};

const studyLesson: Lesson = {
  ...toyLesson,
  id: 'a-study',
  setup: {
    kind: 'study',
    study: {
      base: { task: { id: 'toy' }, steps: 500 },
      grid: { 'method.id': ['ew', 'pcgrad'] },
      seeds: [1],
      baselines: false,
    },
  },
  steps: [
    { text: 'Fewer steps.', set: { steps: 200 } },
    { text: 'Look at the plan.' },
    { text: 'Run it.', train: true },
  ],
};

function files(map: Record<string, unknown>): LessonFiles {
  const get = (path: string) => {
    if (!(path in map)) return Promise.reject(new Error('HTTP 404'));
    return Promise.resolve(map[path]);
  };
  return { json: get, text: (p) => get(p) as Promise<string> };
}

function setup() {
  const playground = createPlaygroundStore('');
  const sent: ToWorker[] = [];
  let listener: (m: FromWorker) => void = () => {};
  const client: ClientLike = {
    send: (m) => void sent.push(m),
    subscribe: (l) => ((listener = l), () => {}),
    backendUnavailable: () => Promise.resolve(null),
  };
  connect(playground, client);
  listener({ type: 'ready', backend: 'cpu', label: 'CPU' });
  listener({ type: 'configured', info: {} as TrainerInfo, config: playground.getState().config });
  const lessons = createLessonStore();
  const classroom = createClassroomStore(null, 'lessons');
  const started: unknown[] = [];
  connectLessons({
    playground,
    lessons,
    classroom,
    files: files({
      'lessons/index.json': {
        lessons: [
          { id: 'methods-stop', file: 'methods-stop.json' },
          { id: 'a-study', file: 'a-study.json' },
          { id: 'missing', file: 'missing.json' },
        ],
      },
      'lessons/methods-stop.json': toyLesson,
      'lessons/methods-stop.md': '# Intro',
      'lessons/a-study.json': studyLesson,
    }),
    study: () => Promise.resolve({ startSpec: (s: unknown) => (started.push(s), true) }),
  });
  sent.length = 0;
  return { playground, lessons, classroom, sent, started, emit: (m: FromWorker) => listener(m) };
}

describe('lesson player actions', () => {
  it('opens a config lesson: its setup applies, Training opens, its text is read; a missing file is named', async () => {
    const { playground, lessons, classroom } = setup();
    expect(await openLesson('methods-stop', { applySetup: true })).toBe(true);
    expect(playground.getState().config).toMatchObject({
      task: { id: 'toy' },
      method: { id: 'ew' },
      learningRate: 0.01,
    });
    expect(classroom.getState().tab).toBe('training');
    expect(lessons.getState().open).toMatchObject({ step: 0, text: '# Intro', done: [] });
    expect(lessons.getState().problems).toEqual(['Lesson missing.json could not be read: HTTP 404.']);
    expect(lessons.getState().lessons?.map((l) => l.id)).toEqual(['methods-stop', 'a-study']);
  });

  it("Do it applies a step's set as --set does (live method change while trained), trains when it says so", async () => {
    const { playground, lessons, sent, emit } = setup();
    await openLesson('methods-stop');
    expect(await doStep()).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'play', until: playground.getState().config.steps });
    expect(lessons.getState().focus).toEqual({ target: 'loss', seq: 1 });
    emit({ type: 'reports', reports: [], step: 200, stepsPerSecond: 100, running: true });
    goToStep(1);
    sent.length = 0;
    await doStep();
    // The method changes live: no reset, the run goes on.
    expect(playground.getState().config.method.id).toBe('mgda');
    expect(sent).toEqual([{ type: 'set-method', method: playground.getState().config.method }]);
    expect(lessons.getState().open?.done).toEqual([0, 1]);
  });

  it('a step that trains after a run starts a fresh one (the old is kept) that stops at the budget', async () => {
    const { playground, sent, emit } = setup();
    await openLesson('methods-stop');
    await doStep();
    const budget = playground.getState().config.steps;
    expect(sent.at(-1)).toEqual({ type: 'play', until: budget });
    // The first run trained on past its budget (the app does, outside lessons).
    emit({ type: 'reports', reports: [], step: budget + 10, stepsPerSecond: 100, running: true });
    goToStep(2);
    sent.length = 0;
    await doStep();
    // The session pauses by itself at the budget (session.test.ts): no pause from the page.
    expect(sent).toEqual([
      expect.objectContaining({ type: 'set-learning-rate' }),
      { type: 'reset' },
      { type: 'play', until: budget },
    ]);
  });

  it('a link at step 3 applies the changes of steps 1 and 2, not 3', async () => {
    const { playground, lessons } = setup();
    await openLesson('methods-stop', { step: 3 });
    expect(playground.getState().config.method.id).toBe('mgda');
    expect(playground.getState().config.learningRate).toBe(0.01);
    expect(lessons.getState().open).toMatchObject({ step: 2, done: [1] });
    // Without applySetup (a reload whose link holds its experiment), the experiment open stays.
    closeLesson();
    await openLesson('methods-stop', { step: 2, applySetup: false });
    expect(playground.getState().config.method.id).toBe('mgda');
  });

  it('a change that needs a reset after training is confirmed at once (the lesson asked for it)', async () => {
    const { playground, sent, emit } = setup();
    await openLesson('methods-stop', { step: 3 });
    emit({ type: 'reports', reports: [], step: 500, stepsPerSecond: 100, running: false });
    sent.length = 0;
    await doStep();
    expect(playground.getState().pendingChange).toBeNull();
    expect(playground.getState().config.learningRate).toBe(0.05);
    expect(sent.map((m) => m.type)).toContain('play');
  });

  it('a study lesson changes its study base and starts the study on the Studies tab', async () => {
    const { playground, classroom, started } = setup();
    await openLesson('a-study');
    expect(classroom.getState().tab).toBe('studies');
    expect(playground.getState().config.steps).toBe(500);
    await doStep();
    goToStep(2);
    await doStep();
    const { study } = studyLesson.setup as { study: object };
    expect(started).toEqual([{ ...study, base: { task: { id: 'toy' }, steps: 200 } }]);
    expect(playground.getState().config.steps).toBe(200);
  });

  it('names an unknown lesson with the known ids, and a bad set path with its step', async () => {
    const { lessons } = setup();
    expect(await openLesson('nope')).toBe(false);
    expect(lessons.getState().error).toBe(
      "There is no lesson 'nope'; the lessons are: methods-stop, a-study.",
    );
    await openLesson('methods-stop');
    lessons.setState({
      open: {
        ...lessons.getState().open!,
        lesson: { ...toyLesson, steps: [{ text: 'x', set: { 'bogus.path': 1 } }] },
      },
    });
    expect(await doStep()).toBe(false);
    expect(lessons.getState().error).toMatch(/^Step 1 cannot apply bogus\.path: unknown field bogus/);
  });
});
