/**
 * The study session's protocol on the test backend: a bad study answers one 'error' naming its fields and
 * trains nothing; a second start while one runs is refused; a study posts started → progress per run (with
 * the page's study id) → done with the summary; cancel stops after the run in progress.
 */
import { describe, expect, it } from 'vitest';
import { trainGroup, type GroupTrainer } from '../../engine/runner/train-group';
import type { StudySpec } from '../../engine/study/types';
import type { FromStudyWorker } from './study-protocol';
import { StudySession } from './study-session';

function newSession(onPost: (m: FromStudyWorker, s: StudySession) => void = () => {}) {
  const posted: FromStudyWorker[] = [];
  const session: StudySession = new StudySession((m) => {
    posted.push(m);
    onPost(m, session);
  });
  return { posted, session };
}

/** EW and PCGrad on the default suite, 2 seeds, 10 steps, no baselines: 4 runs. */
const spec: StudySpec = {
  base: { steps: 10, reportEvery: 5 },
  grid: { 'method.id': ['ew', 'pcgrad'] },
  seeds: [1, 2],
  baselines: false,
};

describe('StudySession', () => {
  it('answers a bad study with its issues and trains nothing', async () => {
    const { posted, session } = newSession();
    await session.handle({
      type: 'start',
      studyId: 's',
      spec: { ...spec, grid: { 'method.id': ['nope'] } },
      backend: 'cpu',
    });
    expect(posted).toHaveLength(1);
    const [error] = posted;
    expect(error).toMatchObject({ type: 'error', studyId: 's', kind: 'config' });
    expect(error?.type === 'error' && error.issues?.some((i) => i.path.includes('method.id'))).toBe(true);
  });

  it('trains every run, tagged with the page’s study id, then summarises', async () => {
    const { posted, session } = newSession();
    await session.handle({ type: 'start', studyId: 'page-study', spec, backend: 'cpu' });
    expect(posted[0]).toMatchObject({ type: 'started', studyId: 'page-study', total: 4 });
    const progress = posted.filter((m) => m.type === 'progress');
    expect(progress.map((m) => m.done)).toEqual([1, 2, 3, 4]);
    expect(progress.every((m) => m.run.study?.id === 'page-study' && m.run.status === 'finished')).toBe(true);
    const done = posted.at(-1);
    expect(done).toMatchObject({ type: 'done', cancelled: false, done: 4, total: 4 });
    expect(done?.type === 'done' && done.summary?.groups.map((g) => g.seeds)).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it('deals jobs to the helper lanes it is given for the backend, with the same numbers', async () => {
    const alone = newSession();
    await alone.session.handle({ type: 'start', studyId: 'one', spec, backend: 'cpu' });
    const asked: string[] = [];
    const jobs: number[] = [];
    const helper: GroupTrainer = (configs, hooks) => {
      jobs.push(configs.length);
      return trainGroup(configs, hooks);
    };
    const posted: FromStudyWorker[] = [];
    const session = new StudySession((m) => posted.push(m), {
      helperLanes: (backend) => (asked.push(backend), [helper]),
    });
    await session.handle({ type: 'start', studyId: 'two', spec, backend: 'cpu' });
    expect(asked).toEqual(['cpu']);
    expect(posted[0]).toMatchObject({ type: 'started', lanes: 2 });
    // Two groups of two seeds on two lanes: a whole group each.
    expect(jobs).toEqual([2]);
    const summary = (list: FromStudyWorker[]) => list.find((m) => m.type === 'done');
    const [a, b] = [summary(alone.posted), summary(posted)];
    expect(a?.type === 'done' && b?.type === 'done' && b.summary?.groups).toEqual(
      a?.type === 'done' && a.summary?.groups,
    );
  });

  it('prepares the backend and the helpers before a study, and the study reuses that backend', async () => {
    const inits: string[] = [];
    const asked: string[] = [];
    const posted: FromStudyWorker[] = [];
    const session = new StudySession((m) => posted.push(m), {
      initBackend: (preference) => {
        inits.push(preference);
        return Promise.resolve({ backend: 'cpu', label: 'CPU' });
      },
      helperLanes: (backend) => (asked.push(backend), []),
    });
    await session.handle({ type: 'prepare', backend: 'auto' });
    expect(inits).toEqual(['auto']);
    expect(asked).toEqual(['cpu']);
    expect(posted).toEqual([]);
    await session.handle({ type: 'start', studyId: 's', spec, backend: 'auto' });
    expect(inits).toEqual(['auto']);
    expect(posted[0]).toMatchObject({ type: 'started', backend: 'cpu', lanes: 1 });
    // A backend that failed to start is tried again, and says why when a study needs it.
    const failing = new StudySession((m) => posted.push(m), {
      initBackend: () => Promise.reject(new Error('no WebAssembly here')),
    });
    await failing.handle({ type: 'prepare', backend: 'wasm' });
    await failing.handle({ type: 'start', studyId: 'f', spec, backend: 'wasm' });
    expect(posted.at(-1)).toMatchObject({
      type: 'error',
      studyId: 'f',
      kind: 'backend',
      message: 'no WebAssembly here',
    });
  });

  it('refuses a second study while one runs, and cancel stops after the run in progress', async () => {
    // Cancel when the first run lands, as the page does when a person presses Cancel.
    const { posted, session } = newSession(
      (m, s) => void (m.type === 'progress' && m.done === 1 && s.handle({ type: 'cancel' })),
    );
    const first = session.handle({ type: 'start', studyId: 'a', spec, backend: 'cpu' });
    void session.handle({ type: 'start', studyId: 'b', spec, backend: 'cpu' });
    expect(posted.find((m) => m.studyId === 'b')).toMatchObject({ type: 'error', kind: 'internal' });
    await first;
    const done = posted.find((m) => m.type === 'done');
    // Runs train one group at a time: the cancel lands after the first run and stops the next.
    expect(done).toMatchObject({ type: 'done', studyId: 'a', cancelled: true });
    const runs = posted.filter((m) => m.type === 'progress').map((m) => m.run.status);
    expect(runs[0]).toBe('finished');
    expect(runs.length).toBeLessThan(4);
  });
});
